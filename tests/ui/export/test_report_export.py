"""The report as PDF (the numbered map, then the key as text), from the command line and the export dialog."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from argmap.cli import main
from argmap.draw.mapdraw import MapDrawing
from argmap.draw.numbers import card_numbers
from argmap.draw.report import key_entries, kind_line
from argmap.io import load_map
from argmap.ui.export.report_pdf import report_pdf_bytes
from argmap.ui.shell import settings

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "kim-putin-summit.argmap.json"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


def _runs(page) -> list[tuple[float, float, str]]:  # noqa: ANN001
    """The page's text runs with where they start (x, y in PDF points)."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, _size) -> None:  # noqa: ANN001
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, " ".join(unicodedata.normalize("NFKC", text).split())))  # the map's "ﬁ" is "fi"

    page.extract_text(visitor_text=visit)
    return runs


def test_the_op_ed_report_carries_the_statements_as_text(tmp_path: Path) -> None:
    amap = load_map(SAMPLE)
    data, pages = report_pdf_bytes(amap)
    (tmp_path / "report.pdf").write_bytes(data)
    reader = PdfReader(str(tmp_path / "report.pdf"))
    assert len(reader.pages) == pages >= 2
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # the map's page: landscape
    assert reader.pages[1].mediabox.width < reader.pages[1].mediabox.height  # the key's: portrait
    text = "\n".join(p.extract_text() for p in reader.pages)
    have = Counter(words(text))
    wanted = Counter(w for st in amap.statements.values() for w in words(st.text))
    found = sum(min(n, have[w]) for w, n in wanted.items())
    assert found >= 0.95 * sum(wanted.values())
    for st in amap.statements.values():  # every statement in full, as one run of words
        assert " ".join(words(st.text)) in " ".join(words(text)), st.title


def test_the_keys_numbers_are_the_numbers_on_the_cards(tmp_path: Path) -> None:
    amap = load_map(SAMPLE)
    numbers = card_numbers(amap)
    data, _ = report_pdf_bytes(amap)
    (tmp_path / "report.pdf").write_bytes(data)
    reader = PdfReader(str(tmp_path / "report.pdf"))
    # on the map: each number's nearest title (to its lower right) is its own card's
    runs = _runs(reader.pages[0])
    badges = {int(t): (x, y) for x, y, t in runs if t.isdigit()}
    assert set(badges) == set(numbers.values())
    titles = {}
    for sid, n in numbers.items():
        title = " ".join(amap.statements[sid].shown_title.split())  # its first line: the run it starts with
        titles[n] = max(((x, y) for x, y, t in runs if not t.isdigit() and title.startswith(t)), key=lambda p: p[1])
    moved = {numbers[sid] for sid in MapDrawing(amap, numbers=numbers).badge_corners}  # off a line's corner
    for n, (bx, by) in badges.items():
        if n in moved:
            continue
        below = {m: math.dist((bx, by), p) for m, p in titles.items() if p[0] >= bx and p[1] <= by}
        assert min(below, key=below.get) == n
    # in the key: entry n names card n's title
    key = " ".join(" ".join(p.extract_text().split()) for p in reader.pages[1:])
    for entry in key_entries(amap):
        assert entry.number == numbers[entry.statement.id]
        title = " ".join(entry.statement.shown_title.split())
        assert re.search(rf"\b{entry.number} {re.escape(kind_line(entry))} {re.escape(title)}", key), entry.number


