"""The one error type every reader raises: file, place, what is wrong — one line."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import Any

from .plain import first_problem

MESSAGE_LIMIT = 400  # characters of the message of an error line; a long id or text in it is cut
PLACE_LIMIT = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # in JSON text: the start of a lone surrogate, or a pair


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut in the middle to ``limit`` characters with an ellipsis, and
    control characters shown as escapes (an error line never moves a terminal's cursor)."""
    text = " ".join(text.split())
    if len(text) > limit:
        head = (limit - 1) * 2 // 3
        text = text[:head] + "…" + text[len(text) - (limit - 1 - head) :]
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class MapFileError(Exception):
    """A file could not be read or written.  ``str()`` is one line:
    ``FILE: PLACE: message`` (the place is a JSON path, ``line L, column C``
    or an XML element, and is left out when the whole file is meant)."""

    def __init__(self, path: str | os.PathLike[str] | None, place: str, message: str) -> None:
        self.path = os.fspath(path) if path is not None else "<input>"
        self.place = shorten(place, PLACE_LIMIT)
        self.message = shorten(str(message), MESSAGE_LIMIT)  # always one line, of bounded length
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.place:
            return f"{self.path}: {self.place}: {self.message}"
        return f"{self.path}: {self.message}"


def json_path(loc: Iterable[Any]) -> str:
    """Render a location tuple such as ``('statements', 3, 'kind')`` as ``statements[3].kind``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "$"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


MAX_FILE_BYTES = 256 * 1024 * 1024


def read_text(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing huge files and reporting bad bytes by line."""
    p = os.fspath(path)
    try:
        size = os.path.getsize(p)
        if size > limit:
            raise MapFileError(p, "", f"file is {size:,} bytes, over the limit of {limit:,} bytes")
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except MapFileError:
        raise
    except IsADirectoryError:
        raise MapFileError(p, "", "is a folder, not a file") from None
    except FileNotFoundError:
        raise MapFileError(p, "", "no such file") from None
    except OSError as e:
        raise MapFileError(p, "", f"cannot read: {e.strerror or e}") from None
    if len(data) > limit:
        raise MapFileError(p, "", f"file is over the limit of {limit:,} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise MapFileError(p, f"line {line}, column {col}", f"not UTF-8 text (byte 0x{data[e.start]:02x})") from None


# Python's JSON messages (some end in "at", the place following), said as a sentence about the place
_JSON_PROBLEMS = (
    ("Unterminated string", "a string that starts here has no closing quote"),
    ("Expecting value", "a value is missing here"),
    ("Expecting property name", "a name in double quotes should come here"),
    ("Expecting ':'", "a colon (:) is missing here"),
    ("Expecting ','", "a comma (,) or closing bracket is missing here"),
    ("Invalid control character", "a string holds a raw control character (such as a line break) here"),
    ("Invalid \\u", "a \\u escape is not four hex digits here"),
    ("Invalid \\escape", "a backslash escape is not valid here"),
    ("Illegal trailing comma", "a comma before a closing bracket is not allowed here"),
    ("Extra data", "more text follows the end of the data here"),
)


def json_problem(msg: str, text: str) -> str:
    """A JSON parser's message as a whole sentence that says the file is damaged: Python's
    ``Unterminated string starting at`` leaves the place to the caller and reads cut off."""
    if not text.strip():
        return "the file is empty, not JSON: it was cut short or is not a map"
    detail = next((plain for start, plain in _JSON_PROBLEMS if msg.startswith(start)), None)
    if detail is None:
        detail = re.sub(r"\s+at$", "", msg.strip()).lower() + " here"
    return f"not valid JSON, so the file is damaged or is not a map: {detail}"


def parse_json(text: str, path: str) -> Any:
    """JSON text -> Python data; bad JSON is a MapFileError naming the line and column, and data
    argmap could not write back (NaN, Infinity, 1e999, a lone surrogate from a ``"\\ud800"``
    escape) one naming its JSON path."""
    odd: list[str] = []

    def constant(name: str) -> float:
        odd.append(name)
        return float(name)

    def number(digits: str) -> float:
        value = float(digits)
        if value - value:  # inf - inf is nan
            odd.append(digits)
        return value

    try:
        doc = json.loads(text, parse_constant=constant, parse_float=number)
    except json.JSONDecodeError as e:
        raise MapFileError(path, f"line {e.lineno}, column {e.colno}", json_problem(e.msg, text)) from None
    except RecursionError:
        raise MapFileError(path, "", "JSON nested too deeply") from None
    except ValueError:  # an integer of more digits than Python converts
        raise MapFileError(path, "", "a number has more digits than argmap reads") from None
    if odd or ("\\u" in text and _SURROGATE_ESCAPE.search(text)):
        problem = first_problem(doc)
        if problem is not None:
            raise MapFileError(path, json_path(problem[0]), problem[1])
    return doc
