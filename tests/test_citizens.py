"""The vectorised citizens follow the same rules as the per-agent reference."""

import copy

import numpy as np
import pytest
from scipy import stats

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.actors.citizen_agents import ReferenceSociety
from cybergeo.actors.citizens import Activity, CitizenPopulation
from cybergeo.scenario.schema import SocietySpec
from cybergeo.world.adjacency import OpenAdjacency

LEGITIMACY = np.array([0.35, 0.8])


@pytest.fixture(scope="module")
def society() -> tuple[CitizenPopulation, OpenAdjacency]:
    """Citizens of two countries with their contacts, as the model builds them."""
    scenario = load_scenario(
        {
            "countries": [
                {"id": "Lowland", "citizens": 300, "legitimacy": float(LEGITIMACY[0])},
                {"id": "Highland", "citizens": 200, "legitimacy": float(LEGITIMACY[1])},
            ]
        }
    )
    model = CyberspaceModel(scenario, rng=5)
    return model.citizens, model.world.accounts.adjacency


def _summary(activity: np.ndarray, trust: np.ndarray, attitude: np.ndarray) -> dict[str, float]:
    """Shares and moments, to float32 precision (the population stores float32)."""
    rounded = {
        "protesting": float(np.mean(activity == Activity.PROTESTING)),
        "jailed": float(np.mean(activity == Activity.JAILED)),
        "trust": float(trust.mean()),
        "attitude_spread": float(attitude[:, 0].std()),
    }
    return {measure: round(value, 6) for measure, value in rounded.items()}


def test_without_chance_both_make_the_same_decisions(
    society: tuple[CitizenPopulation, OpenAdjacency],
) -> None:
    """No police, no release, no talk: every rule is deterministic, so each citizen must do
    exactly the same thing in both implementations (beliefs agree to float32 precision: the
    population stores float32, the agents Python floats)."""
    population, contacts = society
    rules = SocietySpec(confidence_bound=0.0)
    police = np.zeros(len(population))
    vectorised = copy.deepcopy(population)
    vectorised.censorship_grievance[:50] = 0.3
    reference = ReferenceSociety(vectorised, contacts, police, LEGITIMACY, rules, rng=1)
    rng = np.random.default_rng(1)
    for _ in range(10):
        vectorised.live(contacts, police, LEGITIMACY, rules, rng)
        reference.step()
        agents = reference.population()
        np.testing.assert_array_equal(agents["activity"], vectorised.activity)
        for belief in ("trust_government", "censorship_grievance"):
            np.testing.assert_allclose(agents[belief], getattr(vectorised, belief), rtol=1e-5)
    assert 0 < np.mean(vectorised.activity == Activity.PROTESTING) < 1


def test_both_give_the_same_distributions(
    society: tuple[CitizenPopulation, OpenAdjacency],
) -> None:
    """With patrols, arrests, releases and conversations, 20 runs of each agree in
    distribution on protest, jail, trust and the spread of attitudes (two-sample KS tests)."""
    population, contacts = society
    rules = SocietySpec(police_per_citizen=0.05, arrest_rate=0.5, confidence_bound=0.3)
    police = np.full(len(population), 0.05 * 0.5)
    vectorised_runs, reference_runs = [], []
    for seed in range(20):
        vectorised = copy.deepcopy(population)
        rng = np.random.default_rng(seed)
        reference = ReferenceSociety(population, contacts, police, LEGITIMACY, rules, rng=seed)
        for _ in range(12):
            vectorised.live(contacts, police, LEGITIMACY, rules, rng)
            reference.step()
        vectorised_runs.append(
            _summary(vectorised.activity, vectorised.trust_government, vectorised.attitude)
        )
        agents = reference.population()
        reference_runs.append(
            _summary(agents["activity"], agents["trust_government"], agents["attitude"])
        )
    for measure in vectorised_runs[0]:
        ours = [run[measure] for run in vectorised_runs]
        theirs = [run[measure] for run in reference_runs]
        assert np.ptp(ours + theirs) > 0 or ours[0] == theirs[0]
        assert stats.ks_2samp(ours, theirs).pvalue > 0.01, measure


def test_prisoners_serve_netlogos_jail_term() -> None:
    """Every protester in sight of a crowd of police is arrested, gets a term drawn from 0 to
    `max_jail_term` − 1 as in NetLogo's Rebellion, and is released once it has served it
    (a term of 0 leaves it free); none leaves early or stays late."""
    rng = np.random.default_rng(3)
    people = CitizenPopulation.generate(np.zeros(400, dtype=int), np.array([0.0]), rng)
    people.risk_aversion[:] = 0.0
    rules = SocietySpec(max_jail_term=5, arrest_rate=1.0)
    grievance = people.grievance()
    protesters = np.flatnonzero(grievance > rules.activation_threshold)
    seen = np.ones(len(protesters), dtype=np.float32)
    people.mobilise(protesters, grievance[protesters], 100 * seen, seen, rules, rng)
    terms = people.jail_term[protesters].copy()
    assert set(terms.tolist()) == set(range(5))
    assert (people.activity[protesters] == np.where(terms > 0, Activity.JAILED, 0)).all()
    nobody = np.empty(0, dtype=np.int64)
    for served in range(1, 6):
        people.mobilise(nobody, grievance[nobody], seen[:0], seen[:0], rules, rng)
        still_in = people.activity[protesters] == Activity.JAILED
        np.testing.assert_array_equal(still_in, terms > served)


def test_both_send_the_same_repeat_offenders_to_prison() -> None:
    """Fearless, aggrieved citizens before overwhelming police are arrested every step and
    freed at once (no NetLogo term), until, where repeated protest is a crime, an arrest
    after more than two is a criminal case; with the criminal term fixed, both
    implementations jail exactly the same citizens at the same step."""
    rng = np.random.default_rng(2)
    n = 60
    people = CitizenPopulation.generate(
        np.repeat([0, 1], n // 2), np.array([0.0, 0.0]), rng, np.array([True, False])
    )
    people.risk_aversion[:] = 0.0
    people.hardship[:] = 1.0
    rules = SocietySpec(
        max_jail_term=1,
        arrest_rate=1.0,
        confidence_bound=0.0,
        repeat_offence_min_term=50,
        repeat_offence_max_term=50,
    )
    ties = np.arange(n - 1)
    contacts = OpenAdjacency.build(n, n, ties, ties + 1, np.zeros(n - 1, dtype=int))
    police = np.ones(n)
    reference = ReferenceSociety(people, contacts, police, np.zeros(2), rules, rng=1)
    for step in range(1, 7):
        people.live(contacts, police, np.zeros(2), rules, rng)
        reference.step()
        np.testing.assert_array_equal(reference.population()["activity"], people.activity)
        jailed = people.activity == Activity.JAILED
        assert (jailed[: n // 2] == (step >= 4)).all() and not jailed[n // 2 :].any()
    assert (people.jail_term[: n // 2] == 50 - 2).all()
