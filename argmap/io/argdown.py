"""Argdown import: equivalence classes, arguments and relations (as argdown-cli 2.0 reports them) -> argmap.

Mapping (import):

* An equivalence class (all statements with one title) is one argmap Statement: title = the class title
  ("" when Argdown made one up, "Untitled N"; that name is kept in ``meta["argdown"]["title"]``), text =
  Argdown's canonical member (the last defining occurrence, or the one with ``isCanonical``) reduced to
  plain text (bold/italic marks dropped, links to their text, mentions ``@[T]`` kept as written, tags
  taken out of the text into ``tags``); other texts of the class go to ``meta["argdown"]["texts"]``,
  link URLs to ``meta["argdown"]["links"]``, the heading it is under to ``meta["argdown"]["section"]``.
* An argument with a premise-conclusion structure becomes one linked support Relation per inference
  line: its premises are the statements since the previous conclusion (that conclusion included), or
  those a ``uses``/``from`` list names; its target is the conclusion.  Each such relation carries
  ``meta["argdown"] = {"argument": title, "step": k, "steps": n}``; the last one also has the argument's
  title, its description as notes, and the inference rules as scheme.
* An argument without one becomes a Statement standing for it (title = argument title, text =
  description, ``meta["argdown"]["argument"] = True``) that is the premise of its relations.
* Relations ``+ <+ +>`` -> support; ``- <- ->`` -> attack; ``><`` (contradictory) and strict-mode
  contraries -> two attacks, one each way (``meta["argdown"]["relation"]`` says which); undercuts
  ``_> <_`` -> an attack on the undercut argument's last inference relation.  A support or attack on a
  reconstructed argument as a whole targets that last inference relation too, marked
  ``meta["argdown"]["to"] = "argument"``.  An undercut of an argument without inference attacks that
  argument's only outgoing relation, or else its statement (the report says so).
* Kinds: ``evidence`` when tagged #evidence or its data says ``isEvidence: true`` / ``kind: evidence``;
  otherwise data ``kind:`` wins; otherwise ``conclusion`` when something supports it, or when it is
  attacked and argues for nothing; otherwise ``premise``.
* Implicit (unstated) premises: tagged ``#implicit`` (any case) or with data ``implicit: true``; the tag
  is taken out of ``tags`` (the writer puts it back).
* Front matter: ``title``/``description`` -> the map's; the rest is kept in ``meta["argdown"]``.
  Comments are dropped.  The writer is :mod:`argmap.io.argdown_writer`.
"""

from __future__ import annotations

import os
from typing import Any

from ..model import ArgumentMap, Kind, Polarity, Relation, Statement
from . import argdown_lexer as L
from .argdown_builder import build_model
from .argdown_model import Element, Model
from .argdown_parser import parse
from .errors import MapFileError, read_text
from .registry import ImportReport, ImportResult

EXTENSIONS = (".argdown", ".ad")
KINDS = {k.value: k for k in Kind}
IMPLICIT_TAG = "implicit"  # marks an implicit (unstated) premise, a convention Argdown's tools keep as a tag


def is_implicit_tag(tag: str) -> bool:
    return tag.lower() == IMPLICIT_TAG


def parse_text(text: str, path: str = "<input>") -> Model:
    """Argdown text -> Argdown's model (classes, arguments, relations); :class:`MapFileError` if malformed."""
    text = L.normalise(text)
    try:
        return build_model(parse(L.tokenize(text)))
    except L.ArgdownSyntaxError as e:
        raise MapFileError(path, e.place(text), e.message) from None
    except RecursionError:
        raise MapFileError(path, "", "nested too deeply") from None


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def derived_kind(tags: tuple[str, ...] | list[str], data: Any, supported: bool, attacked: bool, argues: bool) -> Kind:
    """The kind the rule in the module docstring gives (shared with the writer)."""
    data = data if isinstance(data, dict) else {}
    if (tags and any(t.lower() == "evidence" for t in tags)) or data.get("isEvidence") is True:
        return Kind.EVIDENCE
    kind = data.get("kind")
    if kind is not None and str(kind).lower() in KINDS:
        return KINDS[str(kind).lower()]
    if supported or (attacked and not argues):
        return Kind.CONCLUSION
    return Kind.PREMISE


