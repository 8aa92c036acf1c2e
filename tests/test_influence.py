"""Influence and counter-influence: each rule moves beliefs, tension and reach the way the
record says, in small worlds over a few seeds."""

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergeo import RunResult, load_scenario, simulate
from cybergeo.dynamics.influence import (
    disinformation_loss,
    host_reaction,
    propaganda_pull,
    receptive_pull,
)
from cybergeo.dynamics.information import Message, MessageKind
from cybergeo.model import CyberspaceModel
from cybergeo.scenario import Scenario, ScenarioError
from cybergeo.world.strata import AccountKind

SEEDS = range(4)
unit = st.floats(0.0, 1.0)


def _world(influence: dict[str, Any], **overrides: Any) -> Scenario:
    """Two rival states, a foreign platform and a national one, 300 citizens, 30 steps."""
    return load_scenario(
        {
            "steps": 30,
            "countries": [
                {"id": "Sender", "citizens": 100, "legitimacy": 0.8, "rivals": ["Host"]},
                {
                    "id": "Host",
                    "regime": "authoritarian",
                    "citizens": 200,
                    "legitimacy": 0.5,
                    "capabilities": {"censorship": 0.4},
                },
            ],
            "firms": [{"id": "Chirp", "home": "Sender"}],
            "influence": influence,
            **overrides,
        }
    )


def _mean_last(runs: list[RunResult]) -> pd.Series:
    """Each metric's last value, averaged over the runs."""
    return pd.DataFrame([run.metrics.iloc[-1] for run in runs]).mean()


def _runs(scenario: Scenario) -> list[RunResult]:
    """One run per seed."""
    return [simulate(scenario, seed=s) for s in SEEDS]


@given(unit, unit, unit, unit)
def test_ambassadors_move_distrustful_citizens_more(low: float, high: float, a: float, i: float):
    """Receptivity falls with trust in one's own government, and stays a pull towards 1."""
    low, high = sorted((low, high))
    pulls = receptive_pull(i, np.array([low, high]), np.array([a, a]))
    assert pulls[0] >= pulls[1] >= 0.0
    assert a + pulls[0] <= 1.0


@given(unit, unit, unit)
def test_counter_influence_only_weakens(impact: float, label: float, debunking: float):
    corrected = np.array([False, True])
    loss = disinformation_loss(impact, np.full(2, label), corrected, debunking)
    assert 0.0 <= loss[1] <= loss[0] <= impact
    pull = propaganda_pull(impact, np.full(2, 0.5), np.array([False, True]), np.zeros(2), 1.0)
    assert pull[1] == 0.0 and pull[0] >= 0.0


def test_host_takes_more_offence_at_wider_reach_and_tighter_control():
    assert host_reaction(0.5, 0.8, 0.2) > host_reaction(0.5, 0.8, 0.1) > 0.0
    assert host_reaction(0.5, 0.9, 0.1) > host_reaction(0.5, 0.1, 0.1)


def test_an_ambassador_wins_standing_with_low_trust_hosts_and_raises_tension():
    """Propaganda splits the host's public (those who circumvent escape it); the ambassador
    then wins more standing among the low-trust part, and strains relations with the host."""
    split = {"propaganda": [{"state": "Host", "post_rate": 1.0, "impact": 0.05}]}
    envoy = {"id": "Envoy", "sender": "Sender", "host": "Host", "reach": 0.2}
    circumvention = {"world": {"semantic": {"circumvention": 0.4}}}
    posting = _world({**split, "embassies": [{**envoy, "post_rate": 1.0}]}, **circumvention)
    silent = _world({**split, "embassies": [{**envoy, "post_rate": 0.0}]}, **circumvention)
    posted = _runs(posting)
    after, before = _mean_last(posted), _mean_last(_runs(silent))
    assert after["standing_low_trust.Sender.Host"] > after["standing_high_trust.Sender.Host"]
    assert after["standing_in_host.Sender.Host"] > before["standing_in_host.Sender.Host"]
    assert after["tension.Sender-Host"] > before["tension.Sender-Host"]
    run = posted[1]  # seed 1
    assert (run.events["kind"] == "ambassador_post").sum() == run.metrics["ambassador_posts"].sum()
    assert run.metrics["account_reach.embassy.Envoy"].sum() > 0