def test_export_report_on_the_command_line(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    amap = load_map(SAMPLE)
    for ext in ("pdf", "md", "html"):
        assert main(["export", "-q", str(SAMPLE), "-o", str(tmp_path / f"r.{ext}"), "--report"]) == 0
    assert len(PdfReader(str(tmp_path / "r.pdf")).pages) >= 2
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "(r-map.svg)" in md and (tmp_path / "r-map.svg").exists()
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html and all(
        f'<td class="n" width="8%" align="right"><b>{n}</b>' in html for n in range(1, len(amap.statements) + 1)
    )
    assert main(["export", str(SAMPLE), "-o", str(tmp_path / "r.svg"), "--report"]) != 0
    err = capsys.readouterr().err
    assert "r.svg: no report format" in err and "Traceback" not in err
    assert main(["export", "-q", str(SAMPLE), "-t", "md", "-d", str(tmp_path / "many"), "--report"]) == 0
    assert (tmp_path / "many" / "kim-putin-summit.md").exists()
    assert (tmp_path / "many" / "kim-putin-summit-map.svg").exists()


def test_plain_export_has_no_numbers(tmp_path: Path) -> None:
    assert main(["export", "-q", str(SAMPLE), "-o", str(tmp_path / "m.pdf")]) == 0
    runs = _runs(PdfReader(str(tmp_path / "m.pdf")).pages[0])
    assert not any(t.isdigit() for _, _, t in runs)


def test_the_export_dialog_writes_a_report_in_the_format_chosen(make_window, dialogs, tmp_path) -> None:  # noqa: ANN001
    w = make_window(load_map(SAMPLE))

    def choose(fmt: str):  # noqa: ANN202
        def pick(d) -> None:  # noqa: ANN001
            assert d.report.isVisibleTo(d)
            d.report.setCurrentIndex(d.report.findData(fmt))

        return pick

    dialogs.save_paths = [str(tmp_path / "r.pdf"), str(tmp_path / "r"), str(tmp_path / "r.html")]
    for fmt in ("pdf", "md", "html"):
        dialogs.export_options = choose(fmt)
        assert w.export_image("report")
    assert len(PdfReader(str(tmp_path / "r.pdf")).pages) >= 2
    assert "## Key" in (tmp_path / "r.md").read_text(encoding="utf-8") and (tmp_path / "r-map.svg").exists()
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert [s for s in dialogs.shown if s[0] == "export-options"][0][1] == "Export Report"
    assert w.findChild(QAction, "export_report") is not None  # File > Export > Report


def test_a_report_takes_the_high_contrast_colours_too(tmp_path: Path) -> None:
    for theme in ("light", "high-contrast"):
        args = ["export", "-q", str(SAMPLE), "-o", str(tmp_path / f"{theme}.md"), "--report", "--theme", theme]
        assert main(args) == 0
    light = (tmp_path / "light-map.svg").read_bytes()
    assert light != (tmp_path / "high-contrast-map.svg").read_bytes()
    assert (
        main(["export", "-q", str(SAMPLE), "-o", str(tmp_path / "hc.pdf"), "--report", "--theme", "high-contrast"]) == 0
    )


def test_the_report_is_offered_a_name_of_its_own(make_window, dialogs, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    # the map's PDF and the report's PDF of one map side by side: the report must not offer to overwrite the map's
    suggested: list[str] = []

    def get_save(_parent, _caption: str, path: str, *_a, **_k) -> tuple[str, str]:  # noqa: ANN001
        suggested.append(path)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    w = make_window(load_map(SAMPLE))
    w.export_image("pdf")
    w.export_image("report")
    map_pdf, report = suggested
    assert map_pdf.endswith(".pdf") and report.endswith(".pdf")
    assert Path(report).stem == Path(map_pdf).stem + "-report"


def test_the_report_pdf_names_the_analyst_as_its_author(make_window, dialogs, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    amap = load_map(SAMPLE)
    amap.meta.pop("analyst", None)
    amap.meta.pop("author", None)
    monkeypatch.setattr(settings, "analyst", lambda: "A. Teacher")  # the Preferences' name: the map names nobody
    w = make_window(amap)
    dialogs.save_paths = [str(tmp_path / "map.pdf"), str(tmp_path / "report.pdf")]
    assert w.export_image("pdf") and w.export_image("report")
    assert PdfReader(str(tmp_path / "map.pdf")).metadata.author == "A. Teacher"
    assert PdfReader(str(tmp_path / "report.pdf")).metadata.author == "A. Teacher"
