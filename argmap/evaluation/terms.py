"""Carneades statement keys as terms, and the issue schemes that make issues of the statements they match.

A key such as ``¬app(a1)`` or ``price(car, high)`` reads as a Prolog-like term: a name with
arguments, an atom, or ``¬`` before a term.  In an issue scheme a name that starts with a capital
letter or ``_`` is a variable (``negation: ["¬Q", "Q"]`` makes ``p`` and ``¬p`` one issue).
"""

from __future__ import annotations

Term = tuple[str, tuple["Term", ...]]  # (name, arguments); a variable is ("?", ((name, ()),))
Bindings = dict[str, Term]


def parse(text: str) -> Term | None:
    """The term a key or pattern spells, or None when it is not one."""
    term, rest = _term(text.strip())
    return term if term is not None and not rest.strip() else None


def _term(s: str) -> tuple[Term | None, str]:
    s = s.lstrip()
    if s.startswith("¬"):
        inner, rest = _term(s[1:])
        return (("¬", (inner,)), rest) if inner is not None else (None, s)
    i = 0
    while i < len(s) and s[i] not in "(),¬" and not s[i].isspace():
        i += 1
    name, rest = s[:i], s[i:].lstrip()
    if not name:
        return None, s
    if not rest.startswith("("):
        return (("?", ((name, ()),)) if name[0].isupper() or name[0] == "_" else (name, ())), rest
    args: list[Term] = []
    rest = rest[1:]
    while True:
        arg, rest = _term(rest)
        if arg is None:
            return None, s
        args.append(arg)
        rest = rest.lstrip()
        if rest.startswith(","):
            rest = rest[1:]
        elif rest.startswith(")"):
            return (name, tuple(args)), rest[1:]
        else:
            return None, s


def match(pattern: Term, term: Term, bindings: Bindings) -> Bindings | None:
    """Bindings that make ``pattern`` equal ``term`` (extending ``bindings``), or None."""
    if pattern[0] == "?":
        var = pattern[1][0][0]
        bound = bindings.get(var)
        if bound is None:
            return {**bindings, var: term}
        return bindings if bound == term else None
    if pattern[0] != term[0] or len(pattern[1]) != len(term[1]):
        return None
    for p, t in zip(pattern[1], term[1]):
        got = match(p, t, bindings)
        if got is None:
            return None
        bindings = got
    return bindings


def scheme_issues(
    keys: list[str], schemes: dict[str, list[str]], issue_of: dict[str, str], issues: dict[str, list[str]]
) -> None:
    """Make issues of the statements the issue schemes match, as carneades-4 does: positions are the
    statements matching the first pattern and, under its bindings, the others (or, with ``...``,
    the first pattern again, its numbered variables free); a statement at issue stays in its
    issue.  Updates ``issue_of`` and ``issues`` (issue id -> positions)."""
    terms = {k: t for k in keys if (t := parse(k)) is not None}
    for patterns in schemes.values():
        if len(patterns) < 2:
            continue
        first = parse(patterns[0])
        if first is None:
            continue
        enumeration = len(patterns) == 3 and patterns[1] == "..."
        others = [t for t in (parse(x) for x in patterns[1:]) if t is not None]
        for k1, t1 in terms.items():
            bindings = match(first, t1, {})
            if bindings is None:
                continue
            candidates = [k1]
            free = {v: t for v, t in bindings.items() if not v[-1].isdigit()}
            for k2, t2 in terms.items():
                if k2 == k1:
                    continue
                if enumeration:
                    if match(first, t2, dict(free)) is not None:
                        candidates.append(k2)
                    continue
                for pattern in others:
                    got = match(pattern, t2, bindings)
                    if got is not None:
                        bindings = got
                        candidates.append(k2)
                        break
            at: str | None = None
            positions = []
            for c in candidates:
                if c in issue_of:
                    if at is None:
                        at = issue_of[c]
                    elif issue_of[c] != at:
                        continue
                positions.append(c)
            if len(positions) < 2:
                continue
            if at is None:
                n = len(issues) + 1
                while f"i{n}" in issues:
                    n += 1
                at = f"i{n}"
                issues[at] = positions
            for key in positions:  # carneades-4 marks new positions of an old issue, not listing them
                issue_of.setdefault(key, at)
