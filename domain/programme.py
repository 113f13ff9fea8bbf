"""The RRP programme's vocabulary from data/reference/programme.toml: investments, dimensions, statuses, dates."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"


class Status(StrEnum):
    """A county's traffic light for one dimension (data from the reports, never computed)."""

    ON_TRACK = "on_track"  # Hanke etenee suunnitellusti (green)
    MONITOR = "monitor"  # Seurattava (yellow)
    QUICK_ACTION = "quick_action"  # Edellyttää nopeita toimenpiteitä (red)
    NOT_REPORTED = "not_reported"  # Ei raportoitava: a status someone gave, not missing data


@dataclass(frozen=True)
class Programme:
    start: date
    end: date
    whole_country: str
    default_area: str
    investments: tuple[str, ...]
    pillar_level: tuple[str, ...]  # budget rows for a whole pillar, e.g. its coordination
    dimensions: tuple[str, ...]  # codes, in the reports' order
    dimension_words: dict[str, tuple[str, ...]]  # code → accepted words, the documents' first
    status_words: dict[Status, tuple[str, ...]]
    status_shown_en: dict[Status, str]

    def status_of(self, word: str) -> Status | None:
        """A status as written in a file (any case, any spacing, fi/sv/en or our code)."""
        return _STATUS_LOOKUP.get(" ".join(str(word).lower().split()))

    def dimension_of(self, word: str) -> str | None:
        return _DIMENSION_LOOKUP.get(" ".join(str(word).lower().split()))

    def shown_statuses(self) -> tuple[str, ...]:
        """What a problem lists as expected: the documents' words, then English."""
        return tuple(words[0] for words in self.status_words.values()) + tuple(self.status_shown_en.values())

    def shown_dimensions(self) -> tuple[str, ...]:
        return tuple(words[0] for words in self.dimension_words.values())


def pillar_of(investment: str) -> str:
    """'P4I1' → 'P4', 'P3_IPS' → 'P3'."""
    return investment[:2]


def load(path: Path = REFERENCE_DIR / "programme.toml") -> Programme:
    """Read the vocabulary; a missing key fails here, at import, not on a page."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return Programme(
        start=raw["project"]["start"],
        end=raw["project"]["end"],
        whole_country=raw["codes"]["whole_country"],
        default_area=raw["codes"]["default_area"],
        investments=tuple(raw["investments"]["codes"]),
        pillar_level=tuple(raw["investments"]["pillar_level"]),
        dimensions=tuple(raw["dimensions"]),
        dimension_words={code: tuple(words) for code, words in raw["dimensions"].items()},
        status_words={Status(code): tuple(words) for code, words in raw["statuses"].items()},
        status_shown_en={Status(code): word for code, word in raw["statuses_shown_en"].items()},
    )


PROGRAMME = load()
_STATUS_LOOKUP = {
    " ".join(word.lower().split()): status
    for status, words in PROGRAMME.status_words.items()
    for word in (*words, status.value)
}
_DIMENSION_LOOKUP = {
    " ".join(word.lower().split()): code for code, words in PROGRAMME.dimension_words.items() for word in (*words, code)
}
DIMENSIONS = PROGRAMME.dimensions
INVESTMENTS = PROGRAMME.investments
PILLAR_LEVEL = PROGRAMME.pillar_level
PROJECT_START = PROGRAMME.start
PROJECT_END = PROGRAMME.end
