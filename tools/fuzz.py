"""Mutation fuzzer: hostile and mutated files through every reader and the validate, save, layout and export path.

Usage: python tools/fuzz.py [--seed N] [--count N] [--timeout S] [--shared DIR] [--save DIR] [--replay ID]

Each input (the hand-made hostile files of tools/fuzz_hostile.py, then ``--count`` mutants of the
samples, the test fixtures and, when present, the shared interop files) is read with
``argmap.io.read_any`` as a user's file would be, then counted, validated, saved as .argmap.json
and read back, written in every map format argmap writes, laid out and drawn as SVG.  Outcomes:

- ok: all of that worked;
- clean: a reader refused the file with one ``FILE: PLACE: what`` line (MapFileError);
- internal: any other exception, a writer refusing what a reader accepted, an error line that
  is not one bounded line, control characters in an outline or SVG that is not well-formed;
- hang: over ``--timeout`` seconds (or out of memory: the worker is limited to 2 GB).

Inputs run in a worker process (started again after a hang it cannot interrupt), one at a time.
Prints counts by outcome and reader, then each distinct failure with its first input and where
it failed.  ``--replay ID`` runs one input (an id as printed, e.g. ``h3`` or ``7:120``) here,
with the whole traceback.  Exit status 1 when there were internal errors or hangs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from fuzz_hostile import hostile  # noqa: E402
from fuzz_inputs import MAIN, READERS, Case, mutant, seeds  # noqa: E402

OUTCOMES = ("ok", "clean", "internal", "hang")
ERROR_LINE_LIMIT = 1000  # characters in a clean error line, file name included
WRITERS = ("argmap", "argdown", "aif", "graphml", "dot", "markdown", "text")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SVG_TAGS = {"svg", "title", "desc", "g", "path", "text", "rect", "line", "circle", "ellipse", "polygon", "polyline"}
MEMORY_LIMIT = 2 << 30


class Timeout(Exception):
    pass


class Flaw(Exception):
    """Something the path finished but should not have done (a check below)."""


def _alarm(signum: int, frame: object) -> None:
    raise Timeout()


def write_case(case: Case, folder: Path) -> Path:
    """The case's files in ``folder`` as ``input.<ext>``; the path of the one to read."""
    for ext, data in case.files.items():
        (folder / ("input" + ext)).write_bytes(data)
    return folder / ("input" + MAIN[case.reader])


def exercise(path: Path, out: Path) -> str:
    """Everything argmap does with a file a user gives it; returns "clean" or "ok", raises on anything else."""
    from argmap.draw.svg import svg_bytes
    from argmap.io import MapFileError, read_any, write_any
    from argmap.io.registry import by_name
    from argmap.layout import layout_map
    from argmap.model import broken_anchors, stats

    try:
        result = read_any(path)
    except MapFileError as e:
        line = str(e)
        if "\n" in line or "\r" in line or len(line) > ERROR_LINE_LIMIT:
            raise Flaw(f"error line of {len(line):,} characters, {line.count(chr(10))} line breaks") from None
        return "clean"
    amap = result.map
    result.report.lines()
    stats(amap)
    broken_anchors(amap)
    for fmt in WRITERS:
        dst = out / ("out" + by_name(fmt).extensions[0])
        try:
            write_any(amap, dst, fmt)
        except MapFileError as e:
            raise Flaw(f"{fmt} writer refused a map its reader accepted: {e}") from None
        if fmt in ("markdown", "text") and _CONTROL.search(dst.read_text(encoding="utf-8")):
            raise Flaw(f"control characters in the {fmt} outline")
    read_any(out / "out.argmap.json")  # saved and opened again
    layout_map(amap)
    svg = svg_bytes(amap)
    try:
        tags = {el.tag.rpartition("}")[2] for el in ET.fromstring(svg).iter()}
    except ET.ParseError as e:
        raise Flaw(f"SVG is not well-formed: {e}") from None
    if tags - SVG_TAGS:
        raise Flaw(f"SVG has elements {sorted(tags - SVG_TAGS)}")
    return "ok"


def where(tb: traceback.StackSummary) -> str:
    """The innermost frame in argmap (else the innermost): ``argmap/io/x.py:func``."""
    frames = [f for f in tb if "/argmap/" in f.filename] or list(tb)
    if not frames:
        return "?"
    f = frames[-1]
    return f"{f.filename[f.filename.rfind('/argmap/') + 1 :]}:{f.name}"


def run_one(case: Case, timeout: float) -> dict[str, str]:
    """Run ``case`` in this process with a time limit; ``{"outcome", "key", "detail"}``."""
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as tmp:
        path = write_case(case, Path(tmp))
        out = Path(tmp) / "out"
        out.mkdir()
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return {"outcome": exercise(path, out), "key": "", "detail": ""}
        except Timeout as e:
            tb = traceback.extract_tb(e.__traceback__)
            return {"outcome": "hang", "key": f"over {timeout:g} s in {where(tb)}", "detail": _frames(tb)}
        except MemoryError as e:
            tb = traceback.extract_tb(e.__traceback__)
            return {"outcome": "hang", "key": f"out of memory in {where(tb)}", "detail": _frames(tb)}
        except Flaw as e:
            tb = traceback.extract_tb(e.__traceback__)
            return {
                "outcome": "internal",
                "key": re.sub(r"\d[\d,]*", "N", str(e).split(":")[0])[:120],
                "detail": str(e)[:300],
            }
        except Exception as e:  # noqa: BLE001 - what the fuzzer is looking for
            tb = traceback.extract_tb(e.__traceback__)
            return {
                "outcome": "internal",
                "key": f"{type(e).__name__} in {where(tb)}",
                "detail": f"{type(e).__name__}: {str(e)[:200]}\n{_frames(tb)}",
            }
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def _frames(tb: traceback.StackSummary, n: int = 4) -> str:
    return "\n".join(
        f"    {f.filename.rpartition('/argmap/')[2] or f.filename}:{f.lineno} {f.name}: {f.line}" for f in list(tb)[-n:]
    )


