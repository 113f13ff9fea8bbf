"""What every exportable chart is: the figure, its data, its words, its origin, and the footer that says so.

Views build these; the page shows them and the exporters (exports/) write them, reading only what
exports/exportable.Exportable names. A chart plugs into images, data files and decks by being one ChartExport.

The footer is the view's own words: its sources by document title ("Keski-Pohjanmaan tilannekatsaus
6/2025"), never a file name, hash or code; the data date and demo marker; and the view in words
("Indikaattori · Kiireettömät käynnit 7 vrk:ssa · Keski-Pohjanmaa") with its full address as a link behind
them, never a query string as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from config import settings
from domain.documents import titles
from exports.native import NativeChart, NativeTable
from i18n import t

MAX_TITLES = 4  # a footer is one or two lines; the data sheet of the XLSX lists every source


@dataclass(frozen=True)
class ChartExport:
    key: str  # stable id, e.g. "headline-care_guarantee_7day_share-358"
    title: str
    summary: str  # one sentence: caption, alt text and speaker notes
    figure: go.Figure
    data: pd.DataFrame  # the numbers behind the chart, with provenance columns
    lang: str
    native: NativeChart | NativeTable | None = None  # None: a picture is the only faithful form
    caveats: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    data_date: str = ""  # formatted date of the newest load
    is_demo: bool = False
    permalink: str = ""  # the view's query string, e.g. "page=yleiskuva&lang=fi"
    extra: dict = field(default_factory=dict)

    def source_titles(self, lang: str | None = None, short: bool = False) -> list[str]:
        """The sources as a reader sees them: document titles (short ones for footers), never file names or codes."""
        return titles(self.sources, lang or self.lang, short=short)

    def source_line(self, lang: str | None = None) -> str:
        """'Lähteet: Keski-Pohjanmaan tilannekatsaus 6/2025; … · Tiedot ladattu 23.11.2026 · Esimerkkiaineisto …'."""
        lang = lang or self.lang
        parts = []
        shown = self.source_titles(lang, short=True)
        if shown:
            key = "exports.sources" if len(shown) > 1 else "exports.source"
            more = f"; +{len(shown) - MAX_TITLES}" if len(shown) > MAX_TITLES else ""
            parts.append(f"{t(key, lang)}: {'; '.join(shown[:MAX_TITLES])}{more}")
        if self.data_date:
            parts.append(t("exports.loaded", lang, date=self.data_date))
        if self.is_demo:
            parts.append(t("exports.demo", lang))
        return " · ".join(parts)

    def view_text(self, lang: str | None = None) -> str:
        """'Näkymä: Indikaattori · Kiireettömät käynnit 7 vrk:ssa · Keski-Pohjanmaa': the words the link sits on."""
        if not self.permalink:
            return ""
        return f"{t('exports.permalink', lang or self.lang)}: {self.extra.get('view') or self.title}"

    def view_url(self) -> str:
        """The full address of the view, for a hyperlink: 'http://…/indikaattori?indicator=…&regions=18'."""
        return f"{settings().public_url}/{self.permalink.lstrip('/')}" if self.permalink else ""
