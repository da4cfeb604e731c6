"""File > Import and File > Export: other formats through the registry, images through argmap.ui.export.images."""

from __future__ import annotations

from window_support import small_map

from argmap.io import read_any, write_any


def test_import_opens_an_untitled_window_and_reports_what_it_read(tmp_path, dialogs, make_window, manager):
    src = tmp_path / "debate.argdown"
    write_any(small_map(), src)
    w = make_window()
    dialogs.open_paths.append(str(src))
    w.named_actions["import"].trigger()
    imported = manager.windows[-1]
    assert imported is not w and imported.doc.path is None
    assert {s.text for s in imported.doc.map.statements.values()} == {s.text for s in small_map().statements.values()}
    info = dialogs.of("information")
    assert len(info) == 1 and "debate.argdown" in info[0][2]
    assert all(line in info[0][2] for line in read_any(src).report.lines())


def test_export_to_another_format_and_to_an_image(tmp_path, dialogs, make_window):
    w = make_window()
    dialogs.save_paths.append(str(tmp_path / "out.graphml"))
    w.named_actions["export_other"].trigger()
    back = read_any(tmp_path / "out.graphml").map
    assert {s.text for s in back.statements.values()} == {s.text for s in w.doc.map.statements.values()}
    dialogs.save_paths.append(str(tmp_path / "picture"))
    w.named_actions["export_svg"].trigger()
    svg = (tmp_path / "picture.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert not w.doc.dirty and not dialogs.of("critical")
