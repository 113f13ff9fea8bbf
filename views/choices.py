"""A page's choices: what each URL parameter may hold and its default, decided once for page and CLI alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LIST_SEPARATOR = ","  # several values in one URL parameter: ?regions=18,11


@dataclass(frozen=True)
class Choice:
    """One URL parameter: its options in the order shown, and the default."""

    options: tuple[str, ...]
    default: tuple[str, ...]  # one value, or several for a multiple choice
    multiple: bool = False

    @classmethod
    def one(cls, options: Sequence[str], default: str | None = None) -> Choice:
        options = tuple(options)
        fallback = default if default in options else (options[0] if options else "")
        return cls(options, (fallback,) if fallback else ())

    @classmethod
    def several(cls, options: Sequence[str], default: Sequence[str]) -> Choice:
        options = tuple(options)
        return cls(options, tuple(v for v in default if v in options), multiple=True)

    def pick(self, raw: str | None) -> str:
        """A URL value → a valid value: itself when offered, else the default; several are comma-joined."""
        if self.multiple:
            chosen = [v for v in (raw or "").split(LIST_SEPARATOR) if v in self.options] if raw else []
            return LIST_SEPARATOR.join(chosen or self.default)
        if raw in self.options:
            return raw
        return self.default[0] if self.default else ""


def resolve(choices: Mapping[str, Choice], params: Mapping[str, str]) -> dict[str, str]:
    """Every choice picked from the URL parameters, defaults filled in; other parameters kept as they are."""
    return {**params, **{name: choice.pick(params.get(name)) for name, choice in choices.items()}}


def values(raw: str) -> list[str]:
    """'18,11' → ['18', '11']."""
    return [v for v in raw.split(LIST_SEPARATOR) if v]
