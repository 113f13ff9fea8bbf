"""A 16:9 PowerPoint deck from ChartExports: native charts and tables a county can edit, pictures only as fallback."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from exports import images
from exports.footer import permalink_line, source_line
from exports.pptx_private import drop_all_slides, set_alt_text
from exports.spec import ChartExport, NativeChart, NativeTable
from i18n import fmt, t
from palette import GRID, MUTED, SERIES, ink_on

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.0)
FOOTER_HEIGHT = Inches(0.6)
CHART_TYPES = {
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "barh": XL_CHART_TYPE.BAR_CLUSTERED,
}
PALETTE = SERIES  # the screen's actual, target and area colours (palette.py; exports do not import charts)
# Excel format codes: a bare % would multiply by 100, but our shares are already 0–100, so % is quoted text.
PERCENT_AXIS, PERCENT_VALUE = '0"\u00a0%"', '0.0"\u00a0%"'


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

    def _footer(self, slide, lines: Sequence[str]) -> None:
        top = self.height - FOOTER_HEIGHT - Inches(0.1)
        box = slide.shapes.add_textbox(MARGIN, top, self.width - 2 * MARGIN, FOOTER_HEIGHT)
        box.name = "Footer"
        _text(box, [line for line in lines if line], 10, _rgb(MUTED))

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
        _text(listing, selection, 14, _rgb(MUTED))
        self._footer(slide, [t("exports.demo", self.lang) if demo else ""])

    def digest_slide(self, lines: Sequence[str], footer: Sequence[str]) -> None:
        slide = self._slide(t("deck.digest_title", self.lang))
        left, top, width, height = self._body()
        box = slide.shapes.add_textbox(left, top, width, height)
        _text(box, [f"• {line}" for line in lines], 18)
        self._footer(slide, footer)

    def chart_slide(self, chart: ChartExport) -> None:
        slide = self._slide(chart.title)
        box = self._body()
        if isinstance(chart.native, NativeChart):
            shape = self._native_chart(slide, chart.native, box)
        elif isinstance(chart.native, NativeTable):
            shape = self._native_table(slide, chart.native, box)
        else:
            shape = self._picture(slide, chart, box)
        set_alt_text(shape, f"{chart.title}. {chart.summary}")
        self._footer(slide, [source_line(chart, self.lang), permalink_line(chart, self.lang)])
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

    def _picture(self, slide, chart: ChartExport, box):
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
    charts: Sequence[ChartExport],
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
