"""Hand-made hostile files for tools/fuzz.py: each names the reader, the files and what it tries.

Sizes stay under 1 MB: every one must be read, validated, laid out and drawn, or refused in one
line, within the fuzzer's time limit.
"""

from __future__ import annotations

import json

from fuzz_inputs import Case


def _map(statements: list[tuple[str, str]], relations: list[dict], meta: object = None) -> bytes:
    doc = {
        "format": "argmap",
        "version": 1,
        "meta": {} if meta is None else meta,
        "sources": [],
        "statements": [{"id": i, "kind": k, "text": f"Statement {i}"} for i, k in statements],
        "relations": relations,
    }
    return json.dumps(doc).encode()


def _rel(rid: str, polarity: str, premises: list[str], target: str) -> dict:
    return {"id": rid, "polarity": polarity, "premises": premises, "target": target}


LAUGHS_XML = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]>\n<ROOT>&lol9;</ROOT>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<ROOT>&x;</ROOT>\n'
LAUGHS_YAML = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def _microtext(edges: str, edus: int = 3, text: bytes | None = None) -> dict[str, bytes]:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<arggraph id="h">\n'
        + "".join(f'<edu id="e{i}">Sentence {i}.</edu>\n' for i in range(1, edus + 1))
        + '<joint id="j1"/><joint id="j2"/>\n'
        + "".join(f'<adu id="a{i}" type="pro"/>\n' for i in range(1, edus + 1))
        + edges
        + "</arggraph>\n"
    )
    files = {".xml": xml.encode()}
    if text is not None:
        files[".txt"] = text
    return files


def _joint_loop() -> dict[str, bytes]:
    """Joints whose segment edges run round in circles: every path through them is a different walk."""
    edges = '<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>'
    edges += '<edge id="s3" src="e3" trg="a3" type="seg"/>'
    edges += '<edge id="l1" src="j1" trg="j2" type="seg"/><edge id="l2" src="j2" trg="j1" type="seg"/>'
    edges += '<edge id="l3" src="j1" trg="j1" type="seg"/><edge id="l4" src="j2" trg="j2" type="seg"/>'
    edges += '<edge id="l5" src="j1" trg="a1" type="seg"/><edge id="l6" src="j2" trg="a1" type="seg"/>'
    edges += '<edge id="r1" src="a2" trg="a1" type="sup"/><edge id="r2" src="a3" trg="a1" type="reb"/>'
    return _microtext(edges)


def _graphml(order: str = "1", extra: str = "") -> bytes:
    return (
        '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="k" for="node" attr.name="text" attr.type="string"/>'
        '<key id="o" for="edge" attr.name="order" attr.type="string"/>'
        '<key id="p" for="edge" attr.name="polarity" attr.type="string"/>'
        f'<graph edgedefault="directed">{extra}<node id="a"><data key="k">A</data></node>'
        '<node id="b"><data key="k">B</data></node>'
        f'<edge source="b" target="a"><data key="o">{order}</data><data key="p">support</data></edge>'
        "</graph></graphml>\n"
    ).encode()


def _undercut_chain(n: int) -> bytes:
    sts = [("c", "conclusion"), ("p", "premise")] + [(f"u{i}", "premise") for i in range(n)]
    rels = [_rel("r0", "support", ["p"], "c")] + [_rel(f"r{i + 1}", "attack", [f"u{i}"], f"r{i}") for i in range(n)]
    return _map(sts, rels)


