"""Carneades (CAES, carneades-4) YAML argument graphs: import.

``statements`` -> statements (id = the Carneades id; ``text`` or the bare string);
``arguments`` -> support relations from the premises (a list, or a mapping of
role -> statement) to the conclusion, with the scheme kept (and the premise list in
``meta["carneades"]["premises"]`` when it repeats a premise or names the conclusion,
which a relation cannot); an argument's
``undercutter`` -> an attack from that statement on the argument's relation (an
undercut).  An argument with no premises gets a placeholder premise, since an
argmap relation needs one (said in the report).  ``assumptions`` (or
``assumed: true``) and the expected labels under ``tests:`` (in, out,
undecided) are kept in ``meta["carneades"]``; ``issues`` with their positions
are kept in the statements' and the map's metadata (argmap has no
statement-to-statement contradiction, so ``p`` and ``¬p`` stay two statements).
"""

from __future__ import annotations

import os
from typing import Any

import yaml

from ..model import ArgumentMap, Kind, ModelError, Polarity, Relation, Statement, new_id
from .errors import MapFileError, read_text
from .registry import ImportReport, ImportResult
from .yamlplain import PlainLoader, load_yaml

LABELS = ("in", "out", "undecided")


def _lines(text: str) -> Any:
    """The composed node tree, for finding the line of a path after the fact."""
    try:
        return yaml.compose(text, Loader=PlainLoader)
    except yaml.YAMLError:
        return None


def _line_of(tree: Any, loc: tuple[Any, ...]) -> str:
    node, line = tree, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(part):
                    nxt, line = v, k.start_mark.line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
        if node is None:
            break
    if node is not None and hasattr(node, "start_mark"):
        line = node.start_mark.line
    return f"line {line + 1}" if line is not None else ""


class _Bad(Exception):
    def __init__(self, loc: tuple[Any, ...], message: str) -> None:
        super().__init__(message)
        self.loc, self.message = loc, message


