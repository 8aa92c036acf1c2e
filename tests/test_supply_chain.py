"""The supply chain: poisoned updates, leaked exploits reused, collateral damage abroad."""

from typing import Any

import pytest

from cybergeo import CyberspaceModel, load_scenario, simulate
from cybergeo.dynamics.supply_chain import unpatched_share, wiped_share
from cybergeo.scenario import ScenarioError

NOTPETYA: dict[str, Any] = {
    "steps": 25,
    "countries": [
        {"id": "Kyiv", "citizens": 100, "rivals": ["Moscow"]},
        {"id": "Moscow", "citizens": 100, "regime": "authoritarian", "operations_rate": 0.0},
        {"id": "Copenhagen", "citizens": 60},
    ],
    "firms": [{"id": "Soft", "kind": "software", "home": "Kyiv"}],
    "supply_chain": {
        "products": [
            {
                "id": "Ledger",
                "vendor": "Soft",
                "country": "Kyiv",
                "governments": ["Kyiv"],
                "customers": [
                    {"country": "Kyiv", "organisations": 200, "hosts": 40},
                    {"country": "Copenhagen", "organisations": 4, "hosts": 20000},
                ],
            }
        ],
        "attacks": [{"step": 10, "author": "Moscow", "product": "Ledger", "persona": "Petya"}],
    },
}


def _scenario(**supply_chain: Any) -> Any:
    return load_scenario({**NOTPETYA, "supply_chain": {**NOTPETYA["supply_chain"], **supply_chain}})


def test_a_leaked_exploit_widens_the_wiper_until_machines_are_patched() -> None:
    assert wiped_share(0.3, 0.6, unpatched_share(None, 0.01)) == pytest.approx(0.3)
    fresh = wiped_share(0.3, 0.6, unpatched_share(0, 0.01))
    late = wiped_share(0.3, 0.6, unpatched_share(100, 0.01))
    assert fresh == pytest.approx(0.3 + 0.7 * 0.6)
    assert 0.3 < late < fresh


def test_most_infections_at_home_most_losses_abroad() -> None:
    metrics = simulate(_scenario(), seed=1).metrics.iloc[-1]
    infected = metrics["infected_organisations.Kyiv"]
    assert infected > 10 * metrics["infected_organisations.Copenhagen"]
    assert metrics["economic_loss.Copenhagen"] > metrics["economic_loss.Kyiv"]
    assert metrics["infected_organisations.Moscow"] == 0


def test_the_poisoned_update_takes_dependent_government_networks_down() -> None:
    model = CyberspaceModel(_scenario(), rng=2)
    government = model.world.systems.name.index("Kyiv-gov")
    for _ in range(10):
        model.step()
    assert not model.world.systems.up[government]


def test_a_leak_before_the_attack_raises_losses_and_is_logged_as_reused() -> None:
    leak = [{"step": 3, "leaker": "Brokers", "holder": "Copenhagen"}]
    without = simulate(_scenario(), seed=4)
    with_leak = simulate(_scenario(exploit_leaks=leak), seed=4)
    loss = "economic_loss.Copenhagen"
    assert with_leak.metrics[loss].iloc[-1] > without.metrics[loss].iloc[-1]
    kinds = set(with_leak.events["kind"])
    assert {"exploit_leak", "exploit_reused", "collateral_damage"} <= kinds
    assert "exploit_reused" not in set(without.events["kind"])


def test_the_victim_detects_the_attack_and_its_persona_frames_an_unknown_actor() -> None:
    model = CyberspaceModel(_scenario(), rng=5)
    for _ in range(12):
        model.step()
    ops = [op for op in model.operations if op.author == "Moscow"]
    assert ops and ops[0].false_flag == "unknown" and ops[0].detected == 10
    assert not [op for op in model.operations if op.author == "Moscow" and op.false_flag is None]


def test_unknown_products_and_systems_are_errors() -> None:
    bad = _scenario().model_dump(mode="json", exclude={"extends"})
    bad["supply_chain"]["attacks"][0]["product"] = "Nothing"
    leak = {"step": 1, "leaker": "X", "holder": "Kyiv", "system": "Nope"}
    bad["supply_chain"]["exploit_leaks"] = [leak]
    with pytest.raises(ScenarioError) as caught:
        load_scenario(bad)
    assert "Nothing" in str(caught.value) and "Nope" in str(caught.value)
