"""How every sample opens, by every path a user takes: fitted whole when legible, else on its main conclusion."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication

from argmap.model import main_conclusions
from argmap.resources import sample_paths
from argmap.ui.shell import settings
from argmap.ui.shell.menus import fill_recent_menu

# card text is 13 px: at half size (6.5 px) it can still be read on screen
LEGIBLE_ZOOM = 0.5


def _visible(w, sid: str) -> bool:
    view = w.view
    rect = view.mapFromScene(view.map_scene.node_rect(sid)).boundingRect()
    return view.viewport().rect().contains(rect)


def _check_opening(qtbot, w, name: str) -> None:
    """The whole map when it fits at a legible zoom (and never blown up above 100 %), else its
    main conclusion, legible."""
    qtbot.waitExposed(w)
    QApplication.processEvents()  # the window's layout gives the canvas its size (a resize schedules the view)
    qtbot.waitUntil(lambda: not w.view.opening_view_pending())
    view, amap = w.view, w.doc.map
    zoom = view.zoom()
    assert zoom <= 1.0 + 1e-6, name
    if view.fit_zoom() >= LEGIBLE_ZOOM:
        hidden = [sid for sid in amap.statements if not _visible(w, sid)]
        assert not hidden, f"{name}: {len(hidden)} of {len(amap.statements)} cards cut off at {zoom:.2f}"
    else:
        assert zoom >= LEGIBLE_ZOOM - 1e-6, name
        assert _visible(w, main_conclusions(amap)[0].id), name


def test_every_sample_opens_fitted_or_on_its_main_conclusion(qtbot, manager):
    for path in sample_paths():
        w = manager.open_sample(path)
        assert (w.width(), w.height()) == (1440, 900)  # the first window's size: no layout saved yet
        _check_opening(qtbot, w, path.name)
        w.force_close()
        settings.save_window_state(
            QByteArray(), QByteArray()
        )  # the next one opens at the same size, not at the saved one


def test_a_large_sample_opens_legible_on_its_main_conclusion(qtbot, manager):
    path = next(p for p in sample_paths() if "congestion" in p.name)
    w = manager.open_sample(path)
    _check_opening(qtbot, w, path.name)
    assert w.view.fit_zoom() < LEGIBLE_ZOOM
    shown = [sid for sid in w.doc.map.statements if _visible(w, sid)]
    assert len(shown) >= 8  # more than the eight cards of 100 %


def test_reopening_from_recent_files_and_the_start_screen_opens_fitted(qtbot, tmp_path, manager):
    paths = []
    for sample in sample_paths():
        copy = tmp_path / sample.name
        shutil.copy(sample, copy)
        paths.append(copy)
    # File > Open Recent in a window of another map
    first = manager.open_path(str(paths[0]))
    _check_opening(qtbot, first, paths[0].name)
    settings.add_recent_file(str(paths[1]))
    fill_recent_menu(first, first.recent_menu)
    act = next(a for a in first.recent_menu.actions() if a.statusTip() == str(paths[1]))
    act.trigger()
    w = manager.window_for(str(paths[1]))
    assert w is not None and w is not first
    _check_opening(qtbot, w, paths[1].name)
    # the start screen, after every window was closed (the last window's layout restored)
    manager.close_all()
    settings.add_recent_file(str(paths[-1]))
    screen = manager.show_start_screen()
    item = next(
        screen.recent_list.item(i)
        for i in range(screen.recent_list.count())
        if screen.recent_list.item(i).data(Qt.ItemDataRole.UserRole) == str(paths[-1])
    )
    screen.recent_list.itemActivated.emit(item)
    w = manager.window_for(str(paths[-1]))
    assert w is not None
    _check_opening(qtbot, w, paths[-1].name)
    # and a sample from the start screen
    manager.close_all()
    screen = manager.show_start_screen()
    screen.sample_list.itemActivated.emit(screen.sample_list.item(0))
    assert len(manager.windows) == 1
    _check_opening(qtbot, manager.windows[0], "start screen sample")
