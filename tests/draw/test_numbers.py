"""Card numbers (``draw.numbers``): map order, and a badge on each card of a drawing that asks for them."""

from __future__ import annotations

from argmap.draw.mapdraw import MapDrawing
from argmap.draw.numbers import TOP_LEFT, badge_box, card_numbers
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement


def article_map() -> ArgumentMap:
    amap = ArgumentMap("Soda tax")
    amap.add_many(
        [
            Statement("c", "Cities should tax sugary drinks.", Kind.CONCLUSION, title="Tax soda"),
            Statement("p1", "Sugary drinks cause obesity.", title="Obesity"),
            Statement("p2", "Taxes reduce what people buy.", title="Less buying"),
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


def test_numbers_follow_map_order_and_survive_adding_a_card() -> None:
    amap = article_map()
    assert card_numbers(amap) == {"c": 1, "p1": 2, "p2": 3, "e1": 4, "o1": 5}
    amap.add_statement(Statement("n", "A new card."))
    assert card_numbers(amap) == {"c": 1, "p1": 2, "p2": 3, "e1": 4, "o1": 5, "n": 6}


def test_the_drawing_puts_each_number_on_its_card() -> None:
    amap = article_map()
    numbers = card_numbers(amap)
    d = MapDrawing(amap, numbers=numbers)
    runs = [run for item in d.picture().items if item[0] == "text" for run in item[3]]
    for box, st, _m in d.cards:
        bx, by, bw, bh = badge_box(box, numbers[st.id], d.badge_corners.get(st.id, TOP_LEFT))
        assert any(t == str(numbers[st.id]) and bx <= x <= bx + bw and by <= y <= by + bh for x, y, t in runs)
        assert d.rect[1] <= by and d.rect[0] <= bx  # the badge is inside the drawing
        assert by + bh <= d.rect[1] + d.rect[3] and bx + bw <= d.rect[0] + d.rect[2]
    plain = [run for item in MapDrawing(amap).picture().items if item[0] == "text" for run in item[3]]
    assert not any(t.isdigit() for _, _, t in plain)
