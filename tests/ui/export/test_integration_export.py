"""File > Export (options dialog, then the file), Edit > Copy as Image and File > Print in the real window."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrinter

from argmap.io import dumps, load_map
from argmap.resources import sample_paths


def _big_map():
    return load_map(next(p for p in sample_paths() if "kim-putin" in p.name))


def _choose(**fields):
    """An ``export_options`` answer: set the dialog's widgets as a user would, then press Export."""

    def answer(dialog):
        for name, value in fields.items():
            widget = getattr(dialog, name)
            if hasattr(widget, "setChecked"):
                assert widget.isEnabled(), f"{name} is disabled"
                widget.setChecked(value)
            else:
                index = widget.findData(value)
                widget.setCurrentIndex(index if index >= 0 else widget.findText(value))
        return True

    return answer


def test_png_export_with_transparent_background_and_scale(tmp_path, dialogs, make_window):
    w = make_window()
    before = dumps(w.doc.map)
    dialogs.export_options = _choose(background=True, scale=1.0)
    dialogs.save_paths.append(str(tmp_path / "clear"))
    w.named_actions["export_png"].trigger()
    clear = QImage(str(tmp_path / "clear.png"))
    assert not clear.isNull() and clear.hasAlphaChannel()
    assert clear.pixelColor(0, 0).alpha() == 0
    dialogs.export_options = _choose(background=False, scale=2.0)
    dialogs.save_paths.append(str(tmp_path / "white.png"))
    w.named_actions["export_png"].trigger()
    white = QImage(str(tmp_path / "white.png"))
    corner = white.pixelColor(0, 0)
    assert (corner.alpha(), corner.red(), corner.green(), corner.blue()) == (255, 255, 255, 255)
    assert abs(white.width() - 2 * clear.width()) <= 2
    assert [d[1] for d in dialogs.of("export-options")] == ["Export PNG image"] * 2
    assert dumps(w.doc.map) == before and not w.doc.dirty and not dialogs.of("critical")


def test_svg_of_the_selection_holds_only_the_selected_statements(tmp_path, dialogs, make_window):
    w = make_window()
    amap = w.doc.map
    w.doc.select(["c", "o1"])
    dialogs.export_options = _choose(selection=True, title=False, legend=False)
    dialogs.save_paths.append(str(tmp_path / "part.svg"))
    w.named_actions["export_svg"].trigger()
    svg = (tmp_path / "part.svg").read_text(encoding="utf-8")
    assert "Soda tax" in svg and "hardest" in svg  # the two selected cards
    for word in ("obesity", "reduce", "school", "study", "health"):  # none of the others
        assert word not in svg
    assert svg.count(amap.title) == 1  # in the metadata only: no title drawn
    # with nothing selected the scope cannot be "selection"
    w.doc.select([])
    seen = []
    dialogs.export_options = lambda d: seen.append(d.selection.isEnabled()) or True
    dialogs.save_paths.append(str(tmp_path / "all.svg"))
    w.named_actions["export_svg"].trigger()
    assert seen == [False]
    full = (tmp_path / "all.svg").read_text(encoding="utf-8")
    assert all(word in full for word in ("Soda tax", "school", "obesity"))


def test_pdf_fit_is_one_page_and_tile_spreads_over_pages(tmp_path, dialogs, make_window):
    w = make_window(_big_map())
    dialogs.export_options = _choose(page="A4", fit=True)
    dialogs.save_paths.append(str(tmp_path / "fit.pdf"))
    w.named_actions["export_pdf"].trigger()
    fit = PdfReader(tmp_path / "fit.pdf")
    assert len(fit.pages) == 1
    dialogs.export_options = _choose(page="A3", orientation=False, tile=True)
    dialogs.save_paths.append(str(tmp_path / "tiles.pdf"))
    w.named_actions["export_pdf"].trigger()
    tiles = PdfReader(tmp_path / "tiles.pdf")
    assert len(tiles.pages) > 1
    box = tiles.pages[0].mediabox
    assert abs(float(box.width) - 842) < 3 and abs(float(box.height) - 1191) < 3  # A3 portrait, in points
    assert not dialogs.of("critical")


def test_cancelled_options_write_nothing_and_unwritable_path_is_one_line(tmp_path, dialogs, make_window):
    w = make_window()
    dialogs.export_options = lambda d: False
    w.named_actions["export_pdf"].trigger()
    assert not dialogs.of("save-dialog") and not list(tmp_path.iterdir())
    dialogs.export_options = None
    blocked = tmp_path / "no-such-folder" / "map.png"
    dialogs.save_paths.append(str(blocked))
    w.named_actions["export_png"].trigger()
    (error,) = dialogs.of("critical")
    assert str(blocked) in error[2] and "\n" not in error[2]
    assert not blocked.exists()


def test_copy_as_image_puts_the_selection_on_the_clipboard(dialogs, make_window):
    w = make_window()
    w.doc.select(["e1"])
    w.named_actions["copy_image"].trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage() and mime.hasFormat("image/svg+xml")
    assert "20% fall in sales" in mime.text() and "obesity" not in mime.text()
    w.doc.select([])
    w.named_actions["copy_image"].trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert "obesity" in mime.text() and "school sport" in mime.text()
    assert w.named_actions["copy_image"].shortcut().toString() == "Ctrl+Shift+C"


def _pdf_printer(monkeypatch, path: Path) -> None:
    from argmap.ui.export import printing

    real = printing.make_printer

    def make(amap):
        printer = real(amap)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    monkeypatch.setattr(printing, "make_printer", make)


def test_print_and_print_preview_draw_pages(tmp_path, dialogs, monkeypatch, make_window):
    from argmap.ui.export import printing

    w = make_window()
    _pdf_printer(monkeypatch, tmp_path / "printed.pdf")
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: int(printing.QPrintDialog.DialogCode.Accepted))
    w.named_actions["print"].trigger()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1

    _pdf_printer(monkeypatch, tmp_path / "preview.pdf")

    def preview_exec(dialog):
        dialog.paintRequested.emit(dialog.printer())
        return int(printing.QPrintPreviewDialog.DialogCode.Accepted)

    monkeypatch.setattr(printing.QPrintPreviewDialog, "exec", preview_exec)
    w.named_actions["print_preview"].trigger()
    assert len(PdfReader(tmp_path / "preview.pdf").pages) == 1
    assert not w.doc.dirty
