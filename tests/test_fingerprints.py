"""Fingerprints of whole runs: a refactoring must leave every metric and event bit-identical.

When a change is meant to alter behaviour (a new rule, a recalibration), regenerate the table
with `python tests/test_fingerprints.py` and say so in the commit.
"""

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

from cybergeo import load_scenario, simulate

SCENARIOS = Path(__file__).parents[1] / "scenarios"
STEPS = 120
CASES = [("default.yaml", 1), ("default.yaml", 2), ("default.yaml", 3), ("doctrine.yaml", 7)]

FINGERPRINTS: dict[tuple[str, int], tuple[str, str]] = {
    ("default.yaml", 1): ("5f2d83207238ed25", "89fe28ed36fd2d6a"),
    ("default.yaml", 2): ("bc4133a1e5a23bc3", "66f14af929399b8a"),
    ("default.yaml", 3): ("9cc47a2dc4eb95aa", "36194c26e0a83dd5"),
    ("doctrine.yaml", 7): ("de71ef211d62576c", "e52f6052acf31b1c"),
}


def frame_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's columns and full-precision values."""
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16]


def fingerprint(name: str, seed: int) -> tuple[str, str]:
    result = simulate(load_scenario(SCENARIOS / name), seed=seed, steps=STEPS)
    return frame_hash(result.metrics), frame_hash(result.events)


@pytest.mark.parametrize(("name", "seed"), CASES)
def test_run_is_bit_identical_to_its_fingerprint(name: str, seed: int) -> None:
    assert fingerprint(name, seed) == FINGERPRINTS[(name, seed)]


if __name__ == "__main__":
    for name, seed in CASES:
        metrics, events = fingerprint(name, seed)
        sys.stdout.write(f'    ("{name}", {seed}): ("{metrics}", "{events}"),\n')
