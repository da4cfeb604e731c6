"""The command line: validate, info --json, convert (one and many), schema, errors as one line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io import load_map, save_map
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement

INFO_KEYS = {
    "file",
    "statements",
    "conclusions",
    "premises",
    "evidence",
    "relations",
    "supports",
    "attacks",
    "linked",
    "undercuts",
    "sources",
    "anchors",
    "broken_anchors",
}


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture
def good(tmp_path) -> Path:
    m = ArgumentMap("Good map")
    m.add_source(Source("s", "Cats purr. Dogs bark loudly."))
    m.add_statement(Statement("c", "Pets are noisy.", Kind.CONCLUSION))
    m.add_statement(Statement("p", "Dogs bark loudly.", anchors=(Anchor("s", 11, 28, "Dogs bark loudly."),)))
    m.add_statement(Statement("q", "Cats purr.", Kind.EVIDENCE, anchors=(Anchor("s", 0, 10, "Cats purr."),)))
    m.add_statement(Statement("o", "Fish are silent."))
    m.add_relation(Relation("r1", Polarity.SUPPORT, ("p", "q"), "c"))
    m.add_relation(Relation("r2", Polarity.ATTACK, ("o",), "c"))
    m.add_statement(Statement("u", "Silence of fish says nothing of pets in general."))
    m.add_relation(Relation("r3", Polarity.ATTACK, ("u",), "r2"))
    path = tmp_path / "good.argmap.json"
    save_map(m, path)
    return path


@pytest.fixture
def bad(tmp_path) -> Path:
    path = tmp_path / "bad.argmap.json"
    path.write_text('{"format": "argmap", "version": 1, "statements": [{"id": "a", "kind": "idea", "text": "x"}]}')
    return path


def test_info_json_has_the_documented_keys(good):
    res = run("info", "--json", good)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout.strip())
    assert INFO_KEYS <= set(info)
    assert (info["statements"], info["conclusions"], info["premises"], info["evidence"]) == (5, 1, 3, 1)
    assert (info["relations"], info["supports"], info["attacks"], info["linked"], info["undercuts"]) == (3, 1, 2, 1, 1)
    assert (info["sources"], info["anchors"], info["broken_anchors"]) == (1, 2, 0)


def test_info_counts_broken_anchors(good, tmp_path):
    m = load_map(good)
    m.update_source("s", text="Dogs bark loudly. Cats purr.")  # both quotes moved
    m.update_statement("q", anchors=(Anchor("s", 0, 10, "Cows moo."),))  # and one is gone
    path = tmp_path / "drift.argmap.json"
    save_map(m, path)
    info = json.loads(run("info", "--json", path).stdout)
    assert info["broken_anchors"] == 2


def test_validate_exit_status_and_one_line_per_problem(good, bad):
    ok = run("validate", good)
    assert ok.returncode == 0 and "valid" in ok.stdout
    res = run("validate", good, bad)
    assert res.returncode == 1
    problems = [line for line in res.stdout.splitlines() if str(bad) in line]
    assert len(problems) == 1 and "statements[0].kind" in problems[0]
    assert "Traceback" not in res.stdout + res.stderr


def test_convert_one_file_round_trips_bytes(good, tmp_path):
    out = tmp_path / "copy.argmap.json"
    res = run("convert", good, out)
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == good.read_bytes()


def test_convert_many_reports_bad_file_and_converts_the_rest(good, bad, tmp_path):
    outdir = tmp_path / "out"
    res = run("convert", "-t", "argmap.json", "-d", outdir, good, bad)
    assert res.returncode == 1
    assert (outdir / "good.argmap.json").read_bytes() == good.read_bytes()
    assert not (outdir / "bad.argmap.json").exists()
    errors = [line for line in res.stderr.splitlines() if "bad.argmap.json" in line]
    assert len(errors) == 1 and "kind" in errors[0]


def test_unknown_output_format_is_one_line(good, tmp_path):
    res = run("convert", good, tmp_path / "x.nonsense")
    assert res.returncode != 0
    assert res.stderr.count("\n") == 1 and "unknown output format" in res.stderr


def test_unreadable_input_is_one_line(tmp_path):
    res = run("info", tmp_path / "missing.argmap.json")
    assert res.returncode == 1 and res.stderr.strip().endswith("no such file") and "Traceback" not in res.stderr


def test_schema_prints_json_schema():
    res = run("schema")
    schema = json.loads(res.stdout)
    assert schema["properties"]["format"]["const"] == "argmap"


def test_version_prints_name_and_version():
    res = run("--version")
    assert res.returncode == 0 and res.stdout.startswith("argmap ")
