"""Markdown and plain-text outlines: structure, kinds, quotes, escaping, selections."""

from __future__ import annotations

from pathlib import Path

from argmap.io import write_any
from argmap.io.outline import markdown_outline, text_outline
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement


def _sample() -> ArgumentMap:
    """A small teaching map: linked and convergent reasons, evidence, an objection and a rebuttal."""
    m = ArgumentMap(title="Should the town build a bike lane?")
    m.add_many(
        [
            Statement(
                "c",
                "The town should build a protected bike lane on Main Street.",
                Kind.CONCLUSION,
                title="Build the lane",
            ),
            Statement("p1", "A protected lane cuts cycling injuries on the streets where it is built."),
            Statement("p2", "Main Street has the most cycling injuries in town."),
            Statement("p3", "More people would cycle to the shops if they felt safe."),
            Statement("e1", "In the city's 2023 survey, 41% of residents said they would cycle more.", Kind.EVIDENCE),
            Statement("o1", "Shops on Main Street will lose customers when parking spaces are removed."),
            Statement("r1", "Studies of similar streets found that cyclists spend as much per month as drivers."),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
            Relation("R2", Polarity.SUPPORT, ("p3",), "c"),
            Relation("R3", Polarity.SUPPORT, ("e1",), "p3"),
            Relation("R4", Polarity.ATTACK, ("o1",), "c"),
            Relation("R5", Polarity.ATTACK, ("r1",), "o1"),
        ],
    )
    return m


def test_markdown_nests_reasons_and_objections_under_the_conclusion() -> None:
    md = markdown_outline(_sample()).splitlines()
    assert md[0] == "# Should the town build a bike lane?"
    heads = [line for line in md if line.startswith("## ")]
    assert heads == ["## Conclusion: Build the lane: The town should build a protected bike lane on Main Street."]
    # the linked reason: one "together" item with its two premises one level deeper
    i = md.index("- **Reason**, together:")
    assert md[i + 1].startswith("  - **Premise**: A protected lane")
    assert md[i + 2].startswith("  - **Premise**: Main Street has")
    # evidence for a premise is nested under that premise, kind marked
    j = next(k for k, line in enumerate(md) if "More people would cycle" in line)
    assert md[j].startswith("- **Reason** (premise):")
    assert md[j + 1].startswith("  - **Reason** (evidence): In the city's 2023 survey")
    # the objection, and the rebuttal under it
    k = next(k for k, line in enumerate(md) if "lose customers" in line)
    assert md[k].startswith("- **Objection** (premise):")
    assert md[k + 1].startswith("  - **Rebuttal** (premise): Studies of similar streets")


def _quoted_map() -> ArgumentMap:
    m = ArgumentMap(title="T")
    text = "The mayor said: 41% of people <b>would</b> cycle & more."
    m.add_source(Source("s", text, title="Town Gazette", author="A. Writer"))
    start = text.index("41%")
    m.add_many(
        [
            Statement("c", "We need lanes", Kind.CONCLUSION),
            Statement(
                "e", "Survey *result*", Kind.EVIDENCE, anchors=(Anchor("s", start, len(text) - 1, text[start:-1]),)
            ),
            Statement("u", "The survey was small", Kind.PREMISE),
            Statement("x", 'Cars <script>alert(1)</script> & "quotes"', Kind.PREMISE),
        ],
        [
            Relation("r1", Polarity.SUPPORT, ("e",), "c"),
            Relation("r2", Polarity.ATTACK, ("u",), "r1"),
            Relation("r3", Polarity.ATTACK, ("x",), "c"),
        ],
    )
    return m


def test_evidence_quotes_its_passage_and_undercuts_are_marked() -> None:
    md = markdown_outline(_quoted_map())
    assert "> “41% of people \\<b\\>would\\</b\\> cycle & more” — Town Gazette, A. Writer" in md
    assert "**Undercut** (premise): The survey was small" in md
    txt = text_outline(_quoted_map())
    assert "UNDERCUT (premise): The survey was small" in txt
    assert "“41% of people <b>would</b> cycle & more” (Town Gazette, A. Writer)" in txt


def test_markdown_keeps_hostile_text_literal() -> None:
    md = markdown_outline(_quoted_map())
    assert "<script>" not in md
    assert '\\<script\\>alert(1)\\</script\\> & "quotes"' in md
    assert "Survey \\*result\\*" in md


def test_every_statement_appears_even_in_a_cycle_and_once_expanded() -> None:
    m = ArgumentMap()
    m.add_many(
        [Statement("a", "alpha"), Statement("b", "beta"), Statement("c", "gamma")],
        [
            Relation("1", Polarity.SUPPORT, ("a",), "b"),
            Relation("2", Polarity.SUPPORT, ("b",), "a"),
            Relation("3", Polarity.ATTACK, ("c",), "a"),
        ],
    )
    txt = text_outline(m)
    for word in ("alpha", "beta", "gamma"):
        assert word in txt
    assert "(see above)" in txt


def test_a_selection_outlines_only_its_statements() -> None:
    m = _sample()
    md = markdown_outline(m, ["p3", "e1"])
    assert "More people would cycle" in md and "2023 survey" in md
    assert "protected bike lane" not in md and "lose customers" not in md


def test_deep_chains_do_not_overflow_the_stack() -> None:
    m = ArgumentMap()
    n = 3000
    m.add_many(
        [Statement(f"s{i}", f"claim {i}") for i in range(n)],
        [Relation(f"r{i}", Polarity.SUPPORT, (f"s{i + 1}",), f"s{i}") for i in range(n - 1)],
    )
    txt = markdown_outline(m)
    assert "claim 2999" in txt


def test_registered_writers(tmp_path: Path) -> None:
    m = _sample()
    assert write_any(m, tmp_path / "o.md").name == "markdown"
    assert write_any(m, tmp_path / "o.txt").name == "text"
    assert (tmp_path / "o.md").read_text(encoding="utf-8") == markdown_outline(m)
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == text_outline(m)


def test_an_implicit_premise_is_bracketed_in_both_outlines() -> None:
    m = _sample()
    m.update_statement("p2", implicit=True, title="Worst street")
    md = markdown_outline(m)
    assert "*\\[Worst street\\]*: \\[Main Street has the most cycling injuries in town.\\]" in md
    text = text_outline(m, width=200)
    assert "[Worst street]: [Main Street has the most cycling injuries in town.]" in text
    assert "[A protected lane" not in text  # only the implicit one
