"""Platforms act during a run: transparency reports, encryption, and what complicity yields
to the state that asked (the PRISM pattern)."""

from typing import Any

import numpy as np
import pytest

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.actors.firm_decisions import collection_yield, restored_reputation
from cybergeo.dynamics.governance_phase import collection

PRISM: dict[str, Any] = {
    "steps": 10,
    "countries": [
        {"id": "Hegemon", "citizens": 60, "mass_surveillance": True, "rivals": ["Rival"]},
        {"id": "Rival", "citizens": 60, "regime": "authoritarian", "rivals": ["Hegemon"]},
        {"id": "Third", "citizens": 60},
    ],
    "firms": [{"id": "Search", "home": "Hegemon", "compliance": 1.0, "security_investment": 1.0}],
}


def _model(**platforms: Any) -> CyberspaceModel:
    scenario = load_scenario({**PRISM, "governance": {"platforms": platforms}})
    return CyberspaceModel(scenario, rng=1)


def test_transparency_wins_back_part_of_lost_reputation() -> None:
    assert restored_reputation(0.6, 0.5) == pytest.approx(0.8)
    assert restored_reputation(1.0, 0.5) == 1.0


def test_collection_counts_foreign_users_less_encryption() -> None:
    shares = np.array([1.0, 0.5, 0.0])
    assert collection_yield(shares, 0, 0.0) == pytest.approx(0.25)
    assert collection_yield(shares, 0, 0.6) == pytest.approx(0.1)


def test_a_complicit_platform_gives_its_state_collection() -> None:
    model = _model()
    firm = model.firms["Search"]
    assert firm.complicit_with == {"Hegemon"}
    assert collection(model, 0) == pytest.approx(1.0)
    assert collection(model, 1) == 0.0, "no request, no collection"


def test_only_an_exposed_platform_answers_and_only_when_enabled() -> None:
    model = _model(transparency_rate=1.0, encryption_rate=1.0)
    firm = model.firms["Search"]
    assert firm.respond(model.spec.governance.platforms) == []
    firm.exposed(0.3)
    assert firm.respond(model.spec.governance.platforms) == ["transparency_report", "encryption"]
    assert firm.respond(model.spec.governance.platforms) == ["transparency_report"]
    inert = _model()
    inert.firms["Search"].exposed(0.3)
    assert inert.firms["Search"].respond(inert.spec.governance.platforms) == []


def test_transparency_reports_restore_reputation_over_a_run() -> None:
    reputations = {}
    for rate in (0.0, 0.5):
        model = _model(transparency_rate=rate)
        model.firms["Search"].exposed(0.3)
        for _ in range(10):
            model.step()
        reputations[rate] = model.firms["Search"].reputation
    assert reputations[0.5] > reputations[0.0] == pytest.approx(0.7)


def test_encryption_shields_collection_and_later_leaks() -> None:
    model = _model(encryption_rate=1.0, encryption_shield=0.7)
    firm = model.firms["Search"]
    firm.exposed(0.2)
    firm.respond(model.spec.governance.platforms)
    assert collection(model, 0) == pytest.approx(0.9 * 0.3), "users left, the rest encrypted"
    before = firm.reputation
    firm.exposed(0.2)
    assert firm.reputation == pytest.approx(before * (1 - 0.2 * 0.3))


def test_collection_gives_the_state_more_clues() -> None:
    rates = {}
    for weight in (0.0, 1.0):
        model = _model(collection_weight=weight)
        model.states[0].surveillance = 0.2
        rates[weight] = model.incidents._clue_rate(0)
    assert rates[1.0] > rates[0.0]


def test_platform_answers_are_events() -> None:
    scenario = load_scenario(
        {
            **PRISM,
            "insiders": [{"id": "Leaker", "employer": "Hegemon"}],
            "events": [{"step": 1, "kind": "leak", "actor": "Leaker"}],
            "governance": {"platforms": {"transparency_rate": 1.0, "encryption_rate": 1.0}},
        }
    )
    model = CyberspaceModel(scenario, rng=2)
    for _ in range(3):
        model.step()
    kinds = model.recorder.events_frame()["kind"]
    assert (kinds == "firm_exposed").sum() == 1
    assert (kinds == "encryption").sum() == 1
    assert (kinds == "transparency_report").sum() == 3, "scheduled leaks come before decisions"
