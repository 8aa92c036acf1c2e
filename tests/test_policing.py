"""How the police treat protest (ODD 7.26): at their regime's arrest rate, and under the
threat of a criminal case for those already arrested too often."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.actors.citizens import Activity, CitizenPopulation, criminal_term_weight
from cybergeo.scenario.schema import ArrestRates, Regime, SocietySpec
from tests.conftest import SCENARIOS

REGIMES = list(Regime)


def fringe(n: int, regime: Regime, criminalises_repeat: bool = False) -> CitizenPopulation:
    """`n` citizens of one country, all aggrieved enough to protest whatever they fear."""
    people = CitizenPopulation.generate(
        np.zeros(n, dtype=int),
        np.array([0.0]),
        np.random.default_rng(0),
        np.array([criminalises_repeat]),
        regime=np.array([REGIMES.index(regime)], dtype=np.int8),
    )
    people.hardship[:] = 1.0
    people.risk_aversion[:] = 0.0
    return people


def arrested_once(people: CitizenPopulation, cops: float, actives: float, seed: int) -> int:
    """Arrests in one step where every free citizen sees `cops` police and `actives`
    protesters."""
    everyone = np.arange(len(people))
    seen = np.ones(len(people), dtype=np.float32)
    rng = np.random.default_rng(seed)
    arrests, _ = people.mobilise(
        everyone, people.grievance(), cops * seen, actives * seen, SocietySpec(), rng
    )
    return arrests


@pytest.mark.parametrize("regime", REGIMES)
def test_a_protester_is_arrested_at_its_regimes_rate(regime):
    """Lawful protest: with 4 police and 2 protesters in sight a protester is taken with
    probability min(1, 2·rate): 0.005 in a democracy, 0.01 in a hybrid regime, 0.2 in an
    authoritarian one, a fortieth and a twentieth (US 2020, Gezi 2013, Moscow 2021).
    20,000 protesters put the count within 5 standard deviations of its mean."""
    n = 20_000
    rate = getattr(SocietySpec().arrest_rate, regime.value)
    expected = n * min(1.0, 2 * rate)
    spread = np.sqrt(expected * (1 - min(1.0, 2 * rate)))
    assert abs(arrested_once(fringe(n, regime), 4, 2, seed=1) - expected) < 5 * spread


def test_one_number_sets_every_regime_alike():
    assert SocietySpec(arrest_rate=0.3).arrest_rate.by_regime() == [0.3, 0.3, 0.3]
    scenario = load_scenario(SCENARIOS / "default.yaml", {"society.arrest_rate": 0.1})
    assert scenario.society.arrest_rate == ArrestRates(democracy=0.1, hybrid=0.1)
    one = load_scenario(SCENARIOS / "default.yaml", {"society.arrest_rate.hybrid": 0.2})
    assert one.society.arrest_rate.by_regime() == [0.0025, 0.2, 0.1]


def test_the_model_tells_citizens_each_countrys_regime():
    world = CyberspaceModel(SCENARIOS / "default.yaml", rng=1)
    regimes = [REGIMES[i] for i in world.citizens.regime]
    assert regimes == [Regime.DEMOCRACY, Regime.AUTHORITARIAN, Regime.HYBRID]


def test_the_threat_of_a_criminal_case_keeps_all_but_the_fearless_at_home():
    """Becker: the expected punishment is probability times severity. With two arrests in
    the window under art. 212.1 the next is a criminal case: a citizen who fears anything
    (risk aversion 0.05, so an ordinary arrest would not stop it) stays home while police
    outnumber protesters, comes out when protesters outnumber them (P = 0), and the fearless
    (risk aversion 0) come out whatever."""
    people = fringe(3, Regime.AUTHORITARIAN, criminalises_repeat=True)
    people.risk_aversion[:] = [0.05, 0.05, 0.0]
    people.arrest_ages[:] = [[10, 20, 30], [10, 20, 30], [10, 20, 30]]
    society = SocietySpec(arrest_rate=0.0)
    who = np.arange(3)
    cops = np.array([4, 1, 4], dtype=np.float32)
    actives = np.array([1, 2, 1], dtype=np.float32)
    people.mobilise(who, people.grievance(), cops, actives, society, np.random.default_rng(0))
    assert people.activity.tolist() == [Activity.QUIET, Activity.PROTESTING, Activity.PROTESTING]
    people.arrest_ages[:] = [[10, 20, 400]] * 3
    people.mobilise(who, people.grievance(), cops, actives, society, np.random.default_rng(0))
    assert people.activity.tolist() == [Activity.PROTESTING] * 3


def test_no_threat_where_repeat_protest_is_no_crime():
    people = fringe(2, Regime.AUTHORITARIAN, criminalises_repeat=False)
    people.arrest_ages[:] = [[1, 2, 3]] * 2
    assert people.term_at_stake(np.arange(2), SocietySpec()).tolist() == [1.0, 1.0]


def test_a_criminal_case_weighs_its_mean_term_over_an_arrests():
    """At the defaults: (1 + (548 + 1095)/2) / (1 + 29/2) = 53.06."""
    assert criminal_term_weight(SocietySpec()) == pytest.approx(822.5 / 15.5)


@given(
    rate=st.floats(0.0, 1.0),
    cops=st.integers(0, 50),
    actives=st.integers(1, 50),
    regime=st.sampled_from(REGIMES),
)
def test_nobody_quiet_or_jailed_is_arrested_and_arrests_never_exceed_protesters(
    rate, cops, actives, regime
):
    people = fringe(40, regime)
    people.activity[:10] = Activity.JAILED
    people.jail_term[:10] = 5
    free = np.arange(10, 40)
    seen = np.ones(len(free), dtype=np.float32)
    arrests, _ = people.mobilise(
        free,
        people.grievance()[free],
        cops * seen,
        actives * seen,
        SocietySpec(arrest_rate=rate),
        np.random.default_rng(cops),
    )
    assert 0 <= arrests <= len(free)
    assert (people.arrest_ages[:10, 0] > 0).all()
