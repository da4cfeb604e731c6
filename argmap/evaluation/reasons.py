"""Reasons as sentences: how an evaluation names statements and relations for a reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import ArgumentMap

NAME_WIDTH = 48

# code -> sentence after "in: " / "out: " / "undecided: "; {0} {1} name the ids, {d} is the detail
TEMPLATES = {
    # statements, argmap reading
    "accepted": "you accepted it",
    "rejected": "you rejected it",
    "presumed": "{d} that nothing supports, taken as given since nothing defeats it",
    "supported": "supported by {0}, which holds",
    "outweighs": "supported by {0}, which outweighs the objection {1}",
    "withstands": "taken as given: the objection {0} is too weak to defeat it",
    "attacked": "attacked by {0}, which {d}",
    "no-support": "a conclusion that nothing supports",
    "support-fails": "none of its reasons holds (the one from {0} does not apply)",
    # relations, argmap reading
    "no-force": "you judged this inference to have no force",
    "preference": "a preference, not an inference",
    "premise-out": "its premise {0} is out",
    "undercut": "undercut by {0}, which {d}",
    "holds": "its premises hold and nothing undercuts it",
    "premise-open": "its premise {0} is undecided",
    "undercut-open": "the undercut by {0} is undecided",
    # undecided statements and relations
    "cycle-odd": "in an odd cycle of attacks with {all}",
    "cycle-even": "in an even cycle of attacks with {all}",
    "cycle-support": "in a circle of support with {all}",
    "depends": "depends on {0}, which is undecided",
    # Carneades
    "assumed": "assumed",
    "position-taken": "{0}, another position of issue {d}, is assumed",
    "no-argument": "not assumed, and no argument concludes it",
    "unsupported": "no argument for it applies with a weight above 0",
    "argument-applies": "the argument from {0} applies with weight {d}",
    "issue-won": "wins issue {d}",
    "issue-lost": "loses issue {d} to {0}",
    "issue-open": "no position of issue {d} meets its proof standard",
    "placeholder": "stands for an argument's empty list of premises",
    "c-applies": "its premises are decided, nothing undercuts it, and it weighs {d}",
    "c-zero": "it weighs 0 ({d})",
    "c-zero-premise": "it weighs 0 (its premise {0} is out)",
    "c-undercut": "undercut by {0}, which is in",
    "c-premise-open": "its premise {0} is undecided",
    "c-undercut-open": "its undercutter {0} is undecided",
}


def name(amap: ArgumentMap, eid: str) -> str:
    """A statement by its title or the start of its text; a relation by its premises."""
    st = amap.statements.get(eid)
    if st is not None:
        text = st.title or " ".join(st.text[: 2 * NAME_WIDTH].split()) or eid
        if len(text) > NAME_WIDTH:
            text = text[: NAME_WIDTH - 1].rstrip() + "…"
        return f"“{text}”"
    rel = amap.relations.get(eid)
    if rel is not None:
        parts = [name(amap, p) for p in rel.premises]
        return and_list(parts) + (" together" if len(parts) > 1 else "") or eid
    return eid


def and_list(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def describe(amap: ArgumentMap, code: str, ids: tuple[str, ...], detail: str = "") -> str:
    template = TEMPLATES.get(code, code)
    names = [name(amap, i) for i in ids]
    return template.format(*names, *([""] * (2 - len(names))), d=detail, all=and_list(names))
