"""A 16:9 PowerPoint deck from ChartExports: native charts and tables a county can edit, pictures only as fallback."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from exports import images
from exports.exportable import Exportable
from exports.figure_series import TimeSeries, time_series
from exports.native import NativeChart, NativeTable
from exports.pptx_private import drop_all_slides, set_alt_text
from i18n import fmt, t
from palette import GRID, SERIES, ink_on
from palette import MUTED as MUTED_INK

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.0)
FOOTER_HEIGHT = Inches(0.6)
MUTED = RGBColor.from_string(MUTED_INK.lstrip("#"))  # footers and listings
CHART_TYPES = {
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "barh": XL_CHART_TYPE.BAR_CLUSTERED,
}
# charts/theme.py's actual, target and area colours (exports may not import charts, see STYLE.md §1).
PALETTE = SERIES  # the screen's actual, target and area colours (palette.py; exports do not import charts)
# Excel format codes: a bare % would multiply by 100, but our shares are already 0–100, so % is quoted text.
PERCENT_AXIS, PERCENT_VALUE = '0"\u00a0%"', '0.0"\u00a0%"'
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of the serial dates a PowerPoint time axis counts in
YEAR = 365.25
DASHES = {"dash": MSO_LINE_DASH_STYLE.DASH, "dot": MSO_LINE_DASH_STYLE.ROUND_DOT}
MARKERS = {"circle": XL_MARKER_STYLE.CIRCLE, "square": XL_MARKER_STYLE.SQUARE, "diamond": XL_MARKER_STYLE.DIAMOND}


def _open(template: bytes | None) -> tuple[Presentation, bool]:
    """The template's masters and layouts without its slides, or python-pptx's default made 16:9."""
    if not template:
        prs = Presentation()
        prs.slide_width, prs.slide_height = WIDE
        return prs, False
    prs = Presentation(io.BytesIO(template))
    drop_all_slides(prs)
    return prs, True


def _layout(prs: Presentation, names: tuple[str, ...], fallback: int):
    """A layout by its usual English name (templates keep them), else by position, else the last one."""
    for layout in prs.slide_layouts:
        if layout.name in names:
            return layout
    layouts = list(prs.slide_layouts)
    return layouts[fallback] if fallback < len(layouts) else layouts[-1]


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _text(shape, lines: Sequence[str], size: int, colour: RGBColor | None = None, bold: bool = False) -> None:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = ""
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        if colour is not None:
            run.font.color.rgb = colour


def _on_time_axis(native) -> bool:
    """Line charts of periods go on a time axis; bars and tables keep their categories."""
    return isinstance(native, NativeChart) and native.kind == "line"


def _serial(day: date) -> int:
    return (day - EXCEL_EPOCH).days


def _style(drawn, series: TimeSeries) -> None:
    """Colour, dash and marker as on screen; a markers-only trace (a target) draws no line."""
    rgb = _rgb(series.colour)
    drawn.smooth = False
    if series.line:
        drawn.format.line.color.rgb = rgb
        drawn.format.line.width = Pt(2.25 if series.dash == "solid" else 1.5)
        if series.dash in DASHES:
            drawn.format.line.dash_style = DASHES[series.dash]
    else:
        drawn.format.line.fill.background()
    if series.markers:
        drawn.marker.style = MARKERS[series.symbol]
        drawn.marker.size = max(series.size, 12 if len(series.dates) == 1 else 5)  # a lone target must be found
        drawn.marker.format.fill.solid()
        drawn.marker.format.fill.fore_color.rgb = rgb
        drawn.marker.format.line.color.rgb = rgb
    else:
        drawn.marker.style = XL_MARKER_STYLE.NONE


def _time_axis(axis, days: Sequence[date], lang: str) -> None:
    """Years on the x axis from the first to the last date, and a note on where a period stands."""
    first, last = min(days), max(days)
    # A day past each 1 January, so a quarter-day drift per year never shows the previous year.
    axis.minimum_scale = _serial(date(first.year, 1, 1)) + 1
    axis.maximum_scale = _serial(date(last.year + 1, 1, 1)) + 1
    axis.major_unit = YEAR
    axis.has_major_gridlines = False
    axis.tick_labels.number_format = "yyyy"
    axis.tick_labels.number_format_is_linked = False
    axis.has_title = True
    axis.axis_title.text_frame.text = t("deck.time_axis", lang)
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False


def _hide_from_legend(chart, indexes: Sequence[int]) -> None:
    """Legend entries deleted for series the screen leaves out of its legend (python-pptx has no API)."""
    legend = chart.legend._element
    position = legend.find(qn("c:legendPos"))
    for index in reversed(indexes):
        entry = legend.makeelement(qn("c:legendEntry"), {})
        entry.append(entry.makeelement(qn("c:idx"), {"val": str(index)}))
        entry.append(entry.makeelement(qn("c:delete"), {"val": "1"}))
        if position is not None:
            position.addnext(entry)
        else:
            legend.insert(0, entry)


class DeckBuilder:
    """Slides in order onto one presentation; geometry follows its slide size."""

    def __init__(self, lang: str, template: bytes | None, browser_path: str) -> None:
        self.lang = lang
        self.browser_path = browser_path
        self.prs, self.templated = _open(template)
        self.width, self.height = self.prs.slide_width, self.prs.slide_height

    def _slide(self, title: str, layout=None):
        slide = self.prs.slides.add_slide(layout or _layout(self.prs, ("Title Only",), 5))
        box = slide.shapes.title
        if box is None:  # a template layout without a title placeholder
            box = slide.shapes.add_textbox(MARGIN, TITLE_TOP, self.width - 2 * MARGIN, TITLE_HEIGHT)
        elif not self.templated:  # the default master is 4:3; place the title for 16:9
            box.left, box.top, box.width, box.height = MARGIN, TITLE_TOP, self.width - 2 * MARGIN, TITLE_HEIGHT
        box.text_frame.word_wrap = True
        box.text = title
        if not self.templated:
            box.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            for para in box.text_frame.paragraphs:
                para.alignment = PP_ALIGN.LEFT
                para.runs[0].font.size = Pt(24)
                para.runs[0].font.bold = True
        return slide

    def _footer(self, slide, lines: Sequence[str], link: tuple[str, str] = ("", "")) -> None:
        """Muted lines at the bottom; link (words, address) is the last line, the words clickable."""
        top = self.height - FOOTER_HEIGHT - Inches(0.1)
        box = slide.shapes.add_textbox(MARGIN, top, self.width - 2 * MARGIN, FOOTER_HEIGHT)
        box.name = "Footer"
        words, address = link
        _text(box, [line for line in (*lines, words) if line], 10, MUTED)
        if words and address:
            run = box.text_frame.paragraphs[-1].runs[0]
            run.hyperlink.address = address
            run.font.color.rgb = MUTED  # a link's theme colour would shout in a footer; it stays underlined
            run.font.underline = True

    def _body(self) -> tuple[Emu, Emu, Emu, Emu]:
        top = TITLE_TOP + TITLE_HEIGHT + Inches(0.1)
        bottom = self.height - FOOTER_HEIGHT - Inches(0.2)
        return MARGIN, top, self.width - 2 * MARGIN, bottom - top

    def title_slide(self, title: str, subtitle: str, selection: Sequence[str], demo: bool) -> None:
        slide = self.prs.slides.add_slide(_layout(self.prs, ("Title Slide",), 0))
        heading = slide.shapes.title or slide.shapes.add_textbox(
            MARGIN, Inches(1.5), self.width - 2 * MARGIN, Inches(1.5)
        )
        heading.text = title
        body = [p for p in slide.placeholders if p.placeholder_format.idx != 0]
        sub = body[0] if body else slide.shapes.add_textbox(MARGIN, Inches(3), self.width - 2 * MARGIN, Inches(1.2))
        sub.text = subtitle
        if not self.templated:  # the default master is 4:3: lay the title page out for 16:9
            heading.left, heading.top, heading.width, heading.height = (
                MARGIN,
                Inches(1.2),
                self.width - 2 * MARGIN,
                Inches(1.4),
            )
            sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(2.7), self.width - 2 * MARGIN, Inches(1.2)
        listing = slide.shapes.add_textbox(Inches(1.5), Inches(4.1), self.width - Inches(3), Inches(2.4))
        listing.name = "Selection"
        _text(listing, selection, 14, MUTED)
        self._footer(slide, [t("exports.demo", self.lang) if demo else ""])

    def digest_slide(self, lines: Sequence[str], footer: Sequence[str]) -> None:
        slide = self._slide(t("deck.digest_title", self.lang))
        left, top, width, height = self._body()
        box = slide.shapes.add_textbox(left, top, width, height)
        _text(box, [f"• {line}" for line in lines], 18)
        self._footer(slide, footer)

    def chart_slide(self, chart: Exportable) -> None:
        slide = self._slide(chart.title)
        box = self._body()
        timed = time_series(chart.figure, PALETTE) if _on_time_axis(chart.native) else []
        if timed:
            shape = self._time_chart(slide, timed, chart.native.percent, box)
        elif isinstance(chart.native, NativeChart):
            shape = self._native_chart(slide, chart.native, box)
        elif isinstance(chart.native, NativeTable):
            shape = self._native_table(slide, chart.native, box)
        else:
            shape = self._picture(slide, chart, box)
        set_alt_text(shape, f"{chart.title}. {chart.summary}")
        self._footer(slide, [chart.source_line(self.lang)], (chart.view_text(self.lang), chart.view_url()))
        notes = [chart.summary, *(f"{t('exports.caveats', self.lang)}: {c}" for c in chart.caveats)]
        slide.notes_slide.notes_text_frame.text = "\n\n".join(notes)

    def _native_chart(self, slide, native: NativeChart, box):
        data = CategoryChartData(number_format=PERCENT_VALUE if native.percent else "General")
        data.categories = native.categories
        for name, values in native.series:
            data.add_series(name, values)
        frame = slide.shapes.add_chart(CHART_TYPES[native.kind], *box, data)
        chart = frame.chart
        chart.font.size = Pt(12)
        chart.has_legend = len(native.series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        axis = chart.value_axis
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = _rgb(GRID)  # quiet, as on screen
        axis.tick_labels.number_format = PERCENT_AXIS if native.percent else "#,##0"
        axis.tick_labels.number_format_is_linked = False
        colours = native.colours or PALETTE
        for series, colour, (_, values) in zip(chart.plots[0].series, colours, native.series, strict=False):
            rgb = _rgb(colour)
            if native.kind == "line":
                series.format.line.color.rgb = rgb
                # A lone point (a target) needs a marker big enough to find.
                series.marker.size = 12 if sum(v is not None for v in values) == 1 else 7
                series.marker.format.fill.solid()
                series.marker.format.fill.fore_color.rgb = rgb
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = rgb
        return frame

    def _time_chart(self, slide, timed: Sequence[TimeSeries], percent: bool, box):
        """The screen's traces on a time axis: each series joins only its own dates (see figure_series)."""
        # LibreOffice (7.4) drops every XY series placed before the one with the most points: that one leads.
        longest = max(range(len(timed)), key=lambda i: len(timed[i].dates))
        timed = [timed[longest], *timed[:longest], *timed[longest + 1 :]]
        data = XyChartData()
        for series in timed:
            added = data.add_series(series.name or " ", number_format=PERCENT_VALUE if percent else "General")
            for day, value in zip(series.dates, series.values, strict=True):
                added.add_data_point(_serial(day), value)
        frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER_LINES, *box, data)
        chart = frame.chart
        chart.font.size = Pt(12)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        _hide_from_legend(chart, [i for i, series in enumerate(timed) if not series.name])
        for drawn, series in zip(chart.plots[0].series, timed, strict=True):
            _style(drawn, series)
        _time_axis(chart.category_axis, [day for series in timed for day in series.dates], self.lang)
        axis = chart.value_axis
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = _rgb(GRID)
        axis.tick_labels.number_format = PERCENT_AXIS if percent else "#,##0"
        axis.tick_labels.number_format_is_linked = False
        return frame

    def _native_table(self, slide, native: NativeTable, box):
        left, top, width, height = box
        rows, cols = len(native.rows) + 1, len(native.header)
        row_height = min(Inches(0.45), height // rows)
        frame = slide.shapes.add_table(rows, cols, left, top, width, row_height * rows)
        table = frame.table
        size = 12 if rows <= 12 else 9 if rows <= 24 else 7
        for c, text in enumerate(native.header):
            _text(table.cell(0, c), [text], size, bold=True)
        for r, row in enumerate(native.rows, start=1):
            table.rows[r].height = row_height
            fills = native.fills[r - 1] if r - 1 < len(native.fills) else ()
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                if rows > 12:  # default cell padding would push a 22-area grid into the footer
                    cell.margin_top = cell.margin_bottom = Inches(0.01)
                fill = fills[c] if c < len(fills) else None
                _text(cell, [text], size, _rgb(ink_on(fill)) if fill else None)
                if fill:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = _rgb(fill)
        table.rows[0].height = row_height
        return frame

    def _picture(self, slide, chart: Exportable, box):
        """PowerPoint cannot draw it (a tile map): the on-screen figure as an image, fitted into the box."""
        left, top, width, height = box
        fig = chart.figure.to_dict()  # a copy: the on-screen figure stays as it is
        px_width = 1000  # slide text stays legible once the image is scaled to the body box
        px_height = int(px_width * height / width)
        fig["layout"].update(width=px_width, height=px_height)
        picture = images.render(fig, "png", images.SCALE, self.browser_path)
        return slide.shapes.add_picture(io.BytesIO(picture), left, top, width, height)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def build(
    charts: Sequence[Exportable],
    lang: str = "fi",
    *,
    digest: Sequence[str] = (),
    template: bytes | None = None,
    on: date | None = None,
    browser_path: str = images.DEFAULT_BROWSER,
) -> bytes:
    """Title slide, the optional digest, then one slide per chart; returns the .pptx bytes."""
    deck = DeckBuilder(lang, template, browser_path)
    titles = list(dict.fromkeys(chart.title for chart in charts))
    shown = [title if len(title) <= 110 else title[:108] + " …" for title in titles[:8]]
    selection = [t("deck.selection", lang, items=len(charts)), *(f"• {title}" for title in shown)]
    selection += ["…"] if len(titles) > 8 else []
    subtitle = "\n".join([t("deck.subtitle", lang), fmt.day(on or date.today(), lang)])
    demo = any(chart.is_demo for chart in charts)
    deck.title_slide(t("deck.title", lang), subtitle, selection, demo)
    if digest:
        dates = sorted({chart.data_date for chart in charts if chart.data_date})
        loaded = t("exports.loaded", lang, date=dates[-1]) if dates else ""
        deck.digest_slide(digest, [loaded, t("exports.demo", lang) if demo else ""])
    for chart in charts:
        deck.chart_slide(chart)
    return deck.save()
