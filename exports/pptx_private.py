"""What the decks need from python-pptx beyond its public API, in one place (python-pptx 1.0).

python-pptx cannot remove a slide (a template's own slides must go) and has no property for a
shape's alt text. Both are done on the XML the public `.element` properties expose. If an upgrade
moves that XML, these functions raise PptxChanged, and tests/exports/test_pptx_private.py fails
with the same message, instead of decks silently keeping a template's slides.
"""

from __future__ import annotations

from pptx.presentation import Presentation


class PptxChanged(RuntimeError):
    """The python-pptx internals these helpers rely on are gone: read this module before upgrading."""


def drop_all_slides(prs: Presentation) -> None:
    """Remove every slide, keeping the masters and layouts (the parts go when the file is saved)."""
    slide_ids = getattr(prs.element, "sldIdLst", None)
    if slide_ids is None or not hasattr(prs.part, "drop_rel"):
        raise PptxChanged("python-pptx no longer exposes <p:sldIdLst> or Part.drop_rel: see exports/pptx_private.py")
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    if len(prs.slides):
        raise PptxChanged(f"{len(prs.slides)} slides left after removing all: see exports/pptx_private.py")


def set_alt_text(shape, text: str) -> None:
    """Alt text (descr) on the shape's non-visual properties: screen readers read it in PowerPoint."""
    found = shape.element.xpath("./*[1]/p:cNvPr")
    if not found:
        raise PptxChanged(f"no <p:cNvPr> on a {type(shape).__name__}: see exports/pptx_private.py")
    found[0].set("descr", text)