def test_propaganda_raises_trust_among_those_who_do_not_circumvent():
    campaign = {"propaganda": [{"state": "Host", "post_rate": 1.0, "impact": 0.05}]}
    world = _world(campaign, world={"semantic": {"circumvention": 0.4}})
    for seed in SEEDS:
        metrics = simulate(world, seed=seed).metrics
        others = metrics["trust_others.Host"]
        circumventers = metrics["trust_circumventers.Host"]
        assert others.iloc[-1] - others.iloc[0] > 0.02
        assert others.iloc[-1] - others.iloc[0] > circumventers.iloc[-1] - circumventers.iloc[0]


def test_a_blocked_platform_reaches_home_through_circumvention_only():
    """The state that blocks a platform keeps its followers abroad; at home on that platform
    it reaches about those who circumvent."""
    world = load_scenario(
        {
            "steps": 8,
            "countries": [
                {"id": "Sender", "citizens": 300},
                {"id": "Host", "regime": "authoritarian", "citizens": 900},
            ],
            "firms": [{"id": "Chirp", "home": "Sender"}],
            "world": {"semantic": {"circumvention": 0.3}, "hardware": {"outage_rate": 0.0}},
            "influence": {"propaganda": [{"state": "Host", "post_rate": 0.0}]},
            "events": [
                {
                    "step": 1,
                    "kind": "censorship",
                    "actor": "Host",
                    "target": "Chirp",
                    "duration": 20,
                }
            ],
        }
    )
    last = [simulate(world, seed=seed).metrics.iloc[-1] for seed in SEEDS]
    abroad = [
        m[c] for m in last for c in m.index if c.startswith("audience.state_channel.Host.Sender")
    ]
    assert abroad and all(share == 1.0 for share in abroad)
    home = np.mean([m["audience.state_channel.Host.Host.Chirp"] for m in last])
    circumvention = np.mean([m["circumvention.Host"] for m in last])
    assert abs(home - circumvention) < 0.1
    assert home < 0.5


def test_debunking_and_labels_blunt_disinformation():
    """The same disinformation reaching everyone costs less trust where a correction and
    labels answer it."""
    checkers = [{"id": "Checkers", "home": "Sender", "campaign": "factcheck", "reach": 0.5}]
    losses = []
    for influence in (
        {"ngos": checkers},
        {"ngos": checkers, "debunking": 0.8},
        {"ngos": checkers, "debunking": 0.8, "labels": {"Chirp": 0.5}},
    ):
        model = CyberspaceModel(_world(influence), rng=1)
        assert model.influence is not None
        accounts = model.world.accounts
        source = accounts.account(AccountKind.MEDIA, "Sender")
        message = Message(MessageKind.DISINFORMATION, source, 1, 0, 0.2)
        before = model.citizens.trust_government.copy()
        everyone = np.ones(len(accounts.kind), dtype=bool)
        model.influence.moves(message, everyone, accounts.open_adjacency())
        senders = model.citizens.country == 0
        losses.append(float((before - model.citizens.trust_government)[senders].mean()))
    assert losses[0] > losses[1] > losses[2] > 0.0


def test_a_liberties_campaign_lowers_trust_at_home():
    ngo = {"ngos": [{"id": "Rights", "home": "Host", "reach": 0.3, "post_rate": 1.0}]}
    quiet = _world({"ngos": [{**ngo["ngos"][0], "post_rate": 0.0}]})
    column = "trust_government.Host"
    assert _mean_last(_runs(_world(ngo)))[column] < _mean_last(_runs(quiet))[column]


def test_without_influence_nothing_is_recorded():
    columns = simulate(_world({}), seed=1).metrics.columns
    assert not [c for c in columns if c.startswith(("account_reach", "audience", "standing_low"))]


@pytest.mark.parametrize(
    ("influence", "message"),
    [
        ({"embassies": [{"id": "E", "sender": "Atlantis", "host": "Host"}]}, "unknown country"),
        ({"ngos": [{"id": "N", "home": "Host", "target": "Mu"}]}, "unknown country 'Mu'"),
        ({"labels": {"Nowhere": 0.5}}, "unknown platform firm 'Nowhere'"),
    ],
)
def test_influence_names_must_exist(influence: dict[str, Any], message: str):
    with pytest.raises(ScenarioError, match=message):
        _world(influence)