class _Importer:
    def __init__(self, model: Model, path: str) -> None:
        self.m = model
        self.path = path
        self.report = ImportReport()
        # id, text, title, tags, meta of each statement; finish() makes the Statements once kinds are known
        self.statements: list[tuple[str, str, str, tuple[str, ...], dict[str, Any]]] = []
        self.relations: list[Relation] = []
        self.ids: dict[int, str] = {}  # id(Element) -> statement id
        self.last_inference: dict[str, str] = {}  # argument title -> relation id
        self.inference_ids: dict[int, str] = {}  # id(AInference) -> relation id
        self.data: dict[str, Any] = {}
        self.dropped = 0
        self._prefix = os.urandom(10).hex()
        self._serial = 0

    def new_id(self) -> str:
        """Fresh ids for one import: a random prefix and a serial number (uuid4 per element is slow)."""
        self._serial += 1
        return f"{self._prefix}{self._serial:012x}"

    def statement(self, el: Element, argument: bool) -> None:
        canon = el.canonical()
        text = ""
        texts: list[str] = []
        for m in el.members:
            if m.reference:  # (the canonical member never is one)
                continue
            t = m.plain()
            if m is canon:
                text = t
            if t and t not in texts:
                texts.append(t)
        meta: dict[str, Any] = {}
        if argument:
            meta["argument"] = True
        untitled = el.auto or el.data.get("argmap") == "untitled"
        if untitled:
            meta["title"] = el.title
        # (each list and dict below is made only when there is something to put in it)
        if len(texts) > 1 or (texts and texts[0] != text):
            meta["texts"] = [t for t in texts if t != text]
        if any(m.links for m in el.members):
            meta["links"] = [list(link) for m in el.members for link in m.links]
        if el.section is not None:
            meta["section"] = el.section["title"]
        if el.data:
            data = {k: v for k, v in el.data.items() if k not in ("argmap", "kind") and (k, v) != ("implicit", True)}
            if data:
                meta["data"] = _json_safe(data)
        sid = self.new_id()
        self.ids[id(el)] = sid
        self.data[sid] = el.data
        self.statements.append((sid, text, "" if untitled else el.title, tuple(el.tags), {"argdown": meta}))

    def inferences(self, arg: Element) -> None:
        pcs = arg.pcs
        conclusions = [i for i, s in enumerate(pcs) if s.role in ("intermediary-conclusion", "main-conclusion")]
        desc = next((m.plain() for m in reversed(arg.members) if not m.reference and m.plain()), "")
        # Argdown made the title up, now or (marked so by argmap's writer) in the file this was written from
        auto = arg.auto or any(isinstance(m.data, dict) and m.data.get("argmap") == "untitled" for m in arg.members)
        start = 0
        for step, ci in enumerate(conclusions, 1):
            conclusion = pcs[ci]
            inf = conclusion.inference
            uses = None
            for d in (inf.data if inf else None, conclusion.data):
                if isinstance(d, dict) and isinstance(d.get("uses") or d.get("from"), list):
                    uses = d.get("uses") or d.get("from")
                    break
            if uses is not None:
                chosen = [pcs[i - 1] for i in uses if isinstance(i, int) and 1 <= i <= len(pcs)]
            else:
                chosen = pcs[start:ci]
            start = ci
            target = self.ids[id(self.m.statements[conclusion.title])]
            premises: list[str] = []
            for s in chosen:
                sid = self.ids[id(self.m.statements[s.title])]
                if sid != target and sid not in premises:
                    premises.append(sid)
            if not premises:
                self.report.note(
                    f"argument <{arg.title}>: inference {step} has no premise apart from its conclusion; dropped"
                )
                continue
            meta: dict[str, Any] = {"argument": arg.title, "step": step, "steps": len(conclusions)}
            if auto:
                meta["auto_title"] = True
            if arg.tags:
                meta["tags"] = list(arg.tags)
            if arg.section is not None:
                meta["section"] = arg.section["title"]
            last = step == len(conclusions)
            rid = self.new_id()
            if inf is not None:
                self.inference_ids[id(inf)] = rid
            self.last_inference[arg.title] = rid
            self.relations.append(
                Relation(
                    rid,
                    Polarity.SUPPORT,
                    tuple(premises),
                    target,
                    title=arg.title if last and not auto else "",
                    notes=desc if last else "",
                    scheme=", ".join(r for r in (inf.rules if inf else []) if r),
                    meta={"argdown": meta},
                )
            )

    def endpoint(self, el: Any, as_target: bool) -> tuple[str | None, bool]:
        """argmap id for an Argdown element; the flag says "a reconstructed argument as a whole"."""
        if el.kind == "inference":
            return self.inference_ids.get(id(el)), False
        if el.kind == "argument" and el.pcs:
            if as_target:
                return self.last_inference.get(el.title), True
            return self.ids.get(id(self.m.statements[el.pcs[-1].title])), False
        return self.ids.get(id(el)), False

    def relation(self, rel: Any, undercuts: list[tuple[Any, str, str]]) -> None:
        src, _ = self.endpoint(rel.source, False)
        dst, whole = self.endpoint(rel.target, True)
        if src is None or dst is None or src == dst:
            self.dropped += 1
            return
        if rel.type == "undercut" and not whole and rel.target.kind == "argument":
            undercuts.append((rel, src, dst))
            return
        polarity = Polarity.SUPPORT if rel.type in ("support", "entails") else Polarity.ATTACK
        meta: dict[str, Any] = {}
        if rel.type not in ("support", "attack"):
            meta["relation"] = rel.type
        if whole and rel.type != "undercut":
            meta["to"] = "argument"
        self.relations.append(Relation(self.new_id(), polarity, (src,), dst, meta={"argdown": meta} if meta else {}))
        if rel.type in ("contradictory", "contrary") and not whole:
            self.relations.append(
                Relation(
                    self.new_id(),
                    Polarity.ATTACK,
                    (dst,),
                    src,
                    meta={"argdown": {"relation": rel.type, "mirror": True}},
                )
            )

    def run(self) -> ImportResult:
        m = self.m
        for ec in m.statements.values():
            self.statement(ec, False)
        for arg in m.arguments.values():
            if not arg.pcs:
                self.statement(arg, True)
        for arg in m.arguments.values():
            if arg.pcs:
                self.inferences(arg)
        undercuts: list[tuple[Any, str, str]] = []
        for rel in m.relations:
            self.relation(rel, undercuts)
        for rel, src, dst in undercuts:  # undercut of an argument that has no inference
            out = [r for r in self.relations if r.premises == (dst,)]
            target = out[0].id if len(out) == 1 else dst
            if len(out) != 1:
                self.report.note(
                    f"undercut of <{rel.target.title}> (an argument without premise-conclusion "
                    f"structure) is kept as an attack on its statement"
                )
            self.relations.append(
                Relation(self.new_id(), Polarity.ATTACK, (src,), target, meta={"argdown": {"relation": "undercut"}})
            )
        self.fold_joints()
        if self.dropped:
            self.report.note(f"{self.dropped} relation(s) of a statement with itself dropped")
        return self.finish()

    def fold_joints(self) -> None:
        """Stand-in conclusions argmap's writer made (``{argmap: joint}``) become one relation again."""
        for ec in self.m.statements.values():
            if ec.data.get("argmap") != "joint":
                continue
            sid = self.ids[id(ec)]
            into = [r for r in self.relations if r.target == sid]
            out = [r for r in self.relations if sid in r.premises]
            if len(into) != 1 or len(out) != 1 or out[0].premises != (sid,):
                continue
            inf, rel = into[0], out[0]
            meta = dict(inf.meta.get("argdown", {}))
            meta.update(rel.meta.get("argdown", {}))
            folded = Relation(
                inf.id,
                rel.polarity,
                inf.premises,
                rel.target,
                title=inf.title,
                notes=inf.notes,
                scheme=inf.scheme,
                meta={"argdown": meta},
            )
            self.relations = [folded if r is inf else r for r in self.relations if r is not rel]
            self.statements = [st for st in self.statements if st[0] != sid]

    def finish(self) -> ImportResult:
        supported: set[str] = set()
        attacked: set[str] = set()
        argues: set[str] = set()
        for r in self.relations:
            argues.update(r.premises)
            (supported if r.polarity is Polarity.SUPPORT else attacked).add(r.target)
        statements = []
        for sid, text, title, tags, meta in self.statements:
            data = self.data.get(sid)
            kind = derived_kind(tags, data, sid in supported, sid in attacked, sid in argues)
            implicit = bool(tags and any(map(is_implicit_tag, tags))) or (
                isinstance(data, dict) and data.get("implicit") is True
            )
            if implicit:
                tags = tuple(t for t in tags if not is_implicit_tag(t))
            statements.append(Statement(sid, text, kind, title, "", tags, (), None, meta, implicit))
        fm = self.m.front_matter if isinstance(self.m.front_matter, dict) else {}
        amap = ArgumentMap(str(fm.get("title", "") or ""), str(fm.get("description", "") or ""))
        rest = {k: v for k, v in fm.items() if k not in ("title", "description")}
        if rest:
            amap.set_meta(argdown=_json_safe(rest))
        amap.set_meta(**drawing_settings(fm))
        # statements first, then relations: add_many checks each relation against the new statements
        amap.add_many(statements)
        amap.add_many(relations=self.relations)
        self.counts(amap)
        return ImportResult(amap, self.report)

    def counts(self, amap: ArgumentMap) -> None:
        m, r = self.m, self.report
        r.counts.update(
            {
                "statement classes": len(m.statements),
                "arguments": len(m.arguments),
                "Argdown relations": len(m.relations),
                "argmap statements": len(amap.statements),
                "argmap relations": len(amap.relations),
            }
        )
        formatted = sum(1 for el in (*m.statements.values(), *m.arguments.values()) for s in el.members if s.formatted)
        if formatted:
            r.note(f"bold/italic reduced to plain text in {formatted} statement(s)")
        links = sum(len(s.links) for el in m.statements.values() for s in el.members)
        if links:
            r.note(f"{links} link(s) reduced to their text (URLs kept in statement meta)")
        sym = sum(1 for x in m.relations if x.type in ("contradictory", "contrary"))
        if sym:
            r.note(f"{sym} contradiction/contrary relation(s) represented as two attacks, one each way")
        if m.sections:
            r.note("headings kept as each statement's section (meta), not as separate elements")
        if isinstance(m.settings, dict) and m.settings.get("explodeArguments"):
            r.note("front matter asks to explode arguments; argmap keeps one linked relation per inference")


