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
    ("default.yaml", 1): ("5f433bb2b5d5b7eb", "5bdba2accde5511a"),
    ("default.yaml", 2): ("c94253c6ae54b562", "370731843e66a2b7"),
    ("default.yaml", 3): ("f513ccf636bb8a90", "2b886a919337f0b1"),
    ("doctrine.yaml", 7): ("75e02ee86e89c28b", "1d69fcc08b91c6e8"),
}


def frame_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's columns and full-precision values."""
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16]


def fingerprint(name: str, seed: int) -> tuple[str, str]:
    result = simulate(load_scenario(SCENARIOS / name), seed=seed, steps=STEPS)
    return frame_hash(result.metrics), frame_hash(result.events)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "seed"), CASES)
def test_run_is_bit_identical_to_its_fingerprint(name: str, seed: int) -> None:
    assert fingerprint(name, seed) == FINGERPRINTS[(name, seed)]


if __name__ == "__main__":
    for name, seed in CASES:
        metrics, events = fingerprint(name, seed)
        sys.stdout.write(f'    ("{name}", {seed}): ("{metrics}", "{events}"),\n')
