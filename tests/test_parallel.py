"""Forked helpers (``argmap.parallel``): the layout's crossing counts and compaction trials, half the
card measuring and most of a big map's edges done in a second process give exactly what one
process gives, and every failure of a helper is made good by the parent.  Each case runs in a
fresh interpreter: a forked copy of the test runner (Qt, threads) is no place to test in."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no os.fork here")


WEB = """
import random
from argmap.model import ArgumentMap, Polarity, Relation, Statement

def web(n, seed=7):
    # a debate of n statements: a tree of reasons, and a fifth of the statements giving a second
    # reason elsewhere (cross relations, which the layout reorders and counts crossings for)
    rnd = random.Random(seed)
    m = ArgumentMap(title="Web")
    sts = [Statement(f"s{i}", f"Statement {i} says {'why ' * rnd.randrange(1, 30)}& <this>") for i in range(n)]
    rels = []
    for i in range(1, n):
        pol = Polarity.ATTACK if rnd.random() < 0.3 else Polarity.SUPPORT
        rels.append(Relation(f"r{i}", pol, (f"s{i}",), f"s{rnd.randrange(max(0, i - 40), i)}"))
        if i > 10 and rnd.random() < 0.2:
            rels.append(Relation(f"x{i}", Polarity.SUPPORT, (f"s{i}",), f"s{rnd.randrange(0, i - 5)}"))
    m.add_many(sts, rels)
    return m
