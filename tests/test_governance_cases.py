"""The governance cases hold their facts (`scenarios/icann-2012-2016.yaml`,
`scenarios/snowden-2013.yaml`), with as few runs as each fact's margin allows
(docs/facts.md, "The governance cases' facts")."""

from pathlib import Path

import pytest

from cybergeo import check_facts, load_scenario
from cybergeo.scenario import Scenario

SCENARIOS = Path(__file__).parents[1] / "scenarios"
WCIT_VOTE = 14
"""The step of the WCIT vote in icann-2012-2016 (14 Dec 2012)."""


def _only(scenario: Scenario, keep: bool, prefix: str) -> Scenario:
    """The scenario with the facts whose id starts (or does not start) with `prefix`."""
    facts = [f for f in scenario.facts if f.id.startswith(prefix) == keep]
    return scenario.model_copy(update={"facts": facts})


def _assert_all_hold(scenario: Scenario, replications: int) -> None:
    table = check_facts(scenario, replications=replications, seed=1)
    failing = table.loc[~table["holds"], ["fact", "mean", "bound"]]
    assert failing.empty, f"facts failing:\n{failing.to_string()}"


@pytest.mark.slow
def test_wcit_votes_split_by_regime_over_twenty_runs_cut_after_the_vote() -> None:
    """The vote shares are noisy (16 states), so 20 runs; the runs stop after the vote."""
    scenario = load_scenario(SCENARIOS / "icann-2012-2016.yaml", {"steps": WCIT_VOTE + 1})
    _assert_all_hold(_only(scenario, True, "wcit-"), replications=20)


@pytest.mark.slow
def test_icann_leak_concession_and_an_uncaptured_body() -> None:
    """Stances move deterministically after the leak: two full runs suffice."""
    scenario = load_scenario(SCENARIOS / "icann-2012-2016.yaml")
    _assert_all_hold(_only(scenario, False, "wcit-"), replications=2)


@pytest.mark.slow
def test_snowden_asylum_allies_localisation_and_concession() -> None:
    """Tension shocks and the arena's timing vary little between runs: two full runs."""
    _assert_all_hold(load_scenario(SCENARIOS / "snowden-2013.yaml"), replications=2)
