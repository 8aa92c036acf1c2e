"""Shared fixtures: small scenarios that run in a fraction of a second."""

from pathlib import Path

import pytest
from hypothesis import settings

from cybergeo import load_scenario
from cybergeo.scenario import Scenario

DATA = Path(__file__).parent / "data"
SCENARIOS = Path(__file__).parents[1] / "scenarios"

# Hypothesis fails an example that takes over 200 ms; on cores shared with the other test
# worker (and whatever else runs), an example's time says nothing about the code, and such
# failures came and went on a loaded machine.
settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")


@pytest.fixture
def small() -> Scenario:
    """The default scenario shrunk to a classroom size and a short run."""
    return load_scenario(
        SCENARIOS / "default.yaml",
        {
            "steps": 30,
            "countries.Northland.citizens": 150,
            "countries.Eastmark.citizens": 150,
            "countries.Southport.citizens": 100,
        },
    )