def drawing_settings(fm: dict[str, Any]) -> dict[str, str]:
    """argmap's drawing settings from Argdown front matter: ``map.statementLabelMode: title`` shows
    titles alone (``card_text``), ``dot.graphVizSettings.rankdir`` the flow (``layout_direction``)."""
    out: dict[str, str] = {}
    mp = fm.get("map")
    if isinstance(mp, dict) and mp.get("statementLabelMode") == "title":
        out["card_text"] = "titles"
    dot = fm.get("dot")
    gv = dot.get("graphVizSettings") if isinstance(dot, dict) else None
    rankdir = str(gv.get("rankdir", "")).upper() if isinstance(gv, dict) else ""
    if rankdir in ("TB", "BT", "LR"):
        out["layout_direction"] = rankdir
    return out


def loads_result(text: str, path: str = "<input>") -> ImportResult:
    model = parse_text(text, path)
    return _Importer(model, path).run()


def read_result(path: str | os.PathLike[str]) -> ImportResult:
    """Read an Argdown file; raises :class:`MapFileError` (one line, with line and column) and nothing else."""
    p = os.fspath(path)
    text = read_text(p)
    if "\x00" in text:
        raise MapFileError(
            p, f"line {text.count(chr(10), 0, text.index(chr(0))) + 1}", "not Argdown text (contains NUL bytes)"
        )
    if not text.strip():
        result = ImportResult(ArgumentMap())
        result.report.note("empty Argdown file")
        return result
    return loads_result(text, p)
