"""Every shared interop file of the formats argmap imports: counts, anchors, labels, round trips."""

import json
from collections import Counter

import pytest
import yaml

from argmap.io import read_any
from argmap.io.aif import loads as aif_loads
from argmap.io.aif_export import dumps as aif_dumps
from argmap.io.graphml import dumps as graphml_dumps
from argmap.model import Kind, broken_anchors


def _files(shared_dir, folder, pattern):
    files = sorted((shared_dir / "interop" / folder).glob(pattern))
    if not files:
        pytest.skip(f"no {pattern} files in ../shared/interop/{folder}")
    return files


def _shape(m):
    return (
        {s.id: (s.text, s.kind) for s in m.statements.values()},
        {r.id: (r.polarity, r.kind, r.premises, r.target) for r in m.relations.values()},
    )


def test_every_shared_aif_file_imports_with_matching_counts(shared_dir):
    for path in _files(shared_dir, "aif", "*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        aif = doc.get("AIF", doc)
        types = Counter(n["type"] for n in aif["nodes"])
        result = read_any(path)
        m = result.map
        assert len(m.statements) == types["I"], path.name
        assert len(m.relations) == types["RA"] + types["CA"] + types["MA"] + types["PA"], path.name
        assert not any(line.startswith("dropped") for line in result.report.lines()), path.name
        back = aif_loads(aif_dumps(m), str(path)).map  # export, import: same graph, kinds and texts
        assert _shape(back) == _shape(m), path.name


def test_every_shared_microtext_imports_with_exact_anchors(shared_dir):
    for path in _files(shared_dir, "microtexts", "*.xml"):
        m = read_any(path).map
        xml = path.read_text(encoding="utf-8")
        assert len(m.statements) == xml.count("<adu "), path.name
        assert broken_anchors(m) == [], path.name
        assert all(s.anchors for s in m.statements.values()), path.name
        (src,) = m.sources.values()
        assert src.text.strip() == path.with_suffix(".txt").read_text(encoding="utf-8").replace("\r\n", "\n").strip()
        assert sum(s.kind is Kind.CONCLUSION for s in m.statements.values()) == 1, path.name
        edges = xml.count('type="sup"') + xml.count('type="exa"') + xml.count('type="reb"') + xml.count('type="und"')
        assert len(m.relations) == edges, path.name
        assert sum(len(r.premises) - 1 for r in m.relations.values()) == xml.count('type="add"'), path.name


def test_every_shared_carneades_file_keeps_statements_arguments_and_labels(shared_dir):
    for path in _files(shared_dir, "carneades", "*.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        m = read_any(path).map
        assert set(map(str, doc.get("statements") or {})) <= set(m.statements), path.name
        args = doc.get("arguments") or {}
        for aid, arg in args.items():
            rel = m.relations[str(aid)]
            assert rel.target == str(arg["conclusion"]), path.name
            if arg.get("undercutter"):
                assert [r.premises for r in m.relations_into(rel.id)] == [(str(arg["undercutter"]),)], path.name
        for label, ids in (doc.get("tests") or {}).items():
            for sid in ids:
                assert m.statements[str(sid)].meta["carneades"]["expected"] == label, path.name


def test_shared_files_survive_graphml(shared_dir, tmp_path):
    paths = (
        _files(shared_dir, "aif", "*.json")[:10]
        + _files(shared_dir, "microtexts", "*.xml")
        + _files(shared_dir, "carneades", "*.yml")
    )
    for path in paths:
        m = read_any(path).map
        out = tmp_path / "x.graphml"
        out.write_text(graphml_dumps(m), encoding="utf-8")
        back = read_any(out).map
        assert _shape(back) == _shape(m), path.name
        assert broken_anchors(back) == [], path.name
