"""Inputs for tools/fuzz.py: seed files of the six readers, mutations of them, and hand-made hostile files.

A case is the files one read needs (``{".xml": ..., ".txt": ...}`` for a microtext, one file for
the others), which reader it is meant for, and a one-line account of how it was made.  Mutants
are reproducible: mutant ``i`` of seed ``s`` depends on ``(s, i)`` alone.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# the file each reader reads, by extension (the first is the one read; a microtext's .txt lies beside it)
MAIN = {
    "argmap": ".argmap.json",
    "argdown": ".argdown",
    "aif": ".json",
    "microtext": ".xml",
    "carneades": ".yml",
    "graphml": ".graphml",
}
READERS = tuple(MAIN)


@dataclass
class Case:
    reader: str
    files: dict[str, bytes]  # extension -> content
    how: str  # seed name and the mutations, one line


# ---------------------------------------------------------------------------------------- seeds


def _reader_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".argmap.json"):
        return "argmap"
    if name.endswith(".json") and not name.endswith("-cli.json"):
        return "aif"
    for reader, ext in MAIN.items():
        if name.endswith(ext) and reader not in ("argmap", "aif"):
            return reader
    if name.endswith(".yaml"):
        return "carneades"
    return None


def _seed(path: Path) -> Case | None:
    reader = _reader_of(path)
    if reader is None:
        return None
    files = {MAIN[reader]: path.read_bytes()}
    if reader == "microtext":
        txt = path.with_suffix(".txt")
        if txt.exists():
            files[".txt"] = txt.read_bytes()
    return Case(reader, files, path.name)


def _written(samples: list[Path]) -> list[Case]:
    """The samples written by argmap's own Argdown, AIF and GraphML writers (seeds for readers that
    have few files of their own)."""
    from argmap.io import read_any, write_any

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in samples:
            amap = read_any(path).map
            for reader in ("argdown", "aif", "graphml"):
                dst = Path(tmp) / ("out" + MAIN[reader])
                write_any(amap, dst, reader)
                out.append(Case(reader, {MAIN[reader]: dst.read_bytes()}, f"{path.name} as {reader}"))
    return out


def seeds(shared: Path | None) -> list[Case]:
    """The project's samples and test fixtures, the samples as written by argmap, and the shared
    interop files when ``shared`` (the folder beside the project) is there."""
    samples = sorted((ROOT / "samples").glob("*.argmap.json"))
    paths = samples + sorted((ROOT / "tests" / "io" / "fixtures").iterdir())
    if shared is not None and (shared / "interop").is_dir():
        paths += sorted(p for p in (shared / "interop").rglob("*") if p.is_file())
    cases = [c for c in map(_seed, paths) if c is not None]
    return cases + _written(samples)


# ------------------------------------------------------------------------------------ mutations

ODD_TEXT = [
    "\x00",
    "\x1b[31m",
    "\x07",
    "\u202e",
    "\u200f",
    "\ufeff",
    "\uffff",
    "\ufffe",
    "\U0001f600",
    "e\u0301\u0301\u0301",
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "\x7f",
    "\x85",
    "\x00x",
    "&",
    "<script>alert(1)</script>",
    "]]>",
    "&amp;",
    "${x}",
    "%s",
    "\\",
    '"',
    "'",
    "\n",
]
JSON_ESCAPES = ["\\ud800", "\\udfff", "\\ud800\\ud800", "\\u0000", "\\u001b", "\\udbff\\udfff", "\\uffff"]
NUMBERS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "1e308",
    "-0",
    "0.1e-400",
    "9" * 400,
    "9" * 5000,
    "-1",
    "4294967296",
    "1.5",
    "0",
    '"1"',
    "null",
    "true",
    "[]",
    "{}",
]
YAML_SCALARS = [
    ".nan",
    ".inf",
    "-.inf",
    "1e999",
    "0x10",
    "0o7",
    "1_000",
    "~",
    "!!float nan",
    "2020-01-01",
    "2020-01-01 10:00:00",
    "!!set {a: null, b: null}",
    "!!binary aGk=",
    "&x [1, 2]",
    "*x",
    "!!python/object/apply:os.system [true]",
    "{? [a, b] : c}",
    "!!omap [a: 1]",
    "yes",
    "no",
    '"\\ud800"',
    '"\\x1b"',
    '"\\0"',
    "!!timestamp 2001-12-14",
    "1",
    '"1"',
    "[[[]]]",
    "{}",
]
RUNS = [
    "[",
    "{",
    "<",
    "@[",
    "<!--",
    "[x](",
    "*",
    "_",
    "#",
    "\\",
    "&amp;",
    "&#x0;",
    "(",
    ">",
    "-",
    "+",
    "<!DOCTYPE",
    '"',
    "'",
    "`",
    "a ",
    "\t",
    " ",
    "\n",
    "[\n",
    "<\n",
    "[a]: ",
    "<a>: ",
    "(1) ",
]
ARGDOWN_BITS = [
    "[",
    "]",
    "<",
    ">",
    "{",
    "}",
    "+",
    "-",
    "><",
    "_>",
    "<_",
    "+>",
    "<+",
    "->",
    "-->",
    "(1)",
    "----",
    "--\nx\n--",
    "===",
    "# ",
    "## x\n",
    "@",
    "@[",
    "<!--",
    "-->",
    "[x](",
    "#tag",
    "#(a b)",
    "---\n",
    "---\ntitle: &a [*a]\n---\n",
    "{a: &b [1], c: *b}",
    "\n    ",
    "\n\t",
    "> ",
    "* ",
    "[t]: x",
    "<a>: x",
    "<a>\n\n(1) p\n----\n(2) c",
    "  + <a>",
    "  - [t]",
    "  >< [t]",
    "  <_ [t]",
    "[t]: x {isInMap: false}",
    "===\nsection: x\n===",
]
XML_BITS = [
    '<!DOCTYPE a [<!ENTITY e "x">]>',
    '<!DOCTYPE a SYSTEM "file:///etc/passwd">',
    "<?pi x?>",
    "&e;",
    "&#0;",
    "&#xD800;",
    "<x/>",
    "<![CDATA[<]]>",
    "&lt;",
    "\x00",
]


def _pick_span(rng: random.Random, n: int) -> tuple[int, int]:
    a = rng.randrange(n + 1)
    return a, min(n, a + rng.choice((1, 2, 8, 64, 512)))


def flip_bits(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    b = bytearray(data)
    spots = [rng.randrange(len(b)) for _ in range(rng.choice((1, 1, 2, 4, 16)))] if b else []
    for i in spots:
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b), f"flip bits at {spots[:4]}"


def set_byte(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    if not data:
        return data, "set byte (empty)"
    i = rng.randrange(len(data))
    v = rng.choice(b"\x00\x1b\xff\xc0\x80\"<&{[\\\n:-*#>]}' 9")
    return data[:i] + bytes([v]) + data[i + 1 :], f"byte {i} := {v:#04x}"


def truncate(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    n = rng.randrange(len(data) + 1)
    return data[:n], f"truncate at {n}"


def cut_or_copy(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    a, b = _pick_span(rng, len(data))
    if rng.random() < 0.5:
        return data[:a] + data[b:], f"delete bytes {a}..{b}"
    c = rng.randrange(len(data) + 1)
    return data[:c] + data[a:b] + data[c:], f"copy bytes {a}..{b} to {c}"


def reencode(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    text = data.decode("utf-8", "replace")
    enc = rng.choice(("utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig", "crlf", "cr"))
    if enc == "crlf":
        return text.replace("\n", "\r\n").encode(), "CRLF line ends"
    if enc == "cr":
        return text.replace("\n", "\r").encode(), "CR line ends"
    return text.encode(enc, "replace"), f"encoded as {enc}"


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def line_edit(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    op = rng.choice(("duplicate", "delete", "swap", "to front", "reverse block", "shuffle"))
    if op == "duplicate":
        lines.insert(j, lines[i])
    elif op == "delete":
        del lines[i]
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "to front":
        lines.insert(rng.randrange(min(len(lines), 3) + 1), lines.pop(i))
    elif op == "reverse block":
        a, b = sorted((i, j))
        lines[a : b + 1] = lines[a : b + 1][::-1]
    else:
        a, b = sorted((i, j))
        block = lines[a : b + 1]
        rng.shuffle(block)
        lines[a : b + 1] = block
    return b"".join(lines), f"{op} line {i} ({j})"


def insert_text(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    text = data.decode("utf-8", "surrogateescape")
    pool = ODD_TEXT + (ARGDOWN_BITS if reader == "argdown" else [])
    pool += XML_BITS if reader in ("microtext", "graphml") else []
    bit = rng.choice(pool)
    # inside a quoted string when there is one, else anywhere
    quotes = [m.end() for m in re.finditer(r'"[^"\\\n]{2,}', text[:200_000])]
    i = rng.choice(quotes) - 1 if quotes and rng.random() < 0.6 else rng.randrange(len(text) + 1)
    if reader in ("argmap", "aif") and rng.random() < 0.5:
        bit = rng.choice(JSON_ESCAPES)
    return (text[:i] + bit + text[i:]).encode("utf-8", "surrogateescape"), f"insert {bit!r} at {i}"


def huge(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    run = rng.choice(RUNS)
    n = rng.choice((1_000, 20_000, 100_000)) // len(run)
    text = data.decode("utf-8", "surrogateescape")
    quotes = [m.end() for m in re.finditer(r'"[^"\\\n]{2,}|>[^<\n]{2,}', text[:200_000])]
    i = rng.choice(quotes) - 1 if quotes and rng.random() < 0.5 else rng.randrange(len(text) + 1)
    if rng.random() < 0.3:  # a long word of letters: a huge id or text rather than syntax
        run = "x"
        n = rng.choice((10_000, 300_000))
    return (text[:i] + run * n + text[i:]).encode("utf-8", "surrogateescape"), f"insert {run!r} * {n} at {i}"


def deep(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    n = rng.choice((100, 1_000, 50_000))
    text = data.decode("utf-8", "surrogateescape")
    if reader in ("argmap", "aif"):
        m = re.search(r":\s*", text)
        i = m.end() if m else 0
        text, how = text[:i] + "[" * n + "1" + "]" * n + text[i:], f"nest a value {n} deep"
    elif reader in ("microtext", "graphml"):
        i = text.find(">", text.find("<", text.find("?>") + 2 if "?>" in text else 0)) + 1
        text, how = text[:i] + "<x>" * n + "</x>" * n + text[i:], f"nest {n} elements"
    elif reader == "carneades":
        text, how = text + "\nmeta2: " + "[" * n + "]" * n + "\n", f"nest a YAML list {n} deep"
    else:
        lines = [("  " * k) + f"+ [s{k}]: x" for k in range(min(n, 3000))]
        text, how = text + "\n\n[root]: r\n" + "\n".join(lines) + "\n", f"Argdown indented {len(lines)} deep"
    return text.encode("utf-8", "surrogateescape"), how


_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])")


def number(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    spots = [m.span() for m in _NUMBER.finditer(data[:300_000])]
    new = rng.choice(YAML_SCALARS if reader in ("carneades", "argdown") else NUMBERS)
    if reader in ("microtext", "graphml"):
        new = rng.choice(("NaN", "inf", "-inf", "1e999", "9" * 400, "-1", "x", "", "1.5", "0x10", " 1 "))
    if not spots:
        return data, "no number to change"
    a, b = rng.choice(spots)
    return data[:a] + new.encode() + data[b:], f"number {data[a:b].decode()} at {a} := {new[:20]}"


def _paths(node: object, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, here + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, here + (i,))
    return out


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in [str(k), *_strings(v)]]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def tree_edit(rng: random.Random, doc: object) -> str:
    """Change one place of a parsed JSON or YAML document in place; say what was done."""
    paths = [p for p in _paths(doc) if p]
    if not paths:
        return "empty document"
    where = rng.choice(paths)
    parent: object = doc
    for part in where[:-1]:
        parent = parent[part]  # type: ignore[index]
    key = where[-1]
    value = parent[key]  # type: ignore[index]
    names = _strings(doc) or ["x"]
    op = rng.choice(("delete", "replace", "reference", "reference", "duplicate", "reverse", "to front", "type"))
    label = "/".join(map(str, where))
    if op == "delete":
        del parent[key]  # type: ignore[attr-defined]
    elif op == "reference":  # another id or text of the document: dangling, self and forward references
        parent[key] = rng.choice(names)  # type: ignore[index]
    elif op in ("duplicate", "reverse", "to front") and isinstance(value, list) and value:
        if op == "duplicate":
            value.insert(rng.randrange(len(value) + 1), json.loads(json.dumps(rng.choice(value))))
        elif op == "reverse":
            value.reverse()
        else:
            value.insert(0, value.pop())
    elif op == "type":
        parent[key] = rng.choice(([value], {"x": value}, str(value), None, True, 0, -1, 2**70))  # type: ignore
    else:
        parent[key] = rng.choice(
            (
                float("nan"),
                float("inf"),
                -float("inf"),
                1e308,
                "",
                "\ud800",  # type: ignore
                "\x1b",
                "x" * 5000,
                [],
                {},
                [[[]]],
                None,
                False,
                1.5,
                -0.0,
                "1",
                1,
                names[0],
            )
        )
        op = "replace"
    return f"{op} at {label[:60]}"


def structured(rng: random.Random, data: bytes, reader: str) -> tuple[bytes, str]:
    """An edit of the parsed document, written back: JSON and YAML trees, XML elements."""
    if len(data) > 300_000:
        return line_edit(rng, data, reader)
    try:
        if reader in ("argmap", "aif"):
            doc = json.loads(data)
            how = tree_edit(rng, doc)
            return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"), how
        if reader == "carneades":
            doc = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            how = tree_edit(rng, doc)
            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
            text = yaml.dump(doc, Dumper=dumper, allow_unicode=rng.random() < 0.5)
            return text.encode("utf-8", "surrogatepass"), how
        if reader in ("microtext", "graphml"):
            return _xml_edit(rng, data)
    except Exception:  # noqa: BLE001 - a seed already mutated past parsing: edit its lines instead
        pass
    return line_edit(rng, data, reader)


def _xml_edit(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    root = ET.fromstring(data)
    parents = [(p, c) for p in root.iter() for c in p]
    if not parents:
        return data, "no elements"
    parent, child = rng.choice(parents)
    values = [v for el in root.iter() for v in el.attrib.values()] or ["x"]
    op = rng.choice(("delete", "duplicate", "to front", "attribute", "attribute", "attribute", "text"))
    if op == "delete":
        parent.remove(child)
    elif op == "duplicate":
        parent.insert(rng.randrange(len(parent) + 1), child)
    elif op == "to front":
        parent.remove(child)
        parent.insert(0, child)
    elif op == "attribute" and child.attrib:
        name = rng.choice(sorted(child.attrib))
        child.set(name, rng.choice(values + ["", "x" * 5000, "NaN", "-1", "1e999", "\x1b", "a b"]))
        op = f"attribute {name}"
    else:
        child.text = rng.choice(("<", "& <", "\u202e", "\x1b", "x" * 50_000, "", "a" + "<" * 1000))
        op = "text"
    ET.register_namespace("", root.tag[1:].split("}")[0] if root.tag.startswith("{") else "")
    out = ET.tostring(root, encoding="unicode")
    return out.encode("utf-8"), f"XML {op} of <{child.tag.split('}')[-1]} {dict(list(child.attrib.items())[:2])}>"


MUTATORS = [
    flip_bits,
    set_byte,
    truncate,
    cut_or_copy,
    reencode,
    line_edit,
    line_edit,
    insert_text,
    insert_text,
    huge,
    deep,
    number,
    number,
    structured,
    structured,
    structured,
    structured,
]


def mutant(seed_cases: list[Case], seed: int, i: int) -> Case:
    """Mutant ``i`` of run ``seed``: one seed case with one to three mutations."""
    rng = random.Random(f"{seed}:{i}")
    reader = rng.choice(sorted({c.reader for c in seed_cases}))  # every reader as often, however many seeds
    base = rng.choice([c for c in seed_cases if c.reader == reader])
    files = dict(base.files)
    steps = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        ext = ".txt" if ".txt" in files and rng.random() < 0.2 else MAIN[base.reader]
        mutate = rng.choice(MUTATORS)
        files[ext], how = mutate(rng, files[ext], base.reader if ext != ".txt" else "text")
        steps.append(f"{ext}: {how}")
    return Case(base.reader, files, f"mutant {seed}:{i} of {base.how}: " + "; ".join(steps))
