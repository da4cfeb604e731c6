"""Which of the Argdown lexer's far-reaching token patterns cannot match at a place, found from where their closers are.

Several token patterns of @argdown/core scan ahead for a closing character: a statement
reference to the next ``]`` on its line, a link to a ``)``, a comment to ``-->``, data to a
``}``.  Where the closer is missing, the regex engine scans to the end of the line or of the
text before it gives up, at every opening character again: a line of 20,000 ``[`` took
seconds.  The lexer asks :meth:`Closers.hopeless` first and leaves those patterns out there.
Only patterns that would scan further than ``NEAR`` characters in vain are left out, so that on
ordinary text (short lines, closers close by) the lexer keeps using the same few patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# token kinds, as argmap.io.argdown_lexer names them
COMMENT, FRONT_MATTER, DATA, LINK, TAG = "Comment", "FrontMatter", "Data", "Link", "Tag"
STATEMENT_DEFINITION, STATEMENT_REFERENCE, STATEMENT_MENTION = (
    "StatementDefinition",
    "StatementReference",
    "StatementMention",
)
ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION = "ArgumentDefinition", "ArgumentReference", "ArgumentMention"

OPENERS = frozenset("[<@#{=/")
# A pattern that fails within this many characters of where it starts costs little, however often it is
# tried; one that fails further away is worth leaving out.  Short enough that a text made of lines of
# openers stays quick, long enough that ordinary lines seldom need the closer index.
NEAR = 64
_NONE: frozenset[str] = frozenset()
_LINE_BREAKS = "\n\u2028\u2029"  # what JavaScript's "." does not match
_PARAGRAPH_BREAKS = "\u2028\u2029"  # what the comment patterns do not cross
_DATA_STOP = re.compile(r"\}\s[^,}]|[\u2028\u2029]")  # where the data pattern's body stops
_EQUALS = re.compile("=*")
_CLOSING = {"[": "]", "<": ">"}


class Closers:
    """Where each closer occurs in a text (found once, when first asked for)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self._at: dict[str, list[int]] = {}
        self.data_hopeless_before = -1  # data found not to close from any "{" before this place

    def _places(self, what: str) -> list[int]:
        places = self._at.get(what)
        if places is None:
            if what in (_LINE_BREAKS, _PARAGRAPH_BREAKS):
                rx = re.compile(f"[{what}]")
            else:  # overlapping occurrences too ("====" holds "===" twice)
                rx = re.compile(f"(?={re.escape(what)})")
            places = self._at[what] = [m.start() for m in rx.finditer(self.text)]
        return places

    def next(self, what: str, start: int) -> int:
        """The first place at or after ``start`` where ``what`` begins, or the text's length."""
        places = self._places(what)
        i = bisect_left(places, start)
        return places[i] if i < len(places) else self.n

    def _on_line(self, closer: str, start: int, line_from: int) -> bool:
        """Whether ``closer`` begins at or after ``start`` with no line break from ``line_from`` to it."""
        q = self.next(closer, start)
        return q < self.n and self.next(_LINE_BREAKS, line_from) >= q

    def hopeless(self, pos: int) -> frozenset[str]:
        """Token kinds whose patterns surely fail at ``pos`` after scanning more than ``NEAR`` characters."""
        # Most openers of an ordinary text are a bracket closed on its line close by and followed by ":"
        # or the line break (a definition, or a reference ending its line).  From there no pattern scans
        # far, which one look for the closer shows at less cost than the look at every pattern below.
        text = self.text
        closer = _CLOSING.get(text[pos])
        if closer is not None:
            q = text.find(closer, pos + 2, pos + NEAR - 1)
            if 0 <= q < self.n - 1 and text[q + 1] in ":\n" and text[pos + 1] != "!":  # (not "<!--")
                return _NONE
        far = self._far(pos)
        return far & self._hopeless(pos) if far else _NONE

    def _far(self, pos: int) -> frozenset[str]:
        """Token kinds whose patterns might scan more than ``NEAR`` characters from ``pos``: a quick
        look at the next ``NEAR`` characters (a closer there stops the scan, matched or not)."""
        text, n = self.text, self.n
        lim = pos + NEAR
        if lim >= n:
            return _NONE
        c = text[pos]
        far: set[str] = set()
        # the line-bound patterns stop at their closer or at the line's end (a "\u2028" only ends it sooner)
        long_line = text.find("\n", pos + 2, lim) < 0
        if c == "[":
            q = text.find("]", pos + 1, lim)
            if q < 0 or (q > pos + 1 and text[q + 1] == "(" and text.find(")", q + 2, lim) < 0):
                far.add(LINK)
            if long_line and text.find("]:", pos + 2, lim) < 0:
                far.add(STATEMENT_DEFINITION)
            if long_line and text.find("]", pos + 2, lim) < 0:
                far.add(STATEMENT_REFERENCE)
        elif c == "<":
            if text.startswith("<!--", pos) and text.find("-->", pos + 4, lim) < 0:
                far.add(COMMENT)
            if long_line and text.find(">:", pos + 2, lim) < 0:
                far.add(ARGUMENT_DEFINITION)
            if long_line and text.find(">", pos + 2, lim) < 0:
                far.add(ARGUMENT_REFERENCE)
        elif c == "@" and long_line:
            if text.startswith("@[", pos) and text.find("]", pos + 3, lim) < 0:
                far.add(STATEMENT_MENTION)
            elif text.startswith("@<", pos) and text.find(">", pos + 3, lim) < 0:
                far.add(ARGUMENT_MENTION)
        elif c == "#":
            if text.startswith("#(", pos) and text.find(")", pos + 2, lim) < 0:
                far.add(TAG)
        elif c == "{":
            if not _DATA_STOP.search(text, pos + 1, lim):
                far.add(DATA)
        elif c == "=":
            if text.startswith("===", pos):
                run = _EQUALS.match(text, pos)
                assert run is not None  # it matches the empty string too
                if text.find("===", run.end(), lim) < 0:
                    far.add(FRONT_MATTER)
        elif c == "/":
            if text.startswith("/*", pos) and text.find("*/", pos + 2, lim) < 0:
                far.add(COMMENT)
            elif text.startswith("//", pos) and long_line:
                far.add(COMMENT)
        return frozenset(far) if far else _NONE

    def _hopeless(self, pos: int) -> frozenset[str]:
        """Token kinds whose patterns surely fail at ``pos`` (only ones that would scan ahead)."""
        text, n = self.text, self.n
        c = text[pos]
        nxt = text[pos + 1] if pos + 1 < n else ""
        out: set[str] = set()
        if c == "[":
            q = self.next("]", pos + 1)
            r = self.next(")", q + 2) if q < n else n
            if q == pos + 1 or q >= n - 1 or text[q + 1] != "(" or r >= n or r == q + 2:
                out.add(LINK)
            if not self._on_line("]:", pos + 2, pos + 1):
                out.add(STATEMENT_DEFINITION)
            if nxt in ("", "-") or not self._on_line("]", pos + 2, pos + 2):
                out.add(STATEMENT_REFERENCE)
        elif c == "<":
            if not self._on_line(">:", pos + 2, pos + 1):
                out.add(ARGUMENT_DEFINITION)
            if nxt in ("", "-") or not self._on_line(">", pos + 2, pos + 2):
                out.add(ARGUMENT_REFERENCE)
            if text.startswith("<!--", pos):
                q = self.next("-->", pos + 4)
                if q >= n or self.next(_PARAGRAPH_BREAKS, pos + 4) < q:
                    out.add(COMMENT)
        elif c == "@":
            if nxt == "[" and not self._on_line("]", pos + 3, pos + 2):
                out.add(STATEMENT_MENTION)
            elif nxt == "<" and not self._on_line(">", pos + 3, pos + 2):
                out.add(ARGUMENT_MENTION)
        elif c == "#":
            if nxt == "(":
                r = self.next(")", pos + 2)
                if r >= n or r == pos + 2:
                    out.add(TAG)
        elif c == "{":
            q = self.next("}", pos + 1)
            if pos < self.data_hopeless_before or q >= n or self.next(_PARAGRAPH_BREAKS, pos + 1) < q:
                out.add(DATA)
        elif c == "=":
            if text.startswith("===", pos) and self.next("===", pos + 3) >= n:
                out.add(FRONT_MATTER)
        elif c == "/":
            if nxt == "*":
                q = self.next("*/", pos + 2)
                if q >= n or self.next(_PARAGRAPH_BREAKS, pos + 2) < q:
                    out.add(COMMENT)
            elif nxt == "/":
                b = self.next(_LINE_BREAKS, pos + 2)
                if b >= n or text[b] != "\n":
                    out.add(COMMENT)
        return frozenset(out) if out else _NONE

    def data_failed(self, pos: int) -> None:
        """Data was tried at ``pos`` and did not close: neither can it from any ``{`` up to where
        the pattern stops looking (a ``}`` followed by a space and not a ``,`` or ``}``, or a
        paragraph break), as from there it sees the same end and fewer ``}``."""
        m = _DATA_STOP.search(self.text, pos + 1)
        self.data_hopeless_before = m.start() if m else self.n
