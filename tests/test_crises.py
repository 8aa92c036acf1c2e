"""Crises: provocations set patriotic groups off; a crisis is followed by an institution."""

from functools import cache
from typing import Any

from cybergeo import load_scenario, simulate
from cybergeo.dynamics.crises import in_crisis

BRONZE_SOLDIER: dict[str, Any] = {
    "steps": 150,
    "countries": [
        {"id": "Tallinn", "citizens": 100, "allies": ["Berlin"], "capabilities": {"defence": 0.3}},
        {"id": "Moscow", "citizens": 100, "regime": "authoritarian", "operations_rate": 0.0},
        {"id": "Berlin", "citizens": 60},
    ],
    "groups": [{"id": "Patriots", "ideology": "patriotic", "home": "Moscow", "size": 100}],
    "crises": {
        "provocations": [{"step": 1, "by": "Tallinn", "offended": "Moscow", "duration": 21}],
        "crisis_incidents": 2,
        "crisis_window": 20,
        "founding_rate": 0.1,
    },
}


def _run(seed: int, **crises: Any) -> Any:
    return simulate(
        load_scenario({**BRONZE_SOLDIER, "crises": {**BRONZE_SOLDIER["crises"], **crises}}),
        seed=seed,
    )


@cache
def _bronze_soldier(seed: int) -> Any:
    """One run of the scenario as it stands, shared by the tests that read it."""
    return _run(seed)


def test_a_crisis_needs_enough_recent_incidents() -> None:
    assert in_crisis([5, 8, 9], now=10, window=10, threshold=3)
    assert not in_crisis([5, 8, 9], now=20, window=10, threshold=3), "too long ago"
    assert not in_crisis([5, 8, 9], now=10, window=10, threshold=0), "crises switched off"


def test_a_provocation_sets_patriots_striking_the_offender_while_it_lasts() -> None:
    strikes = 0
    for seed in range(3):
        events = _bronze_soldier(seed).events
        ours = events[(events["kind"] == "operation_launched") & (events["actor"] == "Patriots")]
        assert set(ours["target"]) == {"Tallinn"}
        assert ours["step"].max() <= 22, "outrage stops being fed when the act is over"
        strikes += len(ours)
    assert strikes >= 15
    quiet = _run(0, provocations=[]).events
    assert not (quiet["actor"] == "Patriots").any()


def test_after_the_crisis_the_victim_and_its_allies_found_an_institution() -> None:
    crises = 0
    for seed in range(5):
        result = _bronze_soldier(seed)
        founded = result.events[result.events["kind"] == "institution_founded"]
        if not (result.events["kind"] == "crisis").any():
            assert founded.empty, "no crisis, no institution"
            continue
        began = result.events[result.events["kind"] == "crisis"]
        assert set(began["actor"]) == {"Tallinn"}
        assert founded["step"].iloc[0] >= began["step"].iloc[0] + 20, "a calm window first"
        crises += 1
        assert list(founded["actor"]) == ["Tallinn"] and founded["target"].iloc[0] == "Berlin"
        tension = result.metrics["tension.Tallinn-Berlin"]
        assert tension.iloc[-1] < tension.iloc[0]
    assert crises >= 3
    never = _run(0, crisis_incidents=0)
    assert "institution_founded" not in set(never.events["kind"])
