"""The e-diplomacy and Arab Spring cases: their facts hold over 20 replications, as
`cybergeo facts FILE --replications 20` checks them."""

import pytest

from cybergeo import check_facts, load_scenario
from tests.conftest import SCENARIOS


@pytest.mark.slow
@pytest.mark.parametrize("name", ["e-diplomacy-2012.yaml", "arab-spring-2011.yaml"])
def test_the_case_holds_its_facts(name: str) -> None:
    scenario = load_scenario(SCENARIOS / name)
    assert len(scenario.facts) >= 3
    table = check_facts(scenario, replications=20, workers=2)
    failing = table.loc[~table["holds"], ["fact", "mean", "bound"]]
    assert failing.empty, f"{name}: facts that do not hold:\n{failing.to_string()}"


@pytest.mark.parametrize("name", ["e-diplomacy-2012.yaml", "arab-spring-2011.yaml"])
def test_the_case_is_a_stylised_history(name: str) -> None:
    """Each case opens by saying what happened, when, from which sources, that a step is a
    day from a stated date, and that it is a stylised model, not a forecast; it stays at a
    classroom size."""
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    opening = text.split("\nname:")[0]
    for words in ("What happened", "Sources", "one step is one day", "not a forecast"):
        assert words.lower() in opening.lower(), f"{name}: the opening comment lacks {words!r}"
    scenario = load_scenario(SCENARIOS / name)
    assert sum(c.citizens for c in scenario.countries) <= 2000
    assert 200 <= scenario.steps <= 900
