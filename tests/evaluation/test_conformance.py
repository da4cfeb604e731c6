"""argmap's labels equal the expected labels (``tests:``) of Carneades argument graphs."""

from pathlib import Path

import pytest
import yaml

from argmap.evaluation import evaluate
from argmap.io import read_any

FIXTURES = Path(__file__).parent / "fixtures"


def _expected(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(sid): label for label, ids in (doc.get("tests") or {}).items() for sid in ids or []}


def _mismatches(path):
    amap = read_any(path).map
    ev = evaluate(amap)
    assert ev.semantics == "carneades"
    return {
        sid: (want, ev.statements.get(sid)) for sid, want in _expected(path).items() if ev.statements.get(sid) != want
    }


def test_the_shared_carneades_graphs_get_their_expected_labels(shared_dir):
    files = sorted((shared_dir / "interop" / "carneades").glob("*.yml"))
    if not files:
        pytest.skip("no Carneades graphs in ../shared/interop/carneades")
    assert len(files) == 12
    failures = {p.name: m for p in files if (m := _mismatches(p))}
    assert failures == {}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yml")), ids=lambda p: p.stem)
def test_our_carneades_fixtures_get_their_expected_labels(path):
    assert _expected(path)
    assert _mismatches(path) == {}
