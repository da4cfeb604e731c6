"""Data from outside is plain: YAML without aliases or foreign tags, finite numbers, Unicode text."""

import pytest
import yaml

from argmap.io.plain import first_problem
from argmap.io.yamlplain import MAX_DEPTH, load_yaml


def test_yaml_plain_data_and_dates_as_written():
    doc = load_yaml("a: {b: [1, 2.5, true, null, x]}\nwhen: 2020-01-01\n<<: {c: 1}\nn: 0x10\n")
    assert doc == {"a": {"b": [1, 2.5, True, None, "x"]}, "when": "2020-01-01", "<<": {"c": 1}, "n": 16}


@pytest.mark.parametrize(
    "text, says",
    [
        ("a: &x [1]\nb: *x\n", "alias"),
        ("a: &x 1\nb: *x\n", "alias"),
        ("a: !!set {x: null}\n", "!!set"),
        ("a: !!timestamp 2020-01-01\n", "!!timestamp"),
        ("a: !!binary aGk=\n", "!!binary"),
        ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        ("a: .nan\n", "finite"),
        ("a: -.inf\n", "finite"),
        ("a: 1.0e+999\n", "finite"),
        ("a: " + "9" * 5000 + "\n", "too long"),
        ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", "nested"),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused_with_its_line(text, says):
    with pytest.raises(yaml.YAMLError) as e:
        load_yaml(text)
    assert says in str(e.value)
    assert e.value.problem_mark is not None


def test_billion_laughs_is_refused_at_once():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(yaml.YAMLError, match="alias"):
        load_yaml(laughs)


@pytest.mark.parametrize(
    "value, where, says",
    [
        ({"a": [1, {"b": float("nan")}]}, ("a", 1, "b"), "NaN"),
        ({"a": float("inf")}, ("a",), "finite"),
        ({"t": "ok \ud800"}, ("t",), "lone surrogate"),
        ({"\udfff": 1}, (), "lone surrogate"),
        ({"s": {1, 2}}, ("s",), "not plain data"),
        ({1: "x"}, (), "not text"),
    ],
)
def test_first_problem_names_the_place(value, where, says):
    loc, what = first_problem(value)
    assert loc == where and says in what


def test_plain_data_has_no_problem():
    deep: list = []
    for _ in range(1000):
        deep = [deep]
    assert first_problem({"a": [1, 2.5, "é", None, True, {"b": []}], "c": "\U0001f600", "d": deep}) is None
