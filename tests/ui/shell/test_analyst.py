"""The analyst: who a map's PDF names as its author (Preferences, or the map's own), not its sources' authors."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from argmap.io import dumps
from argmap.model import ArgumentMap, Kind, Source, Statement
from argmap.ui.shell import settings
from argmap.ui.shell.preferences import PreferencesDialog


def op_ed_map() -> ArgumentMap:
    m = ArgumentMap("Kim and Putin")
    m.add_source(Source("s1", "The summit ...", title="What the summit means", author="Op-Ed Writer"))
    m.add_statement(Statement("c", "The summit matters.", Kind.CONCLUSION))
    return m


def test_the_analyst_defaults_to_the_users_name():
    assert settings.analyst() == settings.login_name() != ""
    settings.set_analyst("  Pat Student ")
    assert settings.analyst() == "Pat Student"


def test_pdf_names_the_analyst_set_in_preferences_then_the_maps_own(qtbot, tmp_path, dialogs, make_window, monkeypatch):
    w = make_window(op_ed_map())

    def answer(dialog: PreferencesDialog) -> int:
        dialog.analyst.setText("Pat Student")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PreferencesDialog, "exec", answer)
    w.named_actions["preferences"].trigger()
    assert settings.analyst() == "Pat Student"
    assert w.inspector.map_analyst.placeholderText() == "Pat Student"
    dialogs.save_paths.append(str(tmp_path / "first.pdf"))
    w.named_actions["export_pdf"].trigger()
    info = PdfReader(str(tmp_path / "first.pdf")).metadata
    assert info.author == "Pat Student"
    assert "Op-Ed Writer" in info.title and "What the summit means" in info.title
    # the map names its own analyst in the Inspector (nothing selected): stored in the map, undoable
    before = dumps(w.doc.map)
    w.doc.select([])
    field = w.inspector.map_analyst
    field.setFocus()
    qtbot.keyClicks(field, "Lee Teacher")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert w.doc.map.meta["analyst"] == "Lee Teacher"
    dialogs.save_paths.append(str(tmp_path / "second.pdf"))
    w.named_actions["export_pdf"].trigger()
    assert PdfReader(str(tmp_path / "second.pdf")).metadata.author == "Lee Teacher"
    w.doc.undo_stack.undo()
    assert dumps(w.doc.map) == before
