"""Save As for a map not saved yet: the folder and the file name it suggests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from argmap.model import ArgumentMap, Source
from argmap.resources import sample_paths, samples_dir
from argmap.ui.shell import settings
from argmap.ui.shell.files import file_stem

ANSWERS: list[str] = []


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The paths the save dialog was opened on; it answers with ``ANSWERS`` (then Cancel). The documents
    folder is a temporary one."""
    suggested: list[str] = []
    ANSWERS.clear()

    def get_save(_parent: Any, _caption: str, path: str, *_a: Any, **_k: Any) -> tuple[str, str]:
        suggested.append(path)
        return (ANSWERS.pop(0) if ANSWERS else ""), ""

    documents = tmp_path / "Documents"
    documents.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        return str(documents) if kind == QStandardPaths.StandardLocation.DocumentsLocation else real(kind)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(location))
    return suggested


def test_a_new_map_is_offered_the_documents_folder_and_its_first_sources_title(asked, make_window, tmp_path):
    # the last map opened was a sample of the install: its folder is not where the user keeps maps
    settings.add_recent_file(str(sample_paths()[0]))
    amap = ArgumentMap("")
    amap.add_source(Source("s1", "Text.", title="Kim and Putin: a summit?\nOp-ed"))
    w = make_window(amap)
    w.named_actions["save_as"].trigger()
    assert asked == [str(tmp_path / "Documents" / "Kim and Putin a summit Op-ed.argmap.json")]


def test_a_titled_map_is_offered_its_title(asked, make_window, tmp_path):
    w = make_window(ArgumentMap("Should the town plant street trees?"))
    w.named_actions["save_as"].trigger()
    assert asked == [str(tmp_path / "Documents" / "Should the town plant street trees.argmap.json")]


def test_the_folder_last_saved_in_is_offered_next(asked, make_window, tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    first = make_window(ArgumentMap("First"))
    ANSWERS[:] = [str(folder / "first.argmap.json")]
    first.named_actions["save_as"].trigger()
    assert first.doc.path == str(folder / "first.argmap.json")
    settings.add_recent_file(str(sample_paths()[0]))  # a sample opened since then is no place to save
    second = make_window(ArgumentMap(""))
    second.named_actions["save_as"].trigger()
    assert asked[1] == str(folder / "Untitled.argmap.json")


def test_a_sample_opened_from_the_install_is_never_saved_back_into_it(asked, manager, tmp_path):
    sample = sample_paths()[0]
    settings.set_last_save_folder(str(samples_dir()))
    w = manager.open_path(str(sample))
    assert w is not None and w.doc.path
    w.named_actions["save_as"].trigger()
    [path] = asked
    assert os.path.dirname(path) == str(tmp_path / "Documents") and path.endswith(sample.name)


def test_file_stem_keeps_a_name_a_file_system_takes():
    assert file_stem('  a/b\\c:d*e?f"g<h>i|j  ') == "a b c d e f g h i j"
    assert file_stem("Line one\nline\ttwo\x00.") == "Line one line two"
    assert file_stem("...") == "Untitled" and file_stem("") == "Untitled"
    assert len(file_stem("x" * 300)) <= 80
