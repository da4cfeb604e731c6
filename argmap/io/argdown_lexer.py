"""Argdown tokenizer: a faithful port of the lexer of @argdown/core 2.0 (first matching pattern wins)."""

from __future__ import annotations

import json
import re
from functools import cache

from .argdown_guard import OPENERS, Closers
from .errors import line_col


class ArgdownSyntaxError(ValueError):
    """Bad Argdown; ``offset`` is where in the (newline-normalised) text."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message

    def place(self, text: str) -> str:
        line, col = line_col(text, self.offset)
        return f"line {line}, column {col}"


# token kinds (the names @argdown/core uses)
COMMENT, FRONT_MATTER, DATA, ESCAPED_CHAR, SPECIAL_CHAR = "Comment", "FrontMatter", "Data", "EscapedChar", "SpecialChar"
EMPTYLINE, NEWLINE, INDENT, DEDENT = "Emptyline", "Newline", "Indent", "Dedent"
INFERENCE_START, INFERENCE_END, LIST_DELIMITER = "InferenceStart", "InferenceEnd", "ListDelimiter"
INCOMING_SUPPORT, INCOMING_ATTACK = "IncomingSupport", "IncomingAttack"
OUTGOING_SUPPORT, OUTGOING_ATTACK = "OutgoingSupport", "OutgoingAttack"
CONTRADICTION, INCOMING_UNDERCUT, OUTGOING_UNDERCUT = "Contradiction", "IncomingUndercut", "OutgoingUndercut"
HEADING_START, STATEMENT_NUMBER = "HeadingStart", "StatementNumber"
ORDERED_LIST_ITEM, UNORDERED_LIST_ITEM = "OrderedListItem", "UnorderedListItem"
A_BOLD_START, A_BOLD_END, U_BOLD_START, U_BOLD_END = (
    "AsteriskBoldStart",
    "AsteriskBoldEnd",
    "UnderscoreBoldStart",
    "UnderscoreBoldEnd",
)
A_ITALIC_START, A_ITALIC_END, U_ITALIC_START, U_ITALIC_END = (
    "AsteriskItalicStart",
    "AsteriskItalicEnd",
    "UnderscoreItalicStart",
    "UnderscoreItalicEnd",
)
LINK, TAG = "Link", "Tag"
STATEMENT_DEFINITION, STATEMENT_REFERENCE, STATEMENT_MENTION = (
    "StatementDefinition",
    "StatementReference",
    "StatementMention",
)
ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION = "ArgumentDefinition", "ArgumentReference", "ArgumentMention"
SPACES, FREESTYLE, UNUSED_CONTROL_CHAR, EOF = "Spaces", "Freestyle", "UnusedControlChar", "EOF"

RELATION_TOKENS = (
    INCOMING_SUPPORT,
    INCOMING_ATTACK,
    OUTGOING_SUPPORT,
    OUTGOING_ATTACK,
    CONTRADICTION,
    INCOMING_UNDERCUT,
    OUTGOING_UNDERCUT,
)

Token = tuple[str, str, int]  # kind, image, offset

_DOT = r"[^\n\u2028\u2029]"  # JavaScript's "."
_COMMENT_CORE = r"(?:<!--[^\u2028\u2029]*?-->)|(?:/\*[^\u2028\u2029]*?\*/)|(?://" + _DOT + r"*?(?=\n))"
_COMMENT = {
    "plain": "(?:" + _COMMENT_CORE + ")",
    "after_empty": "(?:" + _COMMENT_CORE + r")(?:[ \t]*\n)*",
    "after_newline": "(?:" + _COMMENT_CORE + r")(?:[ \t]*\n(?![ \t]*\n))?",
}
_EMPH_END_TAIL = r"(?:[ \t]|(?=\n|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"
_EMPH_END = {
    A_BOLD_START: (A_BOLD_END, r"\*\*" + _EMPH_END_TAIL),
    U_BOLD_START: (U_BOLD_END, "__" + _EMPH_END_TAIL),
    A_ITALIC_START: (A_ITALIC_END, r"\*" + _EMPH_END_TAIL),
    U_ITALIC_START: (U_ITALIC_END, "_" + _EMPH_END_TAIL),
}
# @argdown/core's tag characters, [a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF] (A-z and all), written as
# the complement: ``re`` fills a table entry per code point of a positive range, and this one spans most of the
# Basic Multilingual Plane, while the complement's ranges are short.
TAG_CHAR = r"[^\x00-,./:-@{-\x9f\uD800-\uF8FF\uFDD0-\uFDEF\uFFF0-\U0010FFFF]"
_TAG = r"#(?:\([^)]+\)|" + TAG_CHAR + r"+)[ \t]?"
_FREESTYLE = r"[^\\@#*_\[\],.:</>(){}\n;-]+"
_CONTROL = r"[@#*_\[\],.:</>(){};-][ \t]?"
_ESCAPED = r"\\" + _DOT + r"(?: )*"
_SPECIAL = r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)"
_DATA = r"\{(?:(?!\}\s[^,}])(?:" + _DOT + r"|\n))*\}(?!\s*(?:,|\}))"

# contexts: what the last (not skipped) token was
START, AFTER_NEWLINE, AFTER_EMPTY, OTHER = 0, 1, 2, 3
_LINE_START = (START, AFTER_NEWLINE, AFTER_EMPTY)


def _default_patterns(ctx: int, open_range: str | None) -> list[tuple[str, str]]:
    comment = _COMMENT["after_empty" if ctx == AFTER_EMPTY else "after_newline" if ctx == AFTER_NEWLINE else "plain"]
    pats = [
        (COMMENT, comment),
        (FRONT_MATTER, r"===+[\s\S]*?===+"),
        (DATA, _DATA),
        (ESCAPED_CHAR, _ESCAPED),
        (SPECIAL_CHAR, _SPECIAL),
    ]
    if ctx != AFTER_EMPTY:
        pats.append((EMPTYLINE, r"(?:[ \t]*\n){2,}"))
    pats.append((NEWLINE, r"[ \t]*\n"))
    if ctx in (START, AFTER_NEWLINE):
        pats.append((INFERENCE_START, r"[' \t]*-{2}"))
    if ctx in _LINE_START:
        ind = r"[' \t]*"
        pats += [
            (INCOMING_SUPPORT, ind + r"\+>"),
            (INCOMING_ATTACK, ind + "->"),
            (OUTGOING_SUPPORT, ind + r"<?\+"),
            (OUTGOING_ATTACK, ind + "<?-"),
            (CONTRADICTION, ind + "><"),
            (INCOMING_UNDERCUT, ind + "_>"),
            (OUTGOING_UNDERCUT, ind + r"(?:<_|_(?=\s))"),
            (HEADING_START, "#+ "),
            (STATEMENT_NUMBER, ind + r"\(\d+\)"),
            (ORDERED_LIST_ITEM, ind + r"\d+\.(?=\s)"),
            (UNORDERED_LIST_ITEM, ind + r"\*(?=\s)"),
        ]
    # the end patterns come in @argdown/core's order, but only the innermost open range can end
    for start in (A_BOLD_START, U_BOLD_START, A_ITALIC_START, U_ITALIC_START):
        if open_range == start:
            pats.append(_EMPH_END[start])
    pats += [
        (A_BOLD_START, r"\*\*(?!\s)"),
        (U_BOLD_START, r"__(?!\s)"),
        (A_ITALIC_START, r"\*(?!\s)"),
        (U_ITALIC_START, r"_(?!\s)"),
        (LINK, r"\[[^\]]+?\]\([^)]+?\)[ \t]?"),
        (TAG, "(?=#)"),
        (STATEMENT_DEFINITION, r"\[" + _DOT + r"+?\]:"),
        (STATEMENT_REFERENCE, r"\[[^-]" + _DOT + r"*?\]"),
        (STATEMENT_MENTION, r"@\[" + _DOT + r"+?\][ \t]?"),
        (ARGUMENT_DEFINITION, "<" + _DOT + "+?>:"),
        (ARGUMENT_REFERENCE, "<[^-]" + _DOT + "*?>"),
        (ARGUMENT_MENTION, "@<" + _DOT + r"+?>[ \t]?"),
        (SPACES, r"[ \t]+"),
        (FREESTYLE, _FREESTYLE),
        (UNUSED_CONTROL_CHAR, _CONTROL),
    ]
    return pats


def _inference_patterns(ctx: int) -> list[tuple[str, str]]:
    comment = _COMMENT["after_empty" if ctx == AFTER_EMPTY else "after_newline" if ctx == AFTER_NEWLINE else "plain"]
    return [
        (COMMENT, comment),
        (NEWLINE, r"[ \t]*\n"),
        (ESCAPED_CHAR, _ESCAPED),
        (SPECIAL_CHAR, _SPECIAL),
        (INFERENCE_END, "-{2,}"),
        (DATA, _DATA),
        (LIST_DELIMITER, ","),
        (SPACES, r"[ \t]+"),
        (FREESTYLE, _FREESTYLE),
        (UNUSED_CONTROL_CHAR, _CONTROL),
    ]


_NONE: frozenset[str] = frozenset()
_CACHE: dict[tuple[bool, int, str | None, frozenset[str]], re.Pattern[str]] = {}


def _master(inference: bool, ctx: int, open_range: str | None, hopeless: frozenset[str] = _NONE) -> re.Pattern[str]:
    """One pattern trying the context's token patterns in order; ``lastgroup`` names the kind that matched.
    ``hopeless``: kinds left out (argdown_guard found they cannot match where the pattern is used).

    Each alternative ends in an empty group named after its kind instead of being that group: the regex
    engine passes over an alternative whose first character test fails without entering it, and it can
    only see that test when the alternative begins with it.  (The patterns have no groups of their own.)
    """
    key = (inference, ctx, open_range, hopeless)
    rx = _CACHE.get(key)
    if rx is None:
        if ctx == START:
            # the start differs from a line start only in its comments, which tokenize() tries first
            rx = _master(inference, AFTER_NEWLINE, open_range, hopeless)
        else:
            pats = _inference_patterns(ctx) if inference else _default_patterns(ctx, open_range)
            rx = re.compile("|".join(f"(?:{p})(?P<{name}>)" for name, p in pats if name not in hopeless))
        _CACHE[key] = rx
    return rx


# a comment at the start of the text keeps the line breaks after it, unlike one after a line break
_START_COMMENT = re.compile(f"(?:{_COMMENT['plain']})(?P<{COMMENT}>)")


# In the context patterns a tag is only its "#": the tag pattern's character class reaches far into
# Unicode and is slow to compile, so it is compiled once, when a text first has a "#", instead of into
# every context's pattern.  Where nothing before it matches a "#" the tag pattern decides, and where it
# fails the one pattern after it that takes a "#" does (a lone control character).
@cache
def _tag_or_hash() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(f"(?:{_TAG})(?P<{TAG}>)"), re.compile(f"(?:{_CONTROL})(?P<{UNUSED_CONTROL_CHAR}>)")


_STARTS = {A_BOLD_START, U_BOLD_START, A_ITALIC_START, U_ITALIC_START}
_ENDS = {A_BOLD_END, U_BOLD_END, A_ITALIC_END, U_ITALIC_END}
_SKIPPED = {COMMENT, SPACES}
_INDENTING = {
    INCOMING_SUPPORT,
    INCOMING_ATTACK,
    OUTGOING_SUPPORT,
    OUTGOING_ATTACK,
    CONTRADICTION,
    INCOMING_UNDERCUT,
    OUTGOING_UNDERCUT,
    ORDERED_LIST_ITEM,
    UNORDERED_LIST_ITEM,
}
_DEDENTING = {INFERENCE_START, STATEMENT_NUMBER, EMPTYLINE}
# kinds that change the lexer's state beyond the context the token leaves behind
_STATEFUL = _INDENTING | _DEDENTING | _STARTS | _ENDS | {INFERENCE_END}
_CONTEXT_AFTER = {NEWLINE: AFTER_NEWLINE, EMPTYLINE: AFTER_EMPTY}


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def tokenize(text: str) -> list[Token]:
    """Tokens of newline-normalised Argdown ``text`` (comments and spaces dropped), ending in EOF."""
    tokens: list[Token] = []
    append = tokens.append
    indent_stack = [0]
    ranges: list[str] = []
    pos, n = 0, len(text)
    ctx = START
    inference = False
    last_skipped = False
    closers = Closers(text)  # patterns that would scan far for a closer that is not there are left out
    while pos < n:
        key = (
            inference,
            ctx,
            ranges[-1] if ranges and not last_skipped and tokens else None,
            closers.hopeless(pos) if text[pos] in OPENERS else _NONE,
        )
        m = _START_COMMENT.match(text, pos) if ctx == START else None
        if m is None:
            m = (_CACHE.get(key) or _master(*key)).match(text, pos)
        if m is None:
            raise ArgdownSyntaxError(pos, f"unexpected character {text[pos]!r}")
        kind = m.lastgroup
        if kind == TAG:
            tag, hash_ = _tag_or_hash()
            m = tag.match(text, pos) or hash_.match(text, pos)
            assert m is not None  # the second takes any "#"
            kind = m.lastgroup
        assert kind is not None  # every alternative is a named group
        if kind != DATA and text[pos] == "{" and DATA not in key[3]:
            closers.data_failed(pos)
        end = m.end()
        if kind in _SKIPPED:
            last_skipped = True
            pos = end
            continue
        if kind in _STATEFUL:
            _track(kind, m.group(), pos, end == n, indent_stack, ranges, tokens)
            if kind == INFERENCE_START:
                inference = True
            elif kind == INFERENCE_END:
                inference = False
        append((kind, m.group(), pos))
        ctx = _CONTEXT_AFTER.get(kind, OTHER)
        last_skipped = False
        pos = end
    if tokens and tokens[-1][0] == EMPTYLINE:
        tokens.pop()
    while len(indent_stack) > 1:
        indent_stack.pop()
        append((DEDENT, "", n))
    append((EOF, "", n))
    return tokens


def _track(
    kind: str, image: str, pos: int, at_end: bool, indent_stack: list[int], ranges: list[str], tokens: list[Token]
) -> None:
    """Indents, dedents and open bold/italic ranges for a token of one of the ``_STATEFUL`` kinds."""
    if kind in _INDENTING:
        level = len(image) - len(image.lstrip("' \t"))
        if kind == ORDERED_LIST_ITEM or kind == UNORDERED_LIST_ITEM:
            level += 1
        if level > indent_stack[-1]:
            indent_stack.append(level)
            tokens.append((INDENT, "", pos))
        else:
            while len(indent_stack) > 1 and level < indent_stack[-1]:
                indent_stack.pop()
                tokens.append((DEDENT, "", pos))
    elif kind in _DEDENTING and not (kind == EMPTYLINE and at_end):
        while len(indent_stack) > 1:
            indent_stack.pop()
            tokens.append((DEDENT, "", pos))
    elif kind in _STARTS:
        ranges.append(kind)
    elif kind in _ENDS:
        ranges.pop()


SHORTCODES: dict[str, str] = json.loads(
    '{".A.":"∀",":A:":"∀",".E.":"∃",":E:":"∃",".O.":"𝗢",":O:":"𝗢",".P.":"𝗣",":P:":"𝗣",".->.":"→",":->:":"→",'
    '".<->.":"↔",":<->:":"↔",".~.":"¬",":~:":"¬",".^.":"∧",":^:":"∧",".v.":"∨",":v:":"∨",".v_.":"⊻",":v_:":"⊻",'
    '".<>.":"◇",":<>:":"◇",".[].":"◻",":[]:":"◻",":happy:":"😀",".happy.":"😀",":smile:":"☺️",".smile.":"☺",'
    '":smiley:":"☺",".smiley.":"☺",":laugh:":"😆",".laugh.":"😆",":lol:":"😆",".lol.":"😆",":rofl:":"🤣",'
    '".rofl.":"🤣",":joy:":"😂",".joy.":"😂",":heart:":"❤",".heart.":"❤",".?.":"❓",":?:":"❓",".question.":"❓",'
    '":question:":"❓",":love:":"😍",".love.":"😍",":wink:":"😉",".wink.":"😉",":shush:":"🤫",".shush.":"🤫",'
    '":meh:":"😐",".meh.":"😐",":eye-roll:":"🙄",".eye-roll.":"🙄",":sad:":"😢",".sad.":"😢",'
    '":disappointed:":"😞",".disappointed.":"😞",":scream:":"😱",".scream.":"😱",":+1:":"👍",".+1.":"👍",'
    '":up:":"👍",".up.":"👍",":-1:":"👎",".-1.":"👎",":down:":"👎",".down.":"👎",":think:":"🤔",".think.":"🤔",'
    '".star.":"⭐",":star:":"⭐",".y.":"✔",":y:":"✔",".agree.":"✔",":agree:":"✔",".n.":"❌",":n:":"❌",'
    '".disagree.":"❌",":disagree:":"❌"}'
)
