"""The python-pptx internals the decks rely on still work: fails loudly after an upgrade that moves them."""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.util import Inches

from exports.pptx_private import drop_all_slides, set_alt_text


def saved(prs: Presentation) -> bytes:
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def test_dropping_all_slides_keeps_the_layouts_and_leaves_no_slide_in_the_file() -> None:
    template = Presentation()
    for text in ("vanha 1", "vanha 2"):
        template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = text
    layouts = [layout.name for layout in template.slide_layouts]
    prs = Presentation(io.BytesIO(saved(template)))
    drop_all_slides(prs)
    data = saved(prs)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert [n for n in names if n.startswith("ppt/slides/")] == []  # no orphan slide parts either
    reopened = Presentation(io.BytesIO(data))
    assert len(reopened.slides) == 0 and [layout.name for layout in reopened.slide_layouts] == layouts
    reopened.slides.add_slide(reopened.slide_layouts[5])  # and slides can be added again
    assert len(Presentation(io.BytesIO(saved(reopened))).slides) == 1


def test_alt_text_is_written_where_powerpoint_reads_it() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    set_alt_text(box, "Kuvaus")
    reopened = Presentation(io.BytesIO(saved(prs)))
    [shape] = reopened.slides[0].shapes
    assert shape.element.xpath("./*[1]/p:cNvPr")[0].get("descr") == "Kuvaus"
