"""Start-up: files from the command line, the start screen with recent maps and samples, the palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from window_support import small_map

from argmap.io import load_map, save_map
from argmap.resources import sample_paths
from argmap.ui.shell import settings
from argmap.ui.shell.app import open_initial
from argmap.ui.shell.palette import apply_theme
from argmap.ui.shell.start_screen import sample_title


def _double_click(qtbot, view, item) -> None:
    pos = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_files_on_the_command_line_open_and_a_bad_one_is_reported(qtbot, tmp_path, dialogs, manager):
    good = tmp_path / "good.argmap.json"
    save_map(small_map(), good)
    missing = tmp_path / "missing.argmap.json"
    windows = open_initial(manager, [str(missing), str(good)])
    assert [w.doc.path for w in windows] == [str(good)]
    assert len(dialogs.of("critical")) == 1 and "missing.argmap.json: no such file" in dialogs.of("critical")[0][2]
    assert manager.start_screen is None


def test_no_file_shows_the_start_screen_with_recent_maps_and_samples(qtbot, tmp_path, manager):
    recent = tmp_path / "recent.argmap.json"
    save_map(small_map(), recent)
    settings.add_recent_file(str(recent))
    assert open_initial(manager, []) == []
    screen = manager.start_screen
    assert screen is not None and screen.isVisible()
    assert screen.recent_list.item(0).data(Qt.ItemDataRole.UserRole) == str(recent)
    titles = [screen.sample_list.item(i).text().split("\n")[0] for i in range(screen.sample_list.count())]
    assert titles == [sample_title(p) for p in sample_paths()] and len(titles) >= 1
    # double-click the first sample: an untitled copy opens and the start screen goes away
    _double_click(qtbot, screen.sample_list, screen.sample_list.item(0))
    assert len(manager.windows) == 1
    w = manager.windows[0]
    assert w.doc.path is None and not w.doc.dirty
    assert dict(w.doc.map.statements) == dict(load_map(sample_paths()[0]).statements)
    assert manager.start_screen is None


def test_start_screen_new_and_recent(qtbot, tmp_path, manager):
    recent = tmp_path / "recent.argmap.json"
    save_map(small_map(), recent)
    settings.add_recent_file(str(recent))
    screen = manager.show_start_screen()
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert len(manager.windows) == 1 and not manager.windows[0].doc.map.statements
    screen = manager.show_start_screen()
    _double_click(qtbot, screen.recent_list, screen.recent_list.item(0))
    assert manager.window_for(str(recent)) is not None


def test_dark_and_light_palettes(qapp):
    try:
        assert apply_theme(qapp, "dark")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 100
        assert not apply_theme(qapp, "light")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 150
        assert QApplication.style().name().lower() == "fusion"
    finally:
        apply_theme(qapp, "light")