def hostile() -> list[Case]:
    A, S = "argmap", ".argmap.json"
    sts = [("a", "conclusion"), ("b", "premise"), ("c", "premise"), ("d", "premise"), ("e", "premise")]
    cases = [
        Case(
            A,
            {S: _map(sts[:3], [_rel("u", "attack", ["c"], "r"), _rel("r", "support", ["b"], "a")])},
            "undercut listed before the relation it undercuts",
        ),
        Case(
            A,
            {
                S: _map(
                    sts,
                    [
                        _rel("r1", "support", ["b"], "a"),
                        _rel("r2", "support", ["a"], "b"),
                        _rel("r3", "support", ["c", "d"], "e"),
                    ],
                )
            },
            "support cycle and an unrelated linked argument",
        ),
        Case(
            A,
            {
                S: _map(
                    sts,
                    [
                        _rel("r1", "support", ["b"], "c"),
                        _rel("r2", "support", ["c"], "b"),
                        _rel("r3", "support", ["d", "e"], "a"),
                    ],
                )
            },
            "support cycle of premises and a linked argument",
        ),
        Case(
            A,
            {S: _map(sts[:2], [], meta={"x": float("nan"), "y": float("inf"), "title": "\ud800"})},
            "NaN, Infinity and a lone surrogate in meta",
        ),
        Case(
            A,
            {S: b'{"format": "argmap", "version": 1, "meta": {"z": 1e999}, "statements": [], "relations": []}'},
            "1e999 in meta",
        ),
        Case(
            A,
            {
                S: b'{"format":"argmap","version":0,"statements":[{"id":"a","type":"conclusion","text":"x"},'
                b'{"id":"b","type":"premise","text":"y"}],"relations":[{"id":"r","from":"b","to":"a",'
                b'"sign":["+"]}]}'
            },
            "version 0 with sign a list",
        ),
        Case(A, {S: _map([("x" * 900_000, "conclusion")], [])}, "a 900 KB id"),
        Case(A, {S: b"[" * 200_000}, "200,000 nested lists"),
        Case(A, {S: _undercut_chain(3000)}, "a chain of 3,000 undercuts"),
        Case(
            A,
            {S: _map([("\x1b[2J", "conclusion"), ("\x00", "premise")], [_rel("r", "support", ["\x00"], "\x1b[2J")])},
            "control characters as ids",
        ),
    ]
    for run in ("[", "{", "<", "@[", "<!--", "[x](", "[\n", "<\n"):
        cases.append(Case("argdown", {".argdown": (run * (20_000 // len(run))).encode()}, f"20 KB of {run!r}"))
    cases.append(Case("argdown", {".argdown": b"[" * 100_000}, "100 KB of '['"))
    cases.append(
        Case(
            "argdown",
            {".argdown": ("---\n" + LAUGHS_YAML + "---\n\n[a]: b\n").encode()},
            "front matter with YAML aliases (billion laughs)",
        )
    )
    cases.append(
        Case(
            "argdown",
            {".argdown": ("[a]: b {" + LAUGHS_YAML.replace("\n", ", ")[:-2] + "}\n").encode()},
            "statement data with YAML aliases",
        )
    )
    cases.append(
        Case(
            "argdown",
            {".argdown": b"---\n!!python/object/apply:os.system [echo]\n---\n[a]: b\n"},
            "front matter with a Python object tag",
        )
    )
    cases.append(
        Case(
            "argdown",
            {".argdown": "".join(f"[s{i}]: t\n  <_ [s{i + 1}]\n" for i in range(20_000)).encode()},
            "20,000 statements in a chain",
        )
    )
    cases.append(
        Case(
            "aif",
            {
                ".json": json.dumps(
                    {"nodes": [{"nodeID": 1, "type": "I", "text": "a"}], "edges": [], "text": "<p>" + "<" * 400_000}
                ).encode()
            },
            "OVA text with 400 KB of unclosed '<'",
        )
    )
    cases.append(
        Case(
            "aif",
            {
                ".json": b'{"nodes": [{"nodeID": 1, "type": "I", "text": "a", "argmap": {"anchors": '
                b'[{"source": "s", "start": 1e999, "end": 2}]}}], "edges": [], '
                b'"argmap": {"sources": [{"id": "s", "text": "abc"}]}}'
            },
            "AIF anchor offset 1e999",
        )
    )
    cases.append(
        Case("aif", {".json": b'{"nodes": [{"nodeID": NaN, "type": "I", "text": "a"}], "edges": []}'}, "AIF nodeID NaN")
    )
    cases.append(Case("microtext", _joint_loop(), "joints whose segments loop"))
    cases.append(
        Case(
            "microtext",
            _microtext(
                "".join(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(1, 4)),
                text=b"word " * 8000,
            ),
            "40 KB source text none of the EDUs occur in",
        )
    )
    cases.append(Case("microtext", {".xml": LAUGHS_XML.replace("ROOT", "arggraph").encode()}, "billion laughs"))
    cases.append(Case("microtext", {".xml": XXE.replace("ROOT", "arggraph").encode()}, "XXE"))
    cases.append(Case("carneades", {".yml": LAUGHS_YAML.encode()}, "YAML aliases (billion laughs)"))
    cases.append(
        Case("carneades", {".yml": b"statements: !!python/object/apply:os.system [echo]\n"}, "a Python object tag")
    )
    cases.append(Case("carneades", {".yml": b"statements: !!set {a: null}\narguments: {}\n"}, "a !!set"))
    cases.append(
        Case(
            "carneades",
            {
                ".yml": b"statements:\n  2020-01-01: a date key\n  b: 2020-01-02\narguments:\n"
                b"  a1: {conclusion: b, premises: [2020-01-01]}\n"
            },
            "dates",
        )
    )
    cases.append(
        Case(
            "carneades",
            {".yml": b"statements:\n  1: one\n  '1': string one\narguments:\n  a1: {conclusion: 1, premises: ['1']}\n"},
            "keys 1 and '1'",
        )
    )
    cases.append(
        Case(
            "carneades",
            {".yml": b"statements:\n" + b"".join(b"  s%d: %s\n" % (i, b"word " * 100) for i in range(2_000))},
            "a 1 MB Carneades file",
        )
    )
    cases.append(Case("graphml", {".graphml": _graphml("abc")}, "GraphML edge order not a number"))
    cases.append(Case("graphml", {".graphml": _graphml("1e999")}, "GraphML edge order 1e999"))
    cases.append(Case("graphml", {".graphml": LAUGHS_XML.replace("ROOT", "graphml").encode()}, "billion laughs"))
    cases.append(Case("graphml", {".graphml": XXE.replace("ROOT", "graphml").encode()}, "XXE"))
    for c in cases:
        c.how = f"hostile {c.reader}: {c.how}"
    return cases
