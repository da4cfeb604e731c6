"""The edges of a big map drawn in a forked child (``draw.parallel``): the same SVG bytes as drawn
in one process, and every failure of the child made good by the parent.  Each case runs in a
fresh interpreter: a forked copy of the test runner (Qt, threads) is no place to test in."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no os.fork here")


def run(code: str) -> str:
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout.strip()


def test_the_child_answers_long_strings_and_its_failures_fall_back_to_the_parent():
    out = run("""
        import os
        from argmap.draw.parallel import both, fork_safe
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
        two = svg.svg_bytes(m, parallel=True)
        small = ArgumentMap()
        small.add_many(sts[:3], rels[:2])
        svg.svg_bytes(small, parallel=True)         # too small to be worth a second process
        print(len(forks), one == two, len(two) > 100_000)
    """)
    assert out == "1 True True"


def test_the_export_command_forks_once_for_a_big_map_and_writes_what_one_process_draws(tmp_path):
    src, out = tmp_path / "fan.argmap.json", tmp_path / "fan.svg"
    printed = run(f"""
        import os
        import argmap.cli
        from argmap.draw.svg import svg_bytes
        from argmap.io import load_map, save_map
        from argmap.layout import layout_map
        from argmap.model import ArgumentMap, Polarity, Relation, Statement
        m = ArgumentMap(title="Fan")
        m.add_many([Statement("c", "The claim")] + [Statement(f"p{{i}}", f"Reason {{i}}") for i in range(420)],
                   [Relation(f"r{{i}}", Polarity.SUPPORT, (f"p{{i}}",), "c") for i in range(420)])
        save_map(m, {str(src)!r})                   # no positions: the command lays it out
        forks = []
        real = os.fork
        os.fork = lambda: forks.append(1) or real()
        argmap.cli._own_process = True              # as run() sets it for the console script
        status = argmap.cli.main(["export", "-q", {str(src)!r}, "-o", {str(out)!r}])
        os.fork = real
        m = load_map({str(src)!r})
        m.move(layout_map(m))
        print(status, len(forks), svg_bytes(m) == open({str(out)!r}, "rb").read())
    """)
    assert printed == "0 1 True"
