"""The governance arena: stances move the right way, bodies decide by their rule, the hegemon
concedes under pressure, and sovereign measures change the world."""

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergeo import CyberspaceModel, ScenarioError, load_scenario, simulate
from cybergeo.dynamics.governance import (
    Arena,
    adopted,
    sovereignty_vote,
    stance_target,
    support,
    swing,
)
from cybergeo.dynamics.governance_phase import _put_into_force
from cybergeo.scenario.governance import BodyKind, DecisionRule, Measure, StanceSpec

ARENA: dict[str, Any] = {
    "steps": 10,
    "countries": [
        {"id": "Hegemon", "citizens": 40, "regime": "democracy", "mass_surveillance": True},
        {"id": "Ally", "citizens": 40, "regime": "democracy", "allies": ["Hegemon"]},
        {"id": "Swing", "citizens": 40, "regime": "hybrid"},
        {"id": "Sovereign", "citizens": 40, "regime": "authoritarian"},
    ],
    "firms": [{"id": "Search", "home": "Hegemon", "compliance": 1.0}],
    "governance": {
        "hegemon": {"id": "Hegemon", "concession_threshold": 0.05},
        "bodies": [
            {"id": "Treaty", "kind": "intergovernmental", "rule": "majority"},
            {
                "id": "Names",
                "members": ["Hegemon", "Ally", "Swing", "Search"],
                "civil_society": ["Society"],
            },
        ],
        "proposals": [
            {"id": "Regs", "body": "Treaty", "step": 2, "effects": ["localisation"]},
            {
                "id": "Transfer",
                "body": "Names",
                "kind": "stewardship_transfer",
                "after_concession": 3,
            },
        ],
        "stance": {"drift": 0.05},
        "measures": {"delay": 5},
    },
}


def _arena(**governance: Any) -> Arena:
    spec = {**ARENA["governance"], **governance}
    return Arena.build(load_scenario({**ARENA, "governance": spec}))


# -- pure rules --------------------------------------------------------------------------


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_pressure_moves_stances_towards_sovereignty_only(anchor: float, lost: float) -> None:
    target = stance_target(np.array([anchor]), lost, np.zeros(1), StanceSpec())
    assert anchor <= target[0] <= 1.0


def test_swing_states_move_more_than_committed_ones() -> None:
    anchors = np.array([0.05, 0.5, 0.95])
    shift = stance_target(anchors, 0.2, np.zeros(3), StanceSpec()) - anchors
    assert shift[1] > shift[0] and shift[1] > shift[2]
    assert swing(np.array([0.0, 1.0])).tolist() == [0.0, 0.0]


def test_tension_with_the_hegemon_pushes_towards_sovereignty() -> None:
    anchors = np.array([0.5, 0.5])
    target = stance_target(anchors, 0.0, np.array([0.0, 0.3]), StanceSpec())
    assert target[1] > target[0] == 0.5


def test_sovereigntists_vote_for_sovereignty_texts() -> None:
    chances = sovereignty_vote(np.array([0.1, 0.5, 0.9]), 0.1)
    assert chances[0] < 0.05 and chances[1] == pytest.approx(0.5) and chances[2] > 0.95


def test_decision_rules() -> None:
    assert adopted(DecisionRule.CONSENSUS, 1.0, 0.67)
    assert not adopted(DecisionRule.CONSENSUS, 0.95, 0.67)
    assert adopted(DecisionRule.MAJORITY, 0.51, 0.67)
    assert not adopted(DecisionRule.MAJORITY, 0.5, 0.67)
    assert adopted(DecisionRule.QUALIFIED_MAJORITY, 0.67, 0.67)
    assert not adopted(DecisionRule.QUALIFIED_MAJORITY, 0.6, 0.67)


def test_stakeholder_groups_weigh_the_same_in_a_multistakeholder_body() -> None:
    yes = np.array([True, True, True, False, False])
    groups = ["states", "states", "states", "firms", "civil_society"]
    assert support(yes, groups, BodyKind.MULTISTAKEHOLDER) == pytest.approx(1 / 3)
    assert support(yes, groups, BodyKind.INTERGOVERNMENTAL) == 1.0, "only states vote"


