"""The report without Qt (``draw.report``): card numbers, places in the source, the key, the Markdown and
HTML reports."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from argmap.draw.report import (
    key_entries,
    kind_line,
    outline_lines,
    report_html,
    write_report_html,
    write_report_markdown,
)
from argmap.io import load_map
from argmap.io.outline import md_escape
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kim-putin-summit.argmap.json"
ARTICLE = (
    "Cities tax many things. Drinks are next.\n"
    "Sugary drinks cause obesity. Taxes reduce what people buy. A 2019 study found a 20% fall in sales.\n"
    "Critics object."
)


def article_map() -> ArgumentMap:
    """A source of three one-line paragraphs, and statements anchored to its sentences."""
    amap = ArgumentMap("Soda tax")
    amap.add_source(Source("s", ARTICLE, "Op-ed", author="A. Writer"))

    def anchor(quote: str) -> tuple[Anchor, ...]:
        i = ARTICLE.index(quote)
        return (Anchor("s", i, i + len(quote), quote),)

    amap.add_many(
        [
            Statement(
                "c",
                "Cities should tax sugary drinks.",
                Kind.CONCLUSION,
                title="Tax soda",
                anchors=anchor("Drinks are next."),
            ),
            Statement(
                "p1", "Sugary drinks cause obesity.", title="Obesity", anchors=anchor("Sugary drinks cause obesity.")
            ),
            Statement(
                "p2",
                "Taxes reduce what people buy.",
                title="Less buying",
                anchors=anchor("Taxes reduce what people buy. A 2019"),
            ),
            Statement("e1", "A study found a 20% fall in sales.", Kind.EVIDENCE, title="Sales fell"),
            Statement("o1", "The tax hits the poor hardest.", title="Regressive"),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
            Relation("R2", Polarity.SUPPORT, ("e1",), "p2"),
            Relation("R3", Polarity.ATTACK, ("o1",), "c"),
        ],
    )
    return amap


def words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


# ------------------------------------------------------------------- key
def test_the_key_lists_every_card_with_its_text_and_quoted_place() -> None:
    amap = article_map()
    key = key_entries(amap)
    assert [k.number for k in key] == [1, 2, 3, 4, 5]
    assert [k.statement.id for k in key] == list(amap.statements)
    assert key[0].quotes[0].passage == "Drinks are next." and key[0].quotes[0].place == "¶1, sentence 2"
    assert key[0].quotes[0].source == ""  # one source: named once, under Sources
    assert key[3].quotes == ()


def test_the_key_names_an_objection_as_its_card_does_and_keeps_its_kind() -> None:
    amap = article_map()
    amap.add_statement(Statement("u", "Sales fell everywhere that year.", title="Everywhere"))
    amap.add_relation(Relation("R4", Polarity.ATTACK, ("u",), "R2"))
    lines = {k.statement.id: kind_line(k) for k in key_entries(amap)}
    assert lines["o1"] == "Objection (premise)"
    assert lines["u"] == "Undercut (premise)"
    assert lines["p1"] == "Premise" and lines["e1"] == "Evidence" and lines["c"] == "Conclusion"


def test_the_outline_names_cards_by_number_and_role() -> None:
    lines = outline_lines(article_map())
    assert lines[0] == (0, "Conclusion", 1, "Tax soda")
    assert (1, "Reason, together", None, "") in lines
    assert (2, "Premise", 3, "Less buying") in lines
    assert (3, "Reason", 4, "Sales fell") in lines
    assert (1, "Objection", 5, "Regressive") in lines


def test_markdown_report_links_its_map_and_carries_every_text(tmp_path: Path) -> None:
    amap = load_map(SAMPLE)
    out = tmp_path / "kim.md"
    write_report_markdown(amap, out)
    text = out.read_text(encoding="utf-8")
    svg = tmp_path / "kim-map.svg"
    assert "![The map, every card numbered](kim-map.svg)" in text and svg.exists()
    for st in amap.statements.values():
        assert md_escape(st.shown_text) in text
    for n in range(1, len(amap.statements) + 1):
        assert re.search(rf"^\*\*{n}\*\* · ", text, re.M), n
        assert f">{n}</text>" in svg.read_text(encoding="utf-8")  # the map's badge
    assert "## Relations" in text and "## Key" in text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_has_the_map_inline_and_every_text(tmp_path: Path) -> None:
    amap = load_map(SAMPLE)
    out = tmp_path / "kim.html"
    write_report_html(amap, out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<?xml" not in page
    parser = _Collect()
    parser.feed(page)
    assert parser.tags.count("svg") == 1 and "table" in parser.tags
    body = " ".join(" ".join(parser.text).split())
    for st in amap.statements.values():
        assert " ".join(st.shown_text.split()) in body
    assert len(re.findall(r'<td class="n"', page)) == len(amap.statements)


def test_html_escapes_what_a_card_says() -> None:
    amap = article_map()
    amap.update_statement("o1", text="<script>alert(1)</script> & more")
    page = report_html(amap)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_an_implicit_premise_is_marked_and_bracketed_in_the_key() -> None:
    amap = article_map()
    amap.update_statement("o1", implicit=True)
    page = report_html(amap)
    assert "Objection (premise) · implicit (unstated)" in page and "[The tax hits the poor hardest.]" in page
    assert (1, "Objection", 5, "[Regressive]") in outline_lines(amap)
