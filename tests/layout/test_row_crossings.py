"""RowCrossings (the y worked out once) counts exactly what segment_crossings counts."""

import random

from argmap.layout.metrics import RowCrossings, segment_crossings


def test_row_crossings_match_segment_crossings():
    rng = random.Random(7)
    for trial in range(200):
        n = rng.randint(2, 40)
        rows = [float(v) for v in rng.sample(range(0, 400, 20), 8)]
        y = [rng.choice(rows) for _ in range(n)]
        ends = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(1, 60))]
        counter = RowCrossings(ends, y)
        for _ in range(5):
            # integer-ish x make ties and shared ends common; some irrational ones for rounding
            x = [float(rng.randint(-5, 5)) if rng.random() < 0.7 else rng.uniform(-5, 5) for _ in range(n)]
            segs = [(x[u], y[u], x[v], y[v]) for u, v in ends]
            assert counter.count(x) == segment_crossings(segs), trial


def test_pieces_in_a_band_cross_when_their_order_flips():
    rng = random.Random(11)
    for trial in range(300):
        x: list[float] = []
        y: list[float] = []
        ends = []
        bands = []
        for k in range(rng.randint(1, 4)):  # bands between rows 40k and 40k + 20, edges one piece each
            m = rng.randint(0, 30)
            # small integers: many ties at the top, the bottom or both
            band = [(float(rng.randint(0, 8)), float(rng.randint(0, 8))) for _ in range(m)]
            for top, bottom in band:
                ends.append((len(x), len(x) + 1))
                x += [top, bottom]
                y += [40.0 * k, 40.0 * k + 20]
            bands.append(band)
        expected = sum(
            1 for band in bands for i, p in enumerate(band) for q in band[i + 1 :] if (p[0] - q[0]) * (p[1] - q[1]) < 0
        )
        assert RowCrossings(ends, y).count(x) == expected, trial