# -- the arena ---------------------------------------------------------------------------


def test_stances_start_from_regime_or_scenario() -> None:
    arena = _arena(stance={"initial": {"Swing": 0.45}})
    assert arena.anchor.tolist() == [0.25, 0.25, 0.45, 0.8]
    assert arena.swing_states().tolist() == [1, 2], "the hegemon is never a swing state"


def test_a_leak_about_the_hegemon_costs_it_legitimacy_and_moves_swing_states() -> None:
    arena = _arena()
    quiet = np.full((4, 4), 0.1)
    assert not arena.surveillance_revealed(2, 0.3), "a leak about another state costs nothing"
    assert arena.legitimacy == 0.8
    assert arena.surveillance_revealed(0, 0.3)
    assert arena.legitimacy == pytest.approx(0.56)
    for _ in range(20):
        arena.drift(quiet, quiet)
    moved = arena.stance - arena.anchor
    assert moved[2] > moved[3] > 0, "the swing state moves most"
    assert moved[0] == 0, "the hegemon keeps its stance"
    assert 0.56 < arena.legitimacy < 0.8, "legitimacy recovers slowly"


def test_without_a_leak_nothing_moves_and_nobody_concedes() -> None:
    arena = _arena()
    quiet = np.full((4, 4), 0.1)
    for step in range(50):
        arena.drift(quiet, quiet)
        assert not arena.concedes(step)
    assert np.array_equal(arena.stance, arena.anchor)


def test_the_hegemon_concedes_once_under_pressure_and_regains_legitimacy() -> None:
    arena = _arena()
    quiet = np.full((4, 4), 0.1)
    arena.surveillance_revealed(0, 0.5)
    conceded = []
    for step in range(200):
        arena.drift(quiet, quiet)
        before = arena.legitimacy
        if arena.concedes(step):
            conceded.append(step)
            assert arena.legitimacy > before
    assert len(conceded) == 1
    assert [p.id for p in arena.due(conceded[0] + 3)] == ["Transfer"]


def test_signatories_of_an_adopted_treaty_draft_its_measures_in_force_later() -> None:
    arena = _arena()
    vote = arena.vote(arena.spec.proposals[0], 2, np.array([0.99, 0.99, 0.0, 0.0]))
    assert vote.adopted is False, "two of four is no majority"
    vote = arena.vote(arena.spec.proposals[0], 2, np.array([0.99, 0.0, 0.0, 0.0]))
    assert vote.adopted and vote.state_yes == {0: False, 1: True, 2: True, 3: True}
    assert vote.drafted == [(i, Measure.LOCALISATION) for i in (1, 2, 3)]
    again = arena.vote(arena.spec.proposals[0], 3, np.zeros(4))
    assert again.drafted == [(0, Measure.LOCALISATION)], "only the new signatory drafts"
    assert arena.coming_into_force(6) == []
    assert sorted(arena.coming_into_force(7)) == [(i, Measure.LOCALISATION) for i in (1, 2, 3)]


def test_a_stewardship_transfer_by_consensus_restores_legitimacy() -> None:
    arena = _arena()
    arena.surveillance_revealed(0, 0.5)
    transfer = arena.spec.proposals[1]
    assert not arena.vote(transfer, 9, np.array([0.0, 0.0, 0.0, 0.0, 0.999])).adopted
    before = arena.legitimacy
    assert arena.vote(transfer, 9, np.zeros(5)).adopted
    assert arena.transferred and arena.legitimacy > before


# -- in the model ------------------------------------------------------------------------


def test_without_a_governance_section_no_arena_is_recorded() -> None:
    result = simulate({"steps": 3}, seed=1)
    assert "cross_border_open" in result.metrics
    assert not any(c.startswith(("stance.", "hegemon_")) for c in result.metrics.columns)
    assert not result.events["kind"].isin(["vote", "concession", "measure_drafted"]).any()


