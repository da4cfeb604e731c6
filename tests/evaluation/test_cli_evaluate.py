"""``argmap evaluate`` and ``argmap check`` on the command line."""

import json
from pathlib import Path

from eval_maps import build

from argmap.cli import main
from argmap.io import save_map
from argmap.model import Kind

FIXTURES = Path(__file__).parent / "fixtures"


def _map_file(tmp_path, spec, kinds=None, name="m.argmap.json"):
    path = tmp_path / name
    save_map(build(spec, kinds), path)
    return str(path)


def test_evaluate_json_prints_one_object_per_file_with_the_maps_ids(tmp_path, capsys):
    ours = _map_file(tmp_path, "a > c\nb x a", {"c": Kind.CONCLUSION})
    carneades = str(FIXTURES / "courtroom.yml")
    assert main(["evaluate", "--json", ours, carneades]) == 0
    lines = capsys.readouterr().out.splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "file": ours,
        "statements": {"a": "out", "c": "out", "b": "in"},
        "relations": {"a > c": "not applicable", "b x a": "applicable"},
    }
    assert second["file"] == carneades
    assert second["statements"]["guilty"] == "in" and second["statements"]["liar"] == "out"
    assert second["relations"]["a1"] == "applicable" and second["relations"]["a3"] == "not applicable"


def test_evaluate_without_json_prints_labels_and_reasons(tmp_path, capsys):
    path = _map_file(tmp_path, "a > c\nb x a")
    assert main(["evaluate", path]) == 0
    out = capsys.readouterr().out
    assert "1 in, 2 out, 0 undecided; 1 of 2 relations applicable" in out
    assert "out       “A”: attacked by “B”, which is in" in out


def test_evaluate_reports_an_unreadable_file_and_goes_on(tmp_path, capsys):
    good = _map_file(tmp_path, "a > c")
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["evaluate", "--json", str(bad), good]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["file"] == good
    assert "bad.argmap.json" in captured.err


def test_check_json_lists_problems_and_fails_on_an_error(tmp_path, capsys):
    path = _map_file(tmp_path, "a > b\nb > a\nz")
    assert main(["check", "--json", path]) == 1
    problems = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert problems == [
        {
            "file": path,
            "code": "circular-support",
            "severity": "error",
            "ids": ["a", "b"],
            "message": "“A” and “B” support each other in a circle",
        },
        {"file": path, "code": "orphan", "severity": "warning", "ids": ["z"], "message": "“Z” is in no relation"},
    ]


def test_check_passes_with_warnings_only_and_prints_a_readable_list(tmp_path, capsys):
    path = _map_file(tmp_path, "a > b\nz")
    assert main(["check", path]) == 0
    out = capsys.readouterr().out
    assert f"{path}: warning: orphan: “Z” is in no relation [z]" in out
    assert out.splitlines()[-1] == f"{path}: 0 errors, 1 warning, 0 notes"


def test_a_file_that_fails_inside_evaluation_is_one_line_and_the_rest_go_on(tmp_path, capsys, monkeypatch):
    import argmap.evaluation

    first = _map_file(tmp_path, "a > c", name="first.argmap.json")
    second = _map_file(tmp_path, "b > d", name="second.argmap.json")
    real = argmap.evaluation.evaluate

    def evaluate(amap):
        if "a" in amap.statements:
            raise RuntimeError("boom")
        return real(amap)

    monkeypatch.setattr(argmap.evaluation, "evaluate", evaluate)
    assert main(["evaluate", "--json", first, second]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [second]
    (error,) = captured.err.splitlines()
    assert error.startswith(f"argmap: {first}: internal error: RuntimeError: boom")