"""


def run(code: str) -> str:
    """``code`` in a fresh interpreter (``web(n)`` defined); what it printed."""
    res = subprocess.run([sys.executable, "-c", WEB + textwrap.dedent(code)], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout.strip()


def test_the_child_answers_long_strings_and_its_failures_fall_back_to_the_parent():
    out = run("""
        import os
        from argmap.parallel import both, fork_safe
        parent = os.getpid()
        big = "é<&>" * 300_000                      # far more than a pipe holds
        assert both(lambda: big, lambda: "mine") == (big, "mine")
        def dies_in_child():                        # a child that dies without answering
            if os.getpid() != parent:
                os._exit(3)
            return "done here"
        assert both(dies_in_child, lambda: "mine") == ("done here", "mine")
        def raises_in_child():
            if os.getpid() != parent:
                raise RuntimeError("child")
            return "done here"
        assert both(raises_in_child, lambda: "mine") == ("done here", "mine")
        try:                                        # the parent's own failure is the caller's, child reaped
            both(lambda: big, lambda: 1 / 0)
        except ZeroDivisionError:
            pass
        else:
            raise AssertionError("no error")
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("no child left")
        print(fork_safe())
    """)
    assert out.splitlines() == ["no child left", "True"]


def test_a_big_map_drawn_in_two_processes_is_the_same_svg():
    out = run("""
        import os
        from argmap.draw import svg
        from argmap.layout import layout_map
        from argmap.model import ArgumentMap, Polarity, Relation, Statement
        m = ArgumentMap(title="Fan")
        sts = [Statement("c", "The claim")] + [Statement(f"p{i}", f"Reason {i} & <more>") for i in range(450)]
        rels = [Relation(f"r{i}", Polarity.ATTACK if i % 5 == 0 else Polarity.SUPPORT, (f"p{i}",),
                         "c" if i < 30 else f"p{i % 30}") for i in range(450)]
        m.add_many(sts, rels)
        m.move(layout_map(m))
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        one = svg.svg_bytes(m)
        from argmap import parallel
        parallel.grant()
        two = svg.svg_bytes(m)
        small = ArgumentMap()
        small.add_many(sts[:3], rels[:2])
        svg.svg_bytes(small)         # too small to be worth a second process
        print(len(forks), one == two, len(two) > 100_000)
    """)
    assert out == "1 True True"


def test_the_export_command_uses_helpers_for_a_big_map_and_writes_what_one_process_draws(tmp_path):
    src, out = tmp_path / "web.argmap.json", tmp_path / "web.svg"
    printed = run(f"""
        import os
        import argmap.cli
        from argmap.draw.svg import svg_bytes
        from argmap.io import load_map, save_map
        from argmap.layout import layout_map
        save_map(web(450), {str(src)!r})            # no positions: the command lays it out
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        argmap.cli._own_process = True              # as run() sets it for the console script
        status = argmap.cli.main(["export", "-q", {str(src)!r}, "-o", {str(out)!r}])
        os.fork = real
        from argmap import parallel
        parallel.grant(False)
        m = load_map({str(src)!r})
        m.move(layout_map(m))
        print(status, len(forks), svg_bytes(m) == open({str(out)!r}, "rb").read())
    """)
    status, forks, same = printed.split()
    # measuring, counting crossings, compacting, drawing the edges: a helper each (compaction: one
    # of two, the guess made while transposition runs or the trials)
    assert (status, same) == ("0", "True") and int(forks) >= 3


def test_the_command_forks_nothing_for_a_small_map(tmp_path):
    src, out = tmp_path / "small.argmap.json", tmp_path / "small.svg"
    printed = run(f"""
        import os
        import argmap.cli
        from argmap.io import save_map
        save_map(web(40), {str(src)!r})
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        argmap.cli._own_process = True
        print(argmap.cli.main(["export", "-q", {str(src)!r}, "-o", {str(out)!r}]), len(forks))
    """)
    assert printed == "0 0"


def test_a_helper_answers_in_order_through_full_pipes_and_its_failures_are_reported():
    out = run("""
        import os, threading, time
        from argmap import parallel
        print(parallel.start(lambda d: d) is None)          # not granted: no helper
        parallel.grant()
        with parallel.start(lambda d: d[::-1] * 3) as h:    # answers bigger than the requests
            reqs = [bytes([i]) * 100_000 + b"!" for i in range(40)]  # far more than a pipe holds
            for r in reqs:
                h.send(r)                                   # never waits for an answer
            print(all(h.receive() == r[::-1] * 3 for r in reqs))
            h.send(b"")
            print(h.receive() == b"")
        def fails(d):
            if d == b"bad":
                raise ValueError(d)
            return d
        with parallel.start(fails) as h:
            h.send(b"good")
            h.send(b"bad")
            print(h.receive() == b"good")
            try:
                h.receive()
            except parallel.HelperLost:
                print("lost")
        h = parallel.start(lambda d: time.sleep(30) or d)   # busy for long: close does not wait
        h.send(b"x")
        t = time.monotonic()
        h.close()
        print(time.monotonic() - t < 5)
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("no child left")
        stop = threading.Event()
        th = threading.Thread(target=stop.wait)
        th.start()                                          # another thread: forking is not safe
        print(parallel.start(lambda d: d) is None)
        stop.set()
        th.join()
    """)
    assert out.splitlines() == ["True", "True", "True", "True", "lost", "True", "no child left", "True"]


def test_layouts_made_with_helpers_are_the_ones_made_in_one_process():
    out = run("""
        import os
        from argmap import parallel
        from argmap.layout import layout_map
        from argmap import measure
        maps = [web(450), web(450, seed=3), web(700, seed=11)]
        lr = web(450, seed=5)
        lr.set_meta(layout_direction="LR")
        titles = web(450, seed=9)
        titles.set_meta(card_text="titles")
        maps += [lr, titles]
        alone = [layout_map(m, direction=m.meta.get("layout_direction", "TB")) for m in maps]
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        parallel.grant()
        helped = [layout_map(m, direction=m.meta.get("layout_direction", "TB")) for m in maps]
        print(len(forks) >= 2 * len(maps), helped == alone)
        # helpers that die: at once, or after answering twice; the parent does their work
        for after in (0, 2):
            def serve(inp, out, handler, after=after, real_serve=parallel._serve):
                if after:
                    calls = [0]
                    def limited(d):
                        calls[0] += 1
                        if calls[0] > after:
                            os._exit(3)
                        return handler(d)
                    real_serve(inp, out, limited)
                os._exit(3)
            parallel._serve = serve
            print([layout_map(m, direction=m.meta.get("layout_direction", "TB")) for m in maps] == alone)
    """)
    assert out.splitlines() == ["True True", "True", "True"]


def test_edge_batches_keep_every_card_s_arrows_together():
    out = run("""
        from argmap.draw.mapdraw import MapDrawing
        from argmap.layout import layout_map
        lr = web(450, seed=4)
        lr.set_meta(layout_direction="LR")
        lr.move(layout_map(lr, direction="LR"))
        d = MapDrawing(lr)                          # left to right: arrows spread along card sides
        first, second = d.edge_batches(0.1)
        whole = d.arrivals
        print(all(d._arrivals(d._make_edges(batch)) == {r: whole[r] for r in batch if r in whole}
                  for batch in (first, second)), len(whole) > 20)
        m = web(450)
        m.move(layout_map(m))
        d = MapDrawing(m)
        first, second = d.edge_batches(0.1)
        target = lambda r: m.relations[r].target
        print(first + second == [r for r in d.relations if r in set(first)] + [r for r in d.relations if r in set(second)],
              sorted(first + second) == sorted(d.relations),
              not {target(r) for r in first} & {target(r) for r in second},
              0.05 < len(second) / len(d.relations) < 0.15)
        # each batch's arrival points are those of the whole drawing
        whole = d.arrivals
        print(all(d._arrivals(d._make_edges(batch)) == {r: whole[r] for r in batch if r in whole}
                  for batch in (first, second)))
    """)
    assert out.splitlines() == ["True True", "True True True True", "True"]


def test_a_png_export_lays_out_with_helpers_before_qt_loads(tmp_path):
    src, one, two = tmp_path / "web.argmap.json", tmp_path / "one.png", tmp_path / "two.png"
    printed = run(f"""
        import os, subprocess, sys
        import argmap.cli
        from argmap.io import save_map
        save_map(web(450), {str(src)!r})            # no positions
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        argmap.cli._own_process = True
        status = argmap.cli.main(["export", "-q", "--scale", "0.2", {str(src)!r}, "-o", {str(two)!r}])
        os.fork = real
        # the same export in a process that grants no helpers
        subprocess.run([sys.executable, "-c", "from argmap.cli import main; import sys; sys.exit(main(sys.argv[1:]))",
                        "export", "-q", "--scale", "0.2", {str(src)!r}, "-o", {str(one)!r}], check=True,
                       env={{**os.environ, "QT_QPA_PLATFORM": "offscreen"}})
        print(status, len(forks) >= 2, open({str(one)!r}, "rb").read() == open({str(two)!r}, "rb").read())
    """)
    assert printed == "0 True True"