def test_votes_and_outcomes_are_recorded() -> None:
    result = simulate(load_scenario(ARENA), seed=3)
    events, metrics = result.events, result.metrics
    assert (events["kind"] == "vote").sum() == 4
    assert events["kind"].isin(["proposal_adopted", "proposal_rejected"]).sum() == 1
    assert metrics["support.Regs"].isna().iloc[0] and metrics["support.Regs"].notna().iloc[-1]
    assert set(metrics["sovereign_votes.Regs.all"].dropna()) <= {0.0, 0.25, 0.5, 0.75, 1.0}


def test_a_localisation_law_makes_foreign_platforms_relocate_or_leave() -> None:
    """Compliance 1: the platform relocates and answers as home; compliance 0: it leaves the
    market and is blocked there."""
    outcomes = {}
    for compliance in (1.0, 0.0):
        scenario = load_scenario(
            {
                **ARENA,
                "firms": [{"id": "Search", "home": "Hegemon", "compliance": compliance}],
            }
        )
        model = CyberspaceModel(scenario, rng=1)
        model.step()
        _put_into_force(model, 3, Measure.LOCALISATION)
        firm = model.firms["Search"]
        platform = model.world.systems.name.index("Search")
        outcomes[compliance] = (
            firm.answers_as_home("Sovereign"),
            firm.user_share[3],
            bool(model.world.blocked[platform, 3]),
        )
    assert outcomes[1.0] == (True, 1.0, False)
    assert outcomes[0.0] == (False, 0.0, True)


def test_national_blocking_raises_censorship() -> None:
    model = CyberspaceModel(load_scenario(ARENA), rng=1)
    before = model.states[3].censorship_capacity
    _put_into_force(model, 3, Measure.BLOCKING)
    model.step()
    assert model.states[3].censorship_capacity == pytest.approx(before + 0.2)
    assert model.states[3].censorship > before


def test_bad_governance_references_are_errors() -> None:
    bad = {
        **ARENA,
        "governance": {
            "hegemon": {"id": "Atlantis"},
            "bodies": [{"id": "Names", "members": ["Nobody"]}],
            "proposals": [{"id": "P", "body": "Elsewhere", "step": 1}],
            "stance": {"initial": {"Ghost": 0.5}},
        },
    }
    with pytest.raises(ScenarioError) as error:
        load_scenario(bad)
    text = str(error.value)
    for name in ("Atlantis", "Nobody", "Elsewhere", "Ghost"):
        assert name in text


def test_a_proposal_needs_exactly_one_schedule() -> None:
    proposal = {"id": "P", "body": "Treaty", "step": 1, "after_concession": 2}
    with pytest.raises(ScenarioError, match="exactly one of step and after_concession"):
        load_scenario({**ARENA, "governance": {**ARENA["governance"], "proposals": [proposal]}})


def test_in_a_run_a_leak_about_the_hegemon_brings_swing_states_and_a_concession() -> None:
    """Whole runs, with and without the leak: only the leak moves the swing state towards
    sovereignty and makes the hegemon concede."""
    leak = {
        "insiders": [{"id": "Leaker", "employer": "Hegemon", "conscience": 0.0}],
        "events": [{"step": 5, "kind": "leak", "actor": "Leaker"}],
    }
    runs = {}
    for name, extra in (("quiet", {}), ("leak", leak)):
        scenario = load_scenario({**ARENA, **extra, "steps": 80})
        runs[name] = simulate(scenario, seed=4)
    quiet, leaked = (runs[n].metrics.set_index("step") for n in ("quiet", "leak"))
    assert quiet["stance.Swing"].iloc[-1] == pytest.approx(0.6)
    assert leaked["stance.Swing"].iloc[-1] > 0.65
    assert leaked["hegemon_legitimacy"].min() < quiet["hegemon_legitimacy"].min() == 0.8
    assert quiet["concession"].max() == 0 < leaked["concession"].max()
    assert (runs["leak"].events["kind"] == "concession").sum() == 1
