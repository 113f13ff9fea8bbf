"""The colours every picture shares (screen charts, images, PowerPoint) and the one WCAG contrast formula.

A leaf: it imports nothing of ours, so charts/ and exports/ both read it without importing each other
(tests/test_architecture.py keeps it so). Contrast ratios in the comments are against white.
"""

from __future__ import annotations

WHITE = "#ffffff"
BLACK = "#000000"
INK = "#1b1b1b"
MUTED = "#5a5a5a"
GRID = "#e3e3e3"
ACTUAL = "#1f4e79"  # dark blue: 8.7:1
TARGET = "#a4262c"  # dark red: 7.3:1
BASELINE = "#5a5a5a"
AREA_COLOURS = ("#1f4e79", "#b45309", "#0f766e", "#7e22ce", "#be123c", "#4d7c0f", "#1d4ed8", "#9a3412")
NATIONAL = "#6b7280"
PATH = "#374151"
# A native PowerPoint chart's series in order when its view names no colours: actual, target, then areas.
SERIES = (ACTUAL, TARGET, *AREA_COLOURS[1:7])


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour (0 black – 1 white)."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str = WHITE) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours (1–21)."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(fill: str) -> str:
    """White or black text, whichever contrasts more with the fill."""
    return WHITE if contrast(WHITE, fill) >= contrast(BLACK, fill) else BLACK
