"""The historical scenarios of the displaced secret, the supply chain and the patriots' crisis
(Cablegate, NotPetya, Estonia) validate, and their facts hold over a few seeded runs
(`cybergeo facts FILE --replications 20` checks them over twenty)."""

import itertools
from pathlib import Path

import pytest

from cybergeo import load_scenario
from cybergeo.facts import check_facts

SCENARIOS = Path(__file__).parents[1] / "scenarios"
CASES = ["wikileaks-2010.yaml", "notpetya-2017.yaml", "estonia-2007.yaml"]


@pytest.mark.parametrize("name", CASES)
def test_the_case_is_a_stylised_day_by_day_history_with_cited_facts(name: str) -> None:
    lines = (SCENARIOS / name).read_text(encoding="utf-8").splitlines()
    comment = itertools.takewhile(lambda line: line.startswith("#"), lines)
    opening = " ".join(line.lstrip("# ") for line in comment)
    for words in ("What happened", "Sources", "step 1 is", "stylised model", "not a forecast"):
        assert words in opening, f"{name}: the opening comment does not say {words!r}"
    scenario = load_scenario(SCENARIOS / name)
    assert sum(c.citizens for c in scenario.countries) <= 2000
    assert 200 <= scenario.steps <= 900
    assert len(scenario.facts) >= 3
    assert all(len(fact.source.split()) >= 4 for fact in scenario.facts), "a fact cites no record"


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_the_case_facts_hold(name: str) -> None:
    table = check_facts(load_scenario(SCENARIOS / name), replications=3)
    failed = table.loc[~table["holds"], ["fact", "mean", "bound"]]
    assert failed.empty, f"{name}: facts that fail over 3 runs:\n{failed}"
