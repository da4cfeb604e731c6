"""SVG, PNG and PDF export, clipboard and printing: drawn from the model, text kept as text."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from argmap import measure
from argmap.io import write_any
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Source, Statement
from argmap.resources import sample_paths
from argmap.ui.export.images import clipboard_mime, export_pdf, export_png, export_svg, pdf_bytes, tiles

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Cars <script>alert("x")</script> & \'quotes\' "too" ]]> <!-- no -->'


def bike_map(hostile: bool = False) -> ArgumentMap:
    m = ArgumentMap(title="Should the town build a bike lane?" + (" <b>&</b>" if hostile else ""))
    m.add_source(Source("src", "The survey found 41% would cycle.", title="Gazette", author="Ann Author"))
    m.add_many(
        [
            Statement(
                "c",
                "The town should build a protected bike lane on Main Street.",
                Kind.CONCLUSION,
                title="Build the lane",
            ),
            Statement("p1", "A protected lane cuts cycling injuries on the streets where it is built."),
            Statement("p2", "Main Street has the most cycling injuries and traffic in town."),
            Statement("e1", "In the city's 2023 survey, 41% of residents said they would cycle more.", Kind.EVIDENCE),
            Statement("o1", HOSTILE if hostile else "Shops will lose customers when parking goes."),
            Statement("u1", "The survey asked only cyclists."),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
            Relation("R3", Polarity.SUPPORT, ("e1",), "p1"),
            Relation("R4", Polarity.ATTACK, ("o1",), "c"),
            Relation("R5", Polarity.ATTACK, ("u1",), "R3"),
        ],
    )
    return m


def big_map(n: int = 120) -> ArgumentMap:
    m = ArgumentMap(title="Big")
    m.add_many(
        [Statement(f"s{i}", f"Statement number {i} with a few more words to wrap") for i in range(n)],
        [
            Relation(f"r{i}", Polarity.SUPPORT if i % 3 else Polarity.ATTACK, (f"s{i}",), f"s{(i - 1) // 3}")
            for i in range(1, n)
        ],
    )
    return m


def _texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_svg_is_xml_with_every_word_in_text_elements(tmp_path: Path) -> None:
    m = bike_map()
    out = tmp_path / "m.svg"
    export_svg(m, out)
    data = out.read_bytes()
    root = ET.fromstring(data)
    assert root.find(f"{SVG}title").text == m.title
    vb = [float(v) for v in root.get("viewBox").split()]
    assert vb[2] > 300 and vb[3] > 200
    words = set(" ".join(_texts(data)).split())
    for st in m.statements.values():
        for word in (st.text + " " + st.title).split():
            assert word in words, word
    assert "Supports" in words and m.title.split()[0] in words  # the legend's, and the title's


def test_svg_keeps_hostile_text_as_text(tmp_path: Path) -> None:
    m = bike_map(hostile=True)
    out = tmp_path / "h.svg"
    export_svg(m, out)
    data = out.read_bytes()
    root = ET.fromstring(data)  # still well-formed XML
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "<script>" not in data.decode()
    assert root.find(f"{SVG}title").text == m.title
    joined = " ".join(_texts(data))
    for word in HOSTILE.split():
        assert word in joined


def test_svg_drops_characters_xml_cannot_hold(tmp_path: Path) -> None:
    m = bike_map()
    m.set_text("p2", "bell \x07 and \x1b escape")
    export_svg(m, tmp_path / "c.svg")
    assert "bell" in " ".join(_texts((tmp_path / "c.svg").read_bytes()))


def test_png_size_follows_scale_and_dpi(tmp_path: Path) -> None:
    m = bike_map()
    sizes = {}
    for name, opts in {"1": {"scale": 1.0}, "2": {"scale": 2.0}, "dpi": {"dpi": 192}, "default": {}}.items():
        export_png(m, tmp_path / f"{name}.png", **opts)
        img = QImage(str(tmp_path / f"{name}.png"))
        sizes[name] = (img.width(), img.height())
    w1, h1 = sizes["1"]
    assert abs(sizes["2"][0] - 2 * w1) <= 2 and abs(sizes["2"][1] - 2 * h1) <= 2
    assert sizes["dpi"] == sizes["2"] == sizes["default"]
    assert round(QImage(str(tmp_path / "dpi.png")).dotsPerMeterX() * 0.0254) == 192


def test_png_transparent_background_is_transparent(tmp_path: Path) -> None:
    m = bike_map()
    export_png(m, tmp_path / "t.png", transparent=True, scale=1.0)
    export_png(m, tmp_path / "w.png", scale=1.0)
    t, w = QImage(str(tmp_path / "t.png")), QImage(str(tmp_path / "w.png"))
    assert t.hasAlphaChannel()
    assert t.pixelColor(1, 1).alpha() == 0
    assert t.pixelColor(t.width() - 2, t.height() - 2).alpha() == 0
    assert w.pixelColor(1, 1).name() == "#ffffff" and w.pixelColor(1, 1).alpha() == 255
    # and the map itself is drawn: some pixels are opaque and not white
    opaque = sum(t.pixelColor(x, y).alpha() == 255 for x in range(0, t.width(), 7) for y in range(0, t.height(), 7))
    assert opaque > 50


def test_pdf_fit_is_one_page_with_text_and_metadata(tmp_path: Path) -> None:
    m = bike_map()
    export_pdf(m, tmp_path / "m.pdf", page="Letter", landscape=True)
    reader = PdfReader(str(tmp_path / "m.pdf"))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert abs(float(page.mediabox.width) - 792) < 2  # Letter is 11 in wide
    text = re.sub(r"\s+", " ", page.extract_text())
    assert "protected lane cuts cycling" in text and "CONCLUSION" in text
    assert "injuries and traffic in" in text  # no "ﬃ" ligature: the PDF is searchable for "traffic"
    assert reader.metadata.title == f"{m.title} — an analysis of “Gazette” by Ann Author"
    assert not reader.metadata.author  # Ann wrote the source, not the map


def test_pdf_author_is_the_maps_analyst_and_the_source_author_is_in_the_title(tmp_path: Path) -> None:
    # the op-ed's author wrote what is analysed; the PDF is the analyst's work
    m = bike_map()
    m.meta["analyst"] = "Pat Student"
    export_pdf(m, tmp_path / "m.pdf")
    info = PdfReader(str(tmp_path / "m.pdf")).metadata
    assert info.author == "Pat Student"
    assert "Ann Author" in info.title and "Gazette" in info.title and info.title.startswith(m.title)
    data, _ = pdf_bytes(m, author="Lee Teacher")  # as the window passes the analyst set in Preferences
    assert PdfReader(io.BytesIO(data)).metadata.author == "Lee Teacher"


def test_pdf_tiles_a_large_map_over_pages_at_a_readable_size() -> None:
    m = big_map()
    data, fit_pages = pdf_bytes(m, page="A4")
    assert fit_pages == 1
    data, pages = pdf_bytes(m, page="A4", tile=True, author="Someone")
    assert pages > 1
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages
    text = " ".join(p.extract_text() for p in reader.pages)
    assert f"page 1 of {pages}" in re.sub(r"\s+", " ", text)
    for i in range(0, 120, 7):
        assert f"number {i} with" in re.sub(r"\s+", " ", text)
    assert reader.metadata.author == "Someone"


def test_tiles_cover_the_map_with_overlap() -> None:
    from PySide6.QtCore import QRectF, QSizeF

    rect = QRectF(-50, 10, 1000, 430)
    pieces = tiles(rect, QSizeF(300, 200), overlap=20)
    assert {(i, j) for i, j, _ in pieces} == {(i, j) for i in range(3) for j in range(4)}
    union = QRectF()
    for _, _, p in pieces:
        union = union.united(p)
        assert p.width() <= 300 and p.height() <= 200
    assert union == rect


def test_selection_export_draws_only_the_selection(tmp_path: Path) -> None:
    m = bike_map()
    export_svg(m, tmp_path / "s.svg", ids=["p1", "e1"], title=False, legend=False)
    words = " ".join(_texts((tmp_path / "s.svg").read_bytes()))
    assert "2023 survey" in words and "protected lane cuts" in words
    assert "Main Street has" not in words and "Legend" not in words and "bike lane?" not in words


def test_clipboard_offers_image_svg_and_outline() -> None:
    m = bike_map()
    mime = clipboard_mime(m, ["p1", "e1"])
    assert mime.hasImage() and not mime.imageData().isNull()
    svg = bytes(mime.data("image/svg+xml").data())
    assert "2023 survey" in " ".join(_texts(svg))
    assert "REASON (evidence): In the city" in mime.text() and "Main Street has" not in mime.text()


def test_registry_reaches_the_picture_writers(tmp_path: Path) -> None:
    m = bike_map()
    for ext in ("svg", "png", "pdf"):
        spec = write_any(m, tmp_path / f"r.{ext}")
        assert spec.name == ext and spec.needs_qt == (ext != "svg")  # SVG is written without Qt
        assert (tmp_path / f"r.{ext}").stat().st_size > 1000


def _svg_image(data: bytes, width: int, height: int) -> QImage:
    """An SVG drawn by Qt's own SVG renderer (an independent reader of the file) on white."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgRenderer

    r = QSvgRenderer(QByteArray(data))
    assert r.isValid()
    img = QImage(width, height, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    r.render(p)
    p.end()
    return img


@pytest.mark.parametrize("sample", [0, 1, 2])
def test_the_svg_looks_like_the_png(tmp_path: Path, sample: int) -> None:
    """The SVG is written without Qt, the PNG painted by Qt from the same picture: read back by an
    SVG renderer, the SVG shows the same map (shapes, dashes, text), pixel for pixel but for
    antialiasing and glyph placement."""
    from argmap.io import load_map

    m = load_map(sorted(sample_paths())[sample])
    export_png(m, tmp_path / "m.png", scale=1.0)
    export_svg(m, tmp_path / "m.svg")
    png = QImage(str(tmp_path / "m.png")).convertToFormat(QImage.Format.Format_ARGB32)
    svg = _svg_image((tmp_path / "m.svg").read_bytes(), png.width(), png.height())

    def grey(img: QImage) -> bytes:  # 4 x 4 pixel blocks, averaged
        from PySide6.QtCore import Qt

        small = img.scaled(
            img.width() // 4,
            img.height() // 4,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        small = small.convertToFormat(QImage.Format.Format_Grayscale8)
        w = small.width()
        bpl = small.bytesPerLine()
        data = bytes(small.constBits())
        return b"".join(data[y * bpl : y * bpl + w] for y in range(small.height()))

    a, b = grey(png), grey(svg)
    inked = sum(1 for v in a if v < 235)
    assert inked > 2000  # the comparison sees a map at all
    differ = sum(1 for x, y in zip(a, b) if abs(x - y) > 48)
    assert differ < 0.02 * inked, f"{differ} of {inked} inked blocks differ"


def test_print_paints_pages_on_a_printer(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from argmap.ui.export.printing import MapPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert MapPrinter(big_map(), tile=True).paint(printer) > 1
    assert len(PdfReader(str(tmp_path / "p.pdf")).pages) > 1


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_exports(path: Path, tmp_path: Path) -> None:
    from argmap.io import read_any

    m = read_any(path).map
    for ext in ("svg", "png", "pdf"):
        write_any(m, tmp_path / f"x.{ext}", **({"scale": 1.0} if ext == "png" else {}))
    data = (tmp_path / "x.svg").read_bytes()
    words = set(" ".join(_texts(data)).split())
    if measure.compact_cards(m):  # titles on the cards, the full statements in the description
        assert not {w for st in m.statements.values() for w in (st.shown_title or st.shown_text).split()} - words
        words = set(ET.fromstring(data).find(f"{SVG}desc").text.split())
    missing = {w for st in m.statements.values() for w in st.shown_text.split()} - words
    assert not missing
    assert len(PdfReader(str(tmp_path / "x.pdf")).pages) == 1


def test_tile_cuts_fall_between_cards_when_they_can() -> None:
    from argmap.ui.export.paging import cuts

    # cards at 0-90, 100-190, 200-290; pages 150 long: cut before the second and third card, not through them
    pieces = cuts(0, 290, 150, [(0, 90), (100, 190), (200, 290)])
    assert pieces == [(0, 98.0), (98.0, 198.0), (198.0, 290)]
    # a card longer than half a page is cut through, with overlap
    assert cuts(0, 290, 150, [(0, 290)], overlap=20) == [(0, 150), (130, 280), (260, 290)]


def test_print_preview_dialog_paints_the_map(monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from argmap.ui.export import printing

    painted = []
    real_paint = printing.MapPrinter.paint
    monkeypatch.setattr(
        printing.MapPrinter, "paint", lambda self, p: painted.append(real_paint(self, p)) or painted[-1]
    )

    def fake_exec(dialog: QPrintPreviewDialog) -> int:  # the preview asks for pages; no modal loop in tests
        for w in dialog.findChildren(QPrintPreviewWidget):
            w.updatePreview()
        return QPrintPreviewDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert printing.print_map(None, bike_map())
    assert painted and painted[0] == 1


def test_export_arrowheads_match_the_canvas() -> None:
    from PySide6.QtCore import QPointF, QRectF

    from argmap.draw import route as edge_route
    from argmap.draw.edges import target_points
    from argmap.draw.style import ARROW_LENGTH, ARROW_WIDTH
    from argmap.ui.paint import drawing
    from argmap.ui.paint.edge_geometry import target_path

    def _box(r: QRectF) -> tuple[float, float, float, float]:
        return (r.left(), r.top(), r.width(), r.height())

    cases = [
        (QPointF(0, 200), QRectF(-60, 0, 120, 60), False),
        (QPointF(300, 150), QRectF(-60, 0, 120, 60), False),
        (QPointF(10, 90), QRectF(-60, 0, 120, 60), False),
        (QPointF(90, 400), QRectF(-60, 0, 120, 40), True),
    ]  # far down a column: an elbow
    for junction, target, horizontal in cases:
        path = target_path(junction, target, horizontal=horizontal)
        line, head = drawing.edge_parts(path)  # the canvas
        segs = target_points(junction.x(), junction.y(), _box(target), horizontal=horizontal)  # the export
        _, corners = edge_route.head(segs[-1], ARROW_LENGTH, ARROW_WIDTH, ARROW_LENGTH - 1)
        for a, b in zip([head.at(i) for i in range(3)], corners):
            assert abs(a.x() - b[0]) < 0.6 and abs(a.y() - b[1]) < 0.6
        # the line starts where the path does and stops under the arrowhead's base, not at its tip
        assert line.pointAtPercent(0) == path.pointAtPercent(0)
        end = line.pointAtPercent(1)
        tip = path.pointAtPercent(1)
        gap = ((end.x() - tip.x()) ** 2 + (end.y() - tip.y()) ** 2) ** 0.5
        assert ARROW_LENGTH - 3 < gap < ARROW_LENGTH + 1
        # the head points along the end tangent: into the card, square to its side
        base = QPointF((head.at(1).x() + head.at(2).x()) / 2, (head.at(1).y() + head.at(2).y()) / 2)
        if horizontal:
            assert abs(base.y() - tip.y()) < 0.5 and base.x() > tip.x()
    # an elbow stays between its ends (no loop beyond the junction or the card)
    path = target_path(QPointF(90, 400), QRectF(-60, 0, 120, 40), horizontal=True)
    box = path.boundingRect()
    assert box.left() >= 60 - 1 and box.right() <= 90
