"""A short fixed-seed run of tools/fuzz.py: hostile files and mutants of the samples and fixtures.

Every input must be read, validated, saved, written in every format, laid out and drawn, or be
refused in one line: no internal error, and none over the time limit (which only catches hangs;
speed is measured by the fuzzer's longer runs, not here).
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED, COUNT, LIMIT = 15, 250, 30.0


def load_fuzzer():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "tools" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz", module)
    spec.loader.exec_module(module)
    return module


def test_no_input_breaks_argmap():
    fuzz = load_fuzzer()
    failures = []
    for cid, case in fuzz.cases(SEED, COUNT, shared=None):
        result = fuzz.run_one(case, LIMIT)
        if result["outcome"] in ("internal", "hang"):
            failures.append(f"{cid} {case.how[:200]}\n  {result['key']}\n  {result['detail']}")
    assert not failures, f"{len(failures)} inputs broke argmap:\n" + "\n".join(failures)
