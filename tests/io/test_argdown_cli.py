"""argmap's Argdown export read back by argdown-cli 2.0 (the reference): no errors, same classes, arguments, relations.

Needs ``@argdown/cli`` (``.ci/run`` installs it and sets ARGMAP_ARGDOWN_CLI); skips without it.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from test_argdown import implicit_map, json_triples, sample_map

from argmap.io import read_any, write_any

ROOT = Path(__file__).resolve().parents[2]


def argdown_cli() -> str:
    path = os.environ.get("ARGMAP_ARGDOWN_CLI") or str(ROOT / ".ci" / "node_modules" / ".bin" / "argdown")
    if not os.access(path, os.X_OK):
        pytest.skip("argdown-cli is not installed (npm install @argdown/cli@2.0.0 in .ci)")
    return path


def run_json(cli: str, folder: Path) -> dict[str, dict]:
    """argdown-cli's JSON for every .argdown file in ``folder``, in one node start-up."""
    out = folder / "json"
    proc = subprocess.run(
        [cli, "json", str(folder / "*.argdown"), str(out)], capture_output=True, text=True, timeout=120
    )
    log = proc.stdout + proc.stderr
    assert "syntax error" not in log.lower() and "canceled" not in log.lower(), log
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def test_argdown_cli_reads_our_export_of_every_shared_file_as_the_original(shared_dir, tmp_path):
    cli = argdown_cli()
    originals = sorted((shared_dir / "interop" / "argdown").glob("*.argdown"))
    for path in originals:
        write_any(read_any(path).map, tmp_path / path.name)
    write_any(sample_map(), tmp_path / "argmap-sample.argdown")
    exported = run_json(cli, tmp_path)
    assert set(exported) == {p.stem for p in originals} | {"argmap-sample"}
    for path in originals:
        ref = json.loads(path.with_name(path.stem + ".argdown-cli.json").read_text(encoding="utf-8"))
        assert json_triples(exported[path.stem]) == json_triples(ref), path.name
    sample = exported["argmap-sample"]
    assert len(sample["statements"]) == 10 + 2  # two stand-in conclusions for the attacks that need an argument
    kinds = {r["relationType"] for r in sample["relations"]}
    assert {"attack", "undercut"} <= kinds


def test_argdown_cli_keeps_the_implicit_tag_of_our_export(tmp_path):
    cli = argdown_cli()
    write_any(implicit_map(), tmp_path / "socrates.argdown")
    exported = run_json(cli, tmp_path)["socrates"]
    tags = {st["title"]: st.get("tags", []) for st in exported["statements"].values()}
    assert tags["Men die"] == ["classic", "implicit"] and "implicit" not in tags["Mortal"]
