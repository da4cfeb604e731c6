"""Files no reader should choke on: each is read, or refused in one line naming the file and the place."""
from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["UTF-NaN", "UTF-16", "latin-1"])
def test_xml_declaring_another_encoding_is_read_as_the_utf8_it_is(tmp_path, encoding):
    path = write(tmp_path, "m.xml", f'<?xml version="1.0" encoding="{encoding}"?>\n'
                                    '<arggraph id="m"><edu id="e1">Ça va.</edu><adu id="a1" type="pro"/>'
                                    '<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>\n')
    assert read_any(path).map.statements["a1"].text == "Ça va."
