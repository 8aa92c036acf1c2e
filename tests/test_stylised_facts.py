"""Stylised facts of the source material, across 12 replications with a statistical test.

Each fact compares two settings on the same 12 seeds and asks a one-sided Mann-Whitney
test for the expected direction at the 1% level. Twelve seeds because the weakest effect
(censorship's reach per message) gives p = 2e-3 over seeds 0-9 and 7e-4 over seeds 0-11;
every other effect is below 3e-4 at 10 seeds. Twenty seeds bought nothing but time.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd
from scipy import stats

from cybergeo import load_scenario, simulate
from cybergeo.scenario import Scenario
from tests.conftest import SCENARIOS

SEEDS = range(12)


def _classroom(overrides: dict[str, Any]) -> Scenario:
    """The default scenario at classroom size, without its scheduled events."""
    return load_scenario(
        SCENARIOS / "default.yaml",
        {
            "steps": 30,
            "countries.Northland.citizens": 200,
            "countries.Eastmark.citizens": 200,
            "countries.Southport.citizens": 150,
            "events": [],
            **overrides,
        },
    )


def _runs(overrides: dict[str, Any]) -> list[pd.DataFrame]:
    """The metrics of one classroom run per seed: every measure of a setting reads these."""
    scenario = _classroom(overrides)
    return [simulate(scenario, seed=seed).metrics for seed in SEEDS]


def _final(runs: list[pd.DataFrame], measure: Callable[[pd.DataFrame], float]) -> list[float]:
    return [measure(metrics) for metrics in runs]


def _greater(larger: list[float], smaller: list[float]) -> bool:
    return bool(stats.mannwhitneyu(larger, smaller, alternative="greater").pvalue < 0.01)


def _last(column: str) -> Callable[[pd.DataFrame], float]:
    return lambda metrics: float(metrics[column].iloc[-1])


def test_revealed_surveillance_costs_trust_and_strains_allies() -> None:
    leak = {"events": [{"step": 10, "kind": "leak", "target": "Northland"}]}
    quiet = _runs({"insiders": []})
    revealed = _runs({"insiders": [], **leak})
    for column, direction in [
        ("trust_government.Northland", "down"),
        ("firm_reputation.Chirp", "down"),
        ("tension.Northland-Southport", "up"),
    ]:
        before, after = _final(quiet, _last(column)), _final(revealed, _last(column))
        assert _greater(before, after) if direction == "down" else _greater(after, before), column


def _reach_per_message(metrics: pd.DataFrame) -> float:
    """Censoring citizens reached per message posted, over the run."""
    return float(metrics["citizens_reached.Eastmark"].sum() / max(1, metrics["messages"].sum()))


def test_censorship_narrows_reach_and_feeds_grievance() -> None:
    censor = {
        "events": [
            {"step": step, "kind": "censorship", "actor": "Eastmark", "duration": 5}
            for step in range(1, 31, 5)
        ]
    }
    base = {"countries.Eastmark.capabilities.censorship": 0.0, "information.diplomacy_rate": 1.0}
    open_net = _runs(base)
    censored = _runs({**base, **censor})
    assert _greater(_final(open_net, _reach_per_message), _final(censored, _reach_per_message))
    grievance = _last("grievance.Eastmark")
    assert _greater(_final(censored, grievance), _final(open_net, grievance))


def test_digital_diplomacy_raises_standing_abroad() -> None:
    courting = _runs(
        {"countries.Northland.capabilities.influence": 1.0, "information.diplomacy_rate": 0.5}
    )
    silent = _runs(
        {"countries.Northland.capabilities.influence": 0.0, "information.diplomacy_rate": 0.5}
    )
    standing = _last("standing_abroad.Northland")
    assert _greater(_final(courting, standing), _final(silent, standing))
