"""A view's choices in words, for the footer link of an export: 'Indikaattori · Kiireettömät käynnit 7 vrk:ssa ·
Keski-Pohjanmaa' instead of 'indikaattori?indicator=care_guarantee_7day_share&regions=18'."""

from __future__ import annotations

from collections.abc import Mapping

from charts.report_summaries import dimension_name, investment_name
from domain.periods import canonical
from i18n import fmt, t
from views import Data
from views.choices import values

MAX_WORDS = 8  # region names and the like shown before "…"
HIDDEN = {"lang", "mode", "by", "q", "source", "areas", "asof"}  # layout switches, or already in the chart title


def describe(title_key: str, chosen: Mapping[str, str], data: Data, lang: str) -> str:
    """The page's name, then each chosen value by its name, never by its code."""
    words = [t(title_key, lang)]
    indicators = data.indicators().set_index("indicator_code")
    regions = data.regions().set_index("region_code")
    for name, raw in chosen.items():
        if name in HIDDEN | _unused(chosen) or not raw:
            continue
        if name == "indicator" and raw in indicators.index:
            words.append(str(indicators.at[raw, f"short_{lang}"]))
        elif name in ("region", "regions", "area"):
            names = [str(regions.at[r, f"name_{lang}"]) for r in values(raw) if r in regions.index]
            words.append(", ".join(names[:MAX_WORDS]) + (" …" if len(names) > MAX_WORDS else ""))
        elif name == "period" and canonical(raw):
            words.append(fmt.period(raw, lang))
        elif name == "investment":
            words.append(investment_name(raw, lang))
        elif name == "dimension":
            words.append(dimension_name(raw, lang))
    return " · ".join(w for w in words if w)


def _unused(chosen: Mapping[str, str]) -> set[str]:
    """Liikennevalot keeps every parameter in its URL, but a grid by dimension ignores the dimension, etc."""
    if chosen.get("mode") == "history":
        return {"period"}
    return {"dimension"} if chosen.get("by") == "dimension" else {"investment"} if chosen.get("by") else set()
