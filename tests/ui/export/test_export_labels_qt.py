"""PNG and PDF exports with evaluation labels, and the export dialog's option for them."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage
from window_support import small_map

from argmap.evaluation import evaluate
from argmap.ui.export.images import export_pdf, export_png


def _labels(amap):
    return {sid: lab.value for sid, lab in evaluate(amap).statements.items()}


def test_png_and_pdf_draw_the_labels_they_are_given(tmp_path: Path) -> None:
    amap = small_map()
    amap.update_statement("u1", assessment="rejected")  # the objection holds: the conclusion is out
    labels = _labels(amap)
    assert labels["c"] == "out"
    export_png(amap, tmp_path / "plain.png")
    export_png(amap, tmp_path / "labels.png", labels=labels)
    assert QImage(str(tmp_path / "plain.png")) != QImage(str(tmp_path / "labels.png"))
    export_pdf(amap, tmp_path / "labels.pdf", labels=labels)
    text = re.sub(r"\s+", " ", PdfReader(str(tmp_path / "labels.pdf")).pages[0].extract_text())
    assert "OUT" in text and re.search(r"\bIN\b", text)
    export_pdf(amap, tmp_path / "plain.pdf")
    assert "OUT" not in PdfReader(str(tmp_path / "plain.pdf")).pages[0].extract_text()


def test_the_export_dialog_offers_the_labels_checked_in_evaluate_mode(make_window, dialogs, tmp_path):
    w = make_window()
    offered = []
    dialogs.export_options = lambda d: offered.append(d.labels.isChecked())
    dialogs.save_paths = [str(tmp_path / "plain.pdf"), str(tmp_path / "evaluated.pdf")]
    assert w.export_image("pdf")
    w.canvas_actions.evaluate.trigger()
    assert w.export_image("pdf")
    assert offered == [False, True]

    def words_in(name: str) -> int:
        return len(re.findall(r"\bIN\b", PdfReader(str(tmp_path / name)).pages[0].extract_text()))

    assert words_in("plain.pdf") == 0
    assert words_in("evaluated.pdf") == len(w.doc.map.statements)  # the small map's argument stands
