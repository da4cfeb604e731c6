"""Build an argument map from a parsed AIF graph (the rules are in argmap.io.aif's docstring)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..model import Anchor, ArgumentMap, Kind, ModelError, Polarity, Relation, RelationKind, Source, Statement, new_id
from .aif_parse import DEFAULT_TEXTS, DIALOGUE_NODES, EVIDENCE_SCHEMES, SCHEME_NODES, ParsedAIF
from .errors import MapFileError
from .registry import ImportReport, ImportResult


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _ids(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


class _Builder:
    def __init__(self, doc: ParsedAIF, path: str) -> None:
        self.doc, self.path = doc, path
        self.report = ImportReport()
        self.types: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.raw: dict[str, dict[str, Any]] = {}
        self.ins: dict[str, list[str]] = defaultdict(list)
        self.outs: dict[str, list[str]] = defaultdict(list)

    # ------------------------------------------------------------ graph
    def index(self) -> None:
        dups: list[str] = []
        unknown: Counter[str] = Counter()
        for nid, ntype, text, raw, _place in self.doc.nodes:
            if nid in self.types:
                dups.append(nid)
                continue
            if ntype not in SCHEME_NODES and ntype != "I" and ntype not in DIALOGUE_NODES:
                unknown[ntype or "(none)"] += 1
                continue
            self.types[nid], self.texts[nid], self.raw[nid] = ntype, text, raw
        if dups:
            self.report.note(f"dropped {_plural(len(dups), 'node')} whose nodeID was already used: {_ids(dups)}")
        for t, n in sorted(unknown.items()):
            self.report.note(f"dropped {_plural(n, 'node')} of type {t!r}, which argmap cannot represent")
        seen: set[tuple[str, str]] = set()
        dangling = duplicate = 0
        for a, b, _place in self.doc.edges:
            if a not in self.types or b not in self.types:
                dangling += 1
                continue
            if (a, b) in seen or a == b:
                duplicate += 1
                continue
            seen.add((a, b))
            self.outs[a].append(b)
            self.ins[b].append(a)
        if dangling:
            self.report.note(
                f"dropped {_plural(dangling, 'edge')} to or from a node that is not in the file (or was dropped)"
            )
        if duplicate:
            self.report.note(f"ignored {_plural(duplicate, 'duplicate edge')}")
        direct = sum(1 for a, outs in self.outs.items() if self.types[a] == "I" for b in outs if self.types[b] == "I")
        if direct:
            self.report.note(
                f"dropped {_plural(direct, 'edge')} from an I-node straight to an I-node "
                "(no RA/CA between them says what the link means)"
            )

    def relations(self) -> dict[str, tuple[list[str], str]]:
        """S-node id -> (premises, target), after dropping what cannot be represented."""
        rels: dict[str, tuple[list[str], str]] = {}
        no_premise, no_target, many = [], [], []
        for sid, t in self.types.items():
            if t not in SCHEME_NODES:
                continue
            targets = [x for x in self.outs[sid] if self.types[x] == "I" or self.types[x] in SCHEME_NODES]
            premises = [x for x in self.ins[sid] if self.types[x] == "I" and x not in targets[:1]]
            if not premises:
                no_premise.append(sid)
                continue
            if not targets:
                no_target.append(sid)
                continue
            if len(targets) > 1:
                many.append(sid)
            rels[sid] = (premises, targets[0])
        if no_premise:
            self.report.note(
                f"dropped {_plural(len(no_premise), 'scheme node')} with no I-node premise: {_ids(no_premise)}"
            )
        if no_target:
            self.report.note(f"dropped {_plural(len(no_target), 'scheme node')} with no conclusion: {_ids(no_target)}")
        if many:
            self.report.note(f"kept only the first of several conclusions of {_ids(many)}")
        # a relation whose target relation is gone goes too; chains of relation targets must end at a statement
        gone: list[str] = []
        changed = True
        while changed:
            changed = False
            for sid, (_p, target) in list(rels.items()):
                if sid in rels and self.types[target] in SCHEME_NODES and target not in rels:
                    del rels[sid]
                    gone.append(sid)
                    changed = True
            for sid in list(rels):
                if sid not in rels:
                    continue
                seen, t = {sid}, rels[sid][1]
                while t in rels:
                    if t in seen:
                        for c in seen:
                            rels.pop(c, None)
                            gone.append(c)
                        changed = True
                        break
                    seen.add(t)
                    t = rels[t][1]
        if gone:
            self.report.note(
                f"dropped {_plural(len(gone), 'scheme node')} whose conclusion is a dropped or "
                f"circular scheme node: {_ids(sorted(set(gone)))}"
            )
        return rels

    # ------------------------------------------------------------ dialogue
    def locutions(self) -> tuple[dict[str, list[dict[str, Any]]], int]:
        """I- and S-node id -> the locutions that anchor them (L -> YA -> node, or TA -> YA -> node)."""
        speakers = self._speakers()
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        count = 0
        for ya, t in self.types.items():
            if t != "YA":
                continue
            anchors: list[str | None] = [a for a in self.ins[ya] if self.types[a] in ("L", "TA")]
            for target in self.outs[ya]:
                if self.types[target] not in SCHEME_NODES and self.types[target] != "I":
                    continue
                for a in anchors or [None]:
                    loc: dict[str, Any] = {"illocution": self.texts[ya], "ya": ya}
                    if a is not None:
                        loc["l" if self.types[a] == "L" else "ta"] = a
                        loc["text"] = self.texts[a]
                        if a in speakers:
                            loc["speaker"] = speakers[a]
                    found[target].append(loc)
                    count += 1
        return found, count

    def _speakers(self) -> dict[str, str]:
        people = {}
        for p in self.doc.keep.get("participants", []) or []:
            if isinstance(p, dict) and "participantID" in p:
                name = " ".join(str(p.get(k, "")) for k in ("firstname", "surname")).strip()
                people[str(p["participantID"])] = name
        out = {}
        for loc in self.doc.keep.get("locutions", []) or []:
            if isinstance(loc, dict) and "nodeID" in loc and str(loc.get("personID")) in people:
                out[str(loc["nodeID"])] = people[str(loc["personID"])]
        return out

    # ------------------------------------------------------------ map
    def build(self) -> ImportResult:
        self.index()
        rels = self.relations()
        locs, n_locs = self.locutions()
        ext = self.doc.extension
        premise_of: dict[str, list[str]] = defaultdict(list)
        targeted: set[str] = set()
        for sid, (premises, target) in rels.items():
            for p in premises:
                premise_of[p].append(sid)
            targeted.add(target)
        sources, source_ids = self._sources(ext)
        statements = []
        anchored = 0
        for nid, t in self.types.items():
            if t != "I":
                continue
            raw = dict(self.raw[nid])
            extra = raw.pop("argmap", None)
            extra = extra if isinstance(extra, dict) else {}
            meta: dict[str, Any] = dict(extra.get("meta") or {}) if isinstance(extra.get("meta"), dict) else {}
            aif_meta = dict(raw)
            if locs.get(nid):
                aif_meta["locutions"] = locs[nid]
            if aif_meta:
                meta["aif"] = aif_meta
            kind = self._kind(nid, extra, premise_of, targeted)
            anchors = self._anchors(nid, extra, sources, source_ids)
            anchored += bool(anchors)
            tags = extra.get("tags")
            statements.append(
                Statement(
                    nid,
                    self.texts[nid],
                    kind,
                    _s(extra.get("title")),
                    _s(extra.get("notes")),
                    tuple(str(x) for x in tags) if isinstance(tags, list) else (),
                    anchors,
                    extra.get("assessment")
                    if extra.get("assessment") in ("accepted", "rejected", "undecided")
                    else None,
                    meta,
                    extra.get("implicit") is True,
                )
            )
        relations = [self._relation(sid, premises, target, locs.get(sid)) for sid, (premises, target) in rels.items()]
        amap = ArgumentMap(*self._title(ext))
        positions = {
            k: v for k, v in self.doc.positions.items() if k in self.types and (self.types[k] == "I" or k in rels)
        }
        try:
            amap.add_many(statements, relations, positions, sources=sources)
        except ModelError as e:
            raise MapFileError(self.path, "", f"cannot build the map: {e}") from None
        self._keep_dialogue(amap)
        self._counts(amap, n_locs, anchored, bool(sources) and not ext.get("sources"))
        return ImportResult(amap, self.report)

    def _title(self, ext: dict[str, Any]) -> tuple[str, str]:
        meta = _object(ext.get("meta"))
        return _s(meta.get("title")), _s(meta.get("description"))

    def _kind(self, nid: str, extra: dict[str, Any], premise_of: dict[str, list[str]], targeted: set[str]) -> Kind:
        if extra.get("kind") in ("conclusion", "premise", "evidence"):
            return Kind(extra["kind"])
        outs = premise_of.get(nid, [])
        if not outs:
            return Kind.CONCLUSION if nid in targeted else Kind.PREMISE
        if all(self.types[r] == "RA" and EVIDENCE_SCHEMES.search(_scheme(self.raw[r], self.texts[r])) for r in outs):
            return Kind.EVIDENCE
        return Kind.PREMISE

    def _sources(self, ext: dict[str, Any]) -> tuple[list[Source], set[str]]:
        out = []
        for s in ext.get("sources") or []:
            if isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("text"), str) and s["id"]:
                out.append(
                    Source(
                        s["id"], s["text"], _s(s.get("title")), _s(s.get("author")), _s(s.get("url")), _s(s.get("date"))
                    )
                )
        if not out and self.doc.text.strip():
            sid = new_id()
            while sid in self.types:
                sid = new_id()
            out.append(Source(sid, self.doc.text, "OVA text"))
        return out, {s.id for s in out}

    def _anchors(self, nid: str, extra: dict[str, Any], sources: list[Source], ids: set[str]) -> tuple[Anchor, ...]:
        if self.doc.extension.get("sources"):
            out = []
            anchors = extra.get("anchors")
            for a in anchors if isinstance(anchors, list) else []:
                try:
                    if a["source"] in ids and 0 <= int(a["start"]) <= int(a["end"]):
                        out.append(Anchor(a["source"], int(a["start"]), int(a["end"]), str(a["quote"])))
                except (KeyError, TypeError, ValueError, OverflowError):  # not an anchor argmap wrote: left out
                    continue
            return tuple(out)
        text = self.texts[nid].strip()
        if not sources or not text:
            return ()
        src = sources[0]
        i = src.text.find(text)
        return (Anchor(src.id, i, i + len(text), text),) if i >= 0 else ()

    def _relation(self, sid: str, premises: list[str], target: str, locs: list[dict[str, Any]] | None) -> Relation:
        t = self.types[sid]
        polarity, kind = SCHEME_NODES[t]
        raw = dict(self.raw[sid])
        extra = raw.pop("argmap", None)
        extra = extra if isinstance(extra, dict) else {}
        if extra.get("polarity") in ("support", "attack"):
            polarity = Polarity(extra["polarity"])
        meta: dict[str, Any] = dict(extra["meta"]) if isinstance(extra.get("meta"), dict) else {}
        aif_meta = {"type": t, **raw}
        if self.texts[sid] not in DEFAULT_TEXTS:
            aif_meta["text"] = self.texts[sid]
        if locs:
            aif_meta["locutions"] = locs
        meta["aif"] = aif_meta
        scheme = _scheme(self.raw[sid], self.texts[sid])
        assessment = extra.get("assessment") if extra.get("assessment") in ("strong", "weak", "none") else None
        return Relation(
            sid,
            polarity,
            tuple(premises),
            target,
            kind,
            _s(extra.get("title")),
            _s(extra.get("notes")),
            scheme,
            assessment,
            meta,
        )

    def _keep_dialogue(self, amap: ArgumentMap) -> None:
        dialogue = [nid for nid, t in self.types.items() if t in DIALOGUE_NODES]
        keep: dict[str, Any] = {"layout": self.doc.layout}
        if dialogue:
            ids = set(dialogue)
            keep["dialogue_nodes"] = [
                {
                    "nodeID": nid,
                    "text": self.texts[nid],
                    "type": self.types[nid],
                    **{k: v for k, v in self.raw[nid].items() if k != "argmap"},
                }
                for nid in dialogue
            ]
            keep["dialogue_edges"] = [[a, b] for a in self.types for b in self.outs[a] if a in ids or b in ids]
        keep.update(self.doc.keep)
        ext_meta = _object(self.doc.extension.get("meta"))
        for k, v in ext_meta.items():
            if k not in ("title", "description", "aif"):
                amap._meta[k] = v  # the map is new and not yet shared
        amap._meta["aif"] = keep

    def _counts(self, amap: ArgumentMap, n_locs: int, anchored: int, ova_text: bool) -> None:
        rels = list(amap.relations.values())
        by_kind = Counter(r.kind for r in rels)
        self.report.counts = {
            "statements": len(amap.statements),
            "relations": len(rels),
            "supports": sum(r.polarity is Polarity.SUPPORT and r.kind is RelationKind.INFERENCE for r in rels),
            "attacks": sum(r.polarity is Polarity.ATTACK and r.kind is RelationKind.INFERENCE for r in rels),
            "rephrases": by_kind[RelationKind.REPHRASE],
            "preferences": by_kind[RelationKind.PREFERENCE],
            "undercuts": sum(amap.is_undercut(r) for r in rels),
        }
        self.report.counts = {k: v for k, v in self.report.counts.items() if v or k in ("statements", "relations")}
        types = Counter(self.types.values())
        dialogue = {t: types[t] for t in DIALOGUE_NODES if types[t]}
        if dialogue:
            self.report.note(
                "kept " + ", ".join(f"{n} {t}" for t, n in dialogue.items()) + " dialogue nodes as "
                f"locution metadata ({_plural(n_locs, 'locution')} on statements and relations)"
            )
        if by_kind[RelationKind.PREFERENCE]:
            self.report.note("PA (preference) nodes became attack relations marked preference")
        if ova_text:
            self.report.note(
                f"the OVA text became a source; {anchored} of {len(amap.statements)} statements were "
                "anchored to it where their text occurs verbatim"
            )
        if self.doc.positions:
            self.report.note("OVA x/y were used as the centres of cards and junctions")


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _object(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}


def _scheme(raw: dict[str, Any], text: str) -> str:
    """The scheme name of an S-node: its ``scheme`` key, else its text unless that is a default."""
    for key in ("scheme", "schemeName"):
        value = raw.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "" if text in DEFAULT_TEXTS else text


def build_map(doc: ParsedAIF, path: str) -> ImportResult:
    return _Builder(doc, path).build()
