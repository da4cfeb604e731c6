"""Shared test set-up: Qt offscreen before anything imports it, no deadline on property tests, the checkout's
folder and the path to ../shared."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

# no deadline on a property test's examples: how long one takes is for benchmarks/, not a test
settings.register_profile("argmap", deadline=None)
settings.load_profile("argmap")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def repo_root() -> Path:
    """The checkout's top folder (whose argmap package is the one under test), for commands run in a
    subprocess; wherever the test file sits below tests/."""
    return ROOT


@pytest.fixture
def shared_dir() -> Path:
    """The read-only shared material (interop files, seeds); skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
