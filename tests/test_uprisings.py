"""Mobilisation travels: news of protest emboldens, crosses borders along language, and
regimes answer their streets by concession, repression or fall."""

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergeo import load_scenario, simulate
from cybergeo.actors.citizens import Activity, CitizenPopulation
from cybergeo.dynamics.contagion import embolden
from cybergeo.dynamics.regime import RegimeStatus, crisis_step
from cybergeo.scenario import Scenario, ScenarioError
from cybergeo.scenario.schema import SocietySpec
from cybergeo.scenario.uprisings import RegimeOutcomeSpec

unit = st.floats(0.0, 1.0)


def _world(uprisings: dict[str, Any], **overrides: Any) -> Scenario:
    """A restless Spark, a calm Neighbour speaking its language, a Far country, 40 steps."""
    return load_scenario(
        {
            "steps": 40,
            "countries": [
                {"id": "Spark", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.3},
                {"id": "Neighbour", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.95},
                {"id": "Far", "citizens": 200, "legitimacy": 0.95},
            ],
            "world": {"semantic": {"homophily": 0.7}},
            "society": {"police_per_citizen": 0.02},
            "uprisings": uprisings,
            **overrides,
        }
    )


@given(st.lists(unit, min_size=1, max_size=20), unit)
def test_emboldening_stays_in_unit_interval_and_grows(start: list[float], impact: float):
    values = np.array(start)
    before = values.copy()
    embolden(values, np.ones(len(values), dtype=bool), np.ones(len(values)), impact)
    assert np.all(values >= before) and np.all(values <= 1.0)


def test_emboldened_citizens_protest_more():
    """Epstein's rule with the perceived risk discounted: more citizens act."""
    rng = np.random.default_rng(0)
    citizens = CitizenPopulation.generate(np.zeros(2000, dtype=int), np.array([0.6]), rng)
    who = np.arange(2000)
    cops, actives = np.full(2000, 3.0), np.ones(2000)
    rules = SocietySpec(arrest_rate=0.0)
    calm = citizens.mobilise(who, citizens.grievance(), cops, actives, rules, rng)
    calm_share = np.mean(citizens.activity == Activity.PROTESTING)
    citizens.emboldened[:] = 0.8
    citizens.mobilise(who, citizens.grievance(), cops, actives, rules, rng)
    assert np.mean(citizens.activity == Activity.PROTESTING) > calm_share
    assert calm == (0, 0)


@given(unit, st.integers(0, 10))
def test_a_fallen_regime_stays_fallen(protest: float, held: int):
    spec = RegimeOutcomeSpec()
    assert crisis_step(RegimeStatus.FALLEN, protest, held, spec)[0] == RegimeStatus.FALLEN


def test_protest_posts_follow_the_protesters():
    metrics = simulate(_world({"voice_rate": 0.5}), seed=1).metrics
    posts, protest = metrics["protest_posts.Spark"], metrics["protest_share.Spark"]
    protesters = protest.shift(1) * 200
    ratio = posts.iloc[1:].sum() / protesters.iloc[1:].sum()
    assert posts.sum() > 0 and ratio == pytest.approx(0.5, abs=0.1)


def test_news_from_a_country_of_the_same_language_emboldens_more():
    """Coverage abroad carries Spark's streets to its neighbours; those who share its
    language take more courage from them."""
    news = {"coverage": 0.5, "newsworthy": 0.1}
    kin = _world({**news, "languages": {"Spark": "arabic", "Neighbour": "arabic"}})
    strangers = _world(news)
    column = "emboldened.Neighbour"
    kin_runs = [simulate(kin, seed=s) for s in range(3)]
    kin_bold = [run.metrics[column].mean() for run in kin_runs]
    far_bold = [simulate(strangers, seed=s).metrics[column].mean() for s in range(3)]
    assert np.mean(kin_bold) > 2 * np.mean(far_bold)
    events = kin_runs[1].events
    covered = events[events["kind"] == "protest_news"]
    assert set(covered["target"]) == {"Spark"}


def test_full_streets_topple_an_autocrat_but_not_a_democracy():
    outcome = {"outcome": {"crisis_share": 0.01, "fall_share": 0.02, "fall_after": 3}}
    countries = [
        {"id": "Spark", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.2},
        {"id": "Free", "citizens": 200, "legitimacy": 0.2},
    ]
    run = simulate(_world(outcome, countries=countries), seed=1)
    kinds = run.events.groupby("actor")["kind"].apply(set)
    assert {"regime_crisis", "repression", "regime_fall"} <= kinds["Spark"]
    assert "concession" in kinds["Free"] and "regime_fall" not in kinds["Free"]
    assert run.metrics["regime_status.Spark"].iloc[-1] == RegimeStatus.FALLEN
    assert run.metrics["regime_falls"].sum() == 1


def test_a_fall_is_news_everywhere_and_emboldens_the_neighbours():
    countries = [
        {"id": "Spark", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.2},
        {"id": "Neighbour", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.95},
    ]
    outcome = {"crisis_share": 0.01, "fall_share": 0.02, "fall_after": 3}
    with_fall = _world({"outcome": outcome, "fall_impact": 0.8}, countries=countries)
    run = simulate(with_fall, seed=2)
    fall = int(run.events.loc[run.events["kind"] == "regime_fall", "step"].min())
    bold = run.metrics.set_index("step")["emboldened.Neighbour"]
    assert bold[fall] > bold[fall - 1] == 0.0


def test_without_uprisings_nothing_is_recorded():
    columns = simulate(_world({}), seed=1).metrics.columns
    assert not [c for c in columns if c.startswith(("protest_posts", "regime_status"))]


def test_languages_must_name_countries():
    with pytest.raises(ScenarioError, match="unknown country 'Atlantis'"):
        _world({"languages": {"Atlantis": "arabic"}})


def test_repression_backfires_into_resentment():
    countries = [
        {"id": "Spark", "regime": "authoritarian", "citizens": 200, "legitimacy": 0.2},
        {"id": "Calm", "citizens": 200, "legitimacy": 0.95},
    ]
    outcome = {"crisis_share": 0.01, "fall_share": 0.99, "backfire": 0.02}
    run = simulate(_world({"outcome": outcome}, countries=countries, steps=15), seed=1)
    quiet = simulate(
        _world({"outcome": {**outcome, "backfire": 0.0}}, countries=countries, steps=15), seed=1
    )
    column = "grievance.Spark"
    assert run.metrics[column].iloc[-1] > quiet.metrics[column].iloc[-1]