def _plain(value: Any, loc: tuple[Any, ...]) -> Any:
    """YAML data as JSON data: mapping keys become text, and two keys that become the same text
    (``1`` and ``"1"``) are refused rather than written twice."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            key = str(k)
            if key in out:
                raise _Bad((*loc, key), f"key {key!r} is given twice ({k!r} and {key!r})")
            out[key] = _plain(v, (*loc, key))
        return out
    if isinstance(value, list):
        return [_plain(v, (*loc, i)) for i, v in enumerate(value)]
    return value


def _ids(value: Any, loc: tuple[Any, ...]) -> list[tuple[str, str]]:
    """Premises as (role, statement id): a list, a mapping role -> id, or one id."""
    if value is None:
        return []
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [("", str(value))]
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            if isinstance(v, dict) and len(v) == 1:  # [- role: id]
                ((role, sid),) = v.items()
                out.append((str(role), str(sid)))
            elif isinstance(v, (str, int)) and not isinstance(v, bool):
                out.append(("", str(v)))
            else:
                raise _Bad((*loc, i), f"must be a statement id, got {type(v).__name__}")
        return out
    if isinstance(value, dict):
        out = []
        for role, v in value.items():
            if not isinstance(v, (str, int)) or isinstance(v, bool):
                raise _Bad((*loc, role), f"must be a statement id, got {type(v).__name__}")
            out.append((str(role), str(v)))
        return out
    raise _Bad(loc, f"must be a list or mapping of statement ids, got {type(value).__name__}")


def _mapping(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad((key,), f"must be a mapping, got {type(value).__name__}")
    return value


def _convert(doc: Any) -> tuple[ArgumentMap, list[str], dict[str, int]]:
    if not isinstance(doc, dict):
        raise _Bad((), f"not a Carneades argument graph: expected a mapping, got {type(doc).__name__}")
    notes: list[str] = []
    meta_in = _mapping(doc, "meta")
    raw_statements = _mapping(doc, "statements")
    raw_arguments = _mapping(doc, "arguments")
    texts: dict[str, str] = {}
    smeta: dict[str, dict[str, Any]] = {}
    for sid, value in raw_statements.items():
        sid = str(sid)
        if sid in texts:
            raise _Bad(("statements", sid), f"statement id {sid!r} is given twice")
        info: dict[str, Any] = {}
        if isinstance(value, dict):
            text = value.get("text", value.get("header", sid))
            info = _plain({k: v for k, v in value.items() if k != "text"}, ("statements", sid))
        else:
            text = value
        if isinstance(text, dict):  # {en: "...", de: "..."}
            text = next(iter(text.values()), sid)
        if text is None:
            text = sid
        if isinstance(text, (list, dict)):
            raise _Bad(("statements", sid), "text must be a string")
        texts[sid] = str(text).strip()
        smeta[sid] = info
    assumptions = doc.get("assumptions") or []
    if not isinstance(assumptions, list):
        raise _Bad(("assumptions",), f"must be a list of statement ids, got {type(assumptions).__name__}")
    tests = _mapping(doc, "tests")
    expected: dict[str, str] = {}
    for label, ids in tests.items():
        if str(label) not in LABELS:
            notes.append(f"tests: unknown label {label!r} kept in the map's metadata only")
            continue
        for _role, sid in _ids(ids, ("tests", label)):
            expected[sid] = str(label)
    relations: list[Relation] = []
    placeholders: list[Statement] = []
    used = set(texts) | {str(a) for a in raw_arguments}
    added: list[str] = []

    def need(sid: str) -> None:
        if sid not in texts:
            texts[sid], smeta[sid] = sid, {}
            added.append(sid)

    def fresh(base: str) -> str:
        rid = base
        while rid in used:
            rid = f"{base}-{new_id()[:6]}"
        used.add(rid)
        return rid

    undercutters = 0
    rel_id = _plain(dict.fromkeys(raw_arguments), ("arguments",))  # refuses ids given twice
    rel_id = {aid: aid for aid in rel_id}
    for aid in rel_id:
        if aid in texts:
            rel_id[aid] = fresh(f"argument {aid}")
    for aid, arg in raw_arguments.items():
        aid = str(aid)
        rid = rel_id[aid]
        if not isinstance(arg, dict):
            raise _Bad(("arguments", aid), f"must be a mapping, got {type(arg).__name__}")
        concl = arg.get("conclusion")
        if not isinstance(concl, (str, int)) or isinstance(concl, bool):
            raise _Bad(("arguments", aid, "conclusion"), "is missing or not a statement id")
        concl = str(concl)
        prem = _ids(arg.get("premises"), ("arguments", aid, "premises"))
        for s in (concl, *(s for _r, s in prem)):
            need(s)
        ids = list(dict.fromkeys(s for _r, s in prem if s != concl))
        if not ids:
            pid = fresh(f"{aid}.premise")
            placeholders.append(
                Statement(
                    pid, f"(argument {aid} has no premises)", Kind.PREMISE, meta={"carneades": {"placeholder_for": aid}}
                )
            )
            ids = [pid]
        ameta = _plain(
            {k: v for k, v in arg.items() if k not in ("conclusion", "premises", "scheme")}, ("arguments", aid)
        )
        roles = {r: s for r, s in prem if r}
        if roles:
            ameta["premise_roles"] = roles
        if [s for _r, s in prem] != ids:  # a premise repeated or the conclusion itself: evaluation needs them
            ameta["premises"] = [s for _r, s in prem]
        scheme = arg.get("scheme")
        relations.append(
            Relation(
                rid,
                Polarity.SUPPORT,
                tuple(ids),
                concl,
                scheme=str(scheme) if isinstance(scheme, (str, int)) else "",
                meta={"carneades": {"argument": aid, **ameta}},
            )
        )
        under = arg.get("undercutter")
        if under is not None:
            if not isinstance(under, (str, int)) or isinstance(under, bool):
                raise _Bad(("arguments", aid, "undercutter"), "must be a statement id")
            need(str(under))
            relations.append(
                Relation(
                    fresh(f"{aid}.undercutter"),
                    Polarity.ATTACK,
                    (str(under),),
                    rid,
                    meta={"carneades": {"undercutter_of": aid}},
                )
            )
            undercutters += 1
    if added:
        notes.append(
            f"{len(added)} statements used by arguments were not declared; their ids are their texts: "
            + ", ".join(added[:5])
        )
    issues = _mapping(doc, "issues")
    issue_of: dict[str, str] = {}
    for iid, issue in issues.items():
        positions = issue.get("positions") if isinstance(issue, dict) else None
        for _r, sid in _ids(positions, ("issues", iid, "positions")):
            issue_of[sid] = str(iid)
    premise_of = {p for r in relations for p in r.premises}
    targets = {r.target for r in relations}
    assumed = {str(a) for a in assumptions}
    statements = []
    for sid, text in texts.items():
        cm = dict(smeta[sid])
        if sid in assumed or cm.get("assumed") is True:
            cm["assumed"] = True
        if sid in expected:
            cm["expected"] = expected[sid]
        if sid in issue_of:
            cm["issue"] = issue_of[sid]
        kind = Kind.CONCLUSION if sid in targets and sid not in premise_of else Kind.PREMISE
        statements.append(
            Statement(
                sid,
                text,
                kind,
                tags=("assumption",) if cm.get("assumed") else (),
                meta={"carneades": {"id": sid, **cm}},
            )
        )
    missing = sorted(set(expected) - set(texts))
    if missing:
        notes.append(f"tests name statements that do not exist: {', '.join(missing)}")
    if placeholders:
        notes.append(f"{len(placeholders)} arguments without premises got a placeholder premise statement")
    if issues:
        notes.append(f"{len(issues)} issues kept as metadata (positions stay separate statements)")
    for key in ("argument_schemes", "issue_schemes", "language", "references"):
        if doc.get(key):
            notes.append(f"{key} kept in the map's metadata only")
    amap = ArgumentMap(str(meta_in.get("title") or ""), str(meta_in.get("description") or ""))
    keep = _plain({k: v for k, v in doc.items() if k not in ("statements", "arguments", "meta")}, ())
    amap._meta["carneades"] = {
        **_plain({k: v for k, v in meta_in.items() if k not in ("title", "description")}, ("meta",)),
        **keep,
    }
    try:
        amap.add_many([*statements, *placeholders], relations)
    except ModelError as e:
        raise _Bad((), f"cannot build the map: {e}") from None
    counts = {
        "statements": len(statements) + len(placeholders),
        "relations": len(relations),
        "undercuts": undercutters,
        "assumptions": sum(bool(s.tags) for s in statements),
        "expected labels": len(expected),
    }
    return amap, notes, counts


def read_carneades(path: str | os.PathLike[str]) -> ImportResult:
    """Registry reader: a carneades-4 YAML file -> map and report."""
    p = os.fspath(path)
    text = read_text(p)
    try:
        doc = load_yaml(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise MapFileError(p, place, f"not valid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise MapFileError(p, "", f"not valid YAML: {e}") from None
    except RecursionError:
        raise MapFileError(p, "", "YAML nested too deeply") from None
    try:
        amap, notes, counts = _convert(doc)
    except _Bad as e:
        place = _line_of(_lines(text), e.loc) if e.loc else ""
        where = ".".join(str(x) for x in e.loc)
        raise MapFileError(p, place, f"{where}: {e.message}" if where else e.message) from None
    return ImportResult(amap, ImportReport(counts, notes))