def worker(timeout: float) -> None:
    """``--worker``: read case folders from stdin, one JSON object a line, and answer each."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    sys.setrecursionlimit(3000)
    for line in sys.stdin:
        job = json.loads(line)
        case = Case(job["reader"], {k: bytes.fromhex(v) for k, v in job["files"].items()}, "")
        start = time.perf_counter()
        result = run_one(case, timeout)
        result["seconds"] = f"{time.perf_counter() - start:.2f}"
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


class Worker:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        return subprocess.Popen(
            [sys.executable, __file__, "--worker", "--timeout", str(self.timeout)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def run(self, case: Case) -> dict[str, str]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self.start()
        assert self.proc.stdin and self.proc.stdout
        job = {"reader": case.reader, "files": {k: v.hex() for k, v in case.files.items()}}
        try:
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout * 2 + 20)
        answer = self.proc.stdout.readline() if ready else ""
        if answer:
            return json.loads(answer)
        self.stop()
        return {
            "outcome": "hang",
            "key": "worker killed: no answer (stuck outside Python, or died)",
            "detail": "",
            "seconds": "?",
        }

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def cases(seed: int, count: int, shared: Path | None, with_hostile: bool = True) -> list[tuple[str, Case]]:
    """(id, case) for the hostile files and ``count`` mutants."""
    out = [(f"h{i}", c) for i, c in enumerate(hostile())] if with_hostile else []
    base = seeds(shared)
    return out + [(f"{seed}:{i}", mutant(base, seed, i)) for i in range(count)]


def report(results: list[tuple[str, Case, dict[str, str]]], save: Path | None) -> int:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for _cid, case, r in results:
        table[case.reader][r["outcome"]] += 1
    print(f"{'reader':<10}" + "".join(f"{o:>10}" for o in OUTCOMES))
    for reader in READERS:
        print(f"{reader:<10}" + "".join(f"{table[reader][o]:>10}" for o in OUTCOMES))
    print(f"{'all':<10}" + "".join(f"{sum(t[o] for t in table.values()):>10}" for o in OUTCOMES))
    classes: dict[str, list[tuple[str, Case, dict[str, str]]]] = defaultdict(list)
    for item in results:
        if item[2]["outcome"] in ("internal", "hang"):
            classes[f"{item[2]['outcome']}: {item[2]['key']}"].append(item)
    for n, (key, items) in enumerate(sorted(classes.items(), key=lambda kv: -len(kv[1])), 1):
        readers = Counter(c.reader for _i, c, _r in items)
        print(f"\n{n}. {key} ({len(items)}: {', '.join(f'{r} {k}' for r, k in readers.items())})")
        cid, case, r = items[0]
        print(f"  first: {cid} {case.how[:300]}")
        if r.get("detail"):
            print("  " + r["detail"].replace("\n", "\n  "))
        if save is not None:
            folder = save / f"{n:02d}-{re.sub(r'[^A-Za-z0-9]+', '-', key)[:60].strip('-')}"
            folder.mkdir(parents=True, exist_ok=True)
            write_case(case, folder)
            (folder / "how.txt").write_text(f"{cid} {case.reader}\n{case.how}\n{key}\n{r.get('detail', '')}\n")
    slow = sorted(results, key=lambda t: -float(t[2].get("seconds", "0").replace("?", "inf")))[:5]
    print("\nslowest: " + "; ".join(f"{cid} {r['outcome']} {r.get('seconds')} s ({c.how[:60]})" for cid, c, r in slow))
    return 1 if classes else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="which mutants (default 1)")
    ap.add_argument("--count", type=int, default=2000, help="mutants to run (default 2000)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per input (default 10)")
    ap.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="folder with interop/ for more seed files (default ../shared, skipped when absent)",
    )
    ap.add_argument("--no-hostile", action="store_true", help="mutants only")
    ap.add_argument("--only", choices=READERS, help="inputs for one reader only")
    ap.add_argument("--save", type=Path, metavar="DIR", help="write the first input of each failure class here")
    ap.add_argument("--replay", metavar="ID", help="run one input in this process and show its traceback")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.timeout)
        return 0
    shared = args.shared if args.shared.is_dir() else None
    if args.replay:
        return replay(args.replay, shared)
    todo = [
        (cid, c)
        for cid, c in cases(args.seed, args.count, shared, not args.no_hostile)
        if args.only in (None, c.reader)
    ]
    runner = Worker(args.timeout)
    results = []
    start = time.perf_counter()
    try:
        for n, (cid, case) in enumerate(todo, 1):
            results.append((cid, case, runner.run(case)))
            if n % 100 == 0:
                print(f"... {n} of {len(todo)} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    finally:
        runner.stop()
    return report(results, args.save)


def replay(cid: str, shared: Path | None) -> int:
    if cid.startswith("h"):
        case = hostile()[int(cid[1:])]
    else:
        seed, _, i = cid.partition(":")
        case = mutant(seeds(shared), int(seed), int(i))
    print(case.how)
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as tmp:
        path = write_case(case, Path(tmp))
        (Path(tmp) / "out").mkdir()
        print(exercise(path, Path(tmp) / "out"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
