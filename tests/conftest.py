"""Shared test helpers: where the shared seeds and real PDFs are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The test command gates on the same examples every run (a property's counterexample is found
# by exploring, not by a CI run that happens to draw it): HYPOTHESIS_PROFILE=explore draws new
# and more examples.
settings.register_profile("gate", derandomize=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gate"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "real"


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` ("000" …); skip when absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (../shared/seeds is beside the project in CI)")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return SEEDS
