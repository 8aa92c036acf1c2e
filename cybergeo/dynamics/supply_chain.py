"""The supply chain: poisoned updates, leaked state exploits, collateral damage abroad.

A state that compromises a vendor's update server reaches every organisation running the
product, wherever it is; inside each, the wiper spreads with stolen credentials and, while
machines stay unpatched, through a state exploit dumped in public earlier. Losses are booked
where the organisations are based, so a multinational's office in the target country brings
the damage home to it. The attack can pose as a criminal: its clues then frame an unknown
non-state actor.
"""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.dynamics.effects import record_launch, take_effect
from cybergeo.dynamics.operations import Operation, OperationKind
from cybergeo.dynamics.planning import plan_operation
from cybergeo.scenario.spec import UNKNOWN_ACTOR
from cybergeo.scenario.supply_chain import Product, SupplyChainAttack
from cybergeo.view import ModelView
from cybergeo.world.strata import VulnerabilityStatus


def wiped_share(credential_spread: float, exploit_spread: float, unpatched: float) -> float:
    """Share of an infected organisation's machines the wiper reaches: those open to stolen
    credentials, then, of the rest, those the leaked exploit opens while still unpatched."""
    return credential_spread + (1.0 - credential_spread) * exploit_spread * unpatched


def unpatched_share(steps_since_leak: int | None, deployment: float) -> float:
    """Share of machines still open to a leaked exploit: all of them until a leak makes the
    patch urgent, then falling by `deployment` per step; no leak, no exploit to use (0)."""
    if steps_since_leak is None:
        return 0.0
    return float((1.0 - deployment) ** max(steps_since_leak, 0))


@dataclass
class SupplyChainDesk:
    """Exploit leaks so far, and each country's infected organisations and losses."""

    model: ModelView
    leaks: list[tuple[int, str, str]] = field(default_factory=list)
    infected: np.ndarray = field(init=False)
    losses: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.model.countries)
        self.infected = np.zeros(n)
        self.losses = np.zeros(n)

    def leak_exploits(self) -> None:
        """This step's exploit dumps: the holder's zero-days in the system go public; a
        holder with none there loses its own secret flaw in it (its vendor's, at home)."""
        model = self.model
        systems = model.world.systems
        for leak in model.spec.supply_chain.exploit_leaks:
            if leak.step != model.steps:
                continue
            system = systems.name.index(leak.system)
            holder = model.country_index[leak.holder]
            in_system = systems.vuln_system == system
            held = np.flatnonzero(
                in_system
                & systems.status_is(VulnerabilityStatus.ZERO_DAY)
                & (systems.vuln_holder == holder)
            )
            if not len(held):
                held = np.flatnonzero(
                    in_system & systems.status_is(VulnerabilityStatus.UNDISCOVERED)
                )
                held = held[:1]
            systems.set_status(held, VulnerabilityStatus.PUBLIC)
            self.leaks.append((model.steps, leak.leaker, leak.holder))
            model.emit(
                "exploit_leak",
                leak.leaker,
                leak.holder,
                detail=f"{len(held)} exploits for {leak.system} made public",
            )

    def attack(self) -> None:
        """This step's poisoned updates land; the detection of phase 3 will see them."""
        model = self.model
        spec = model.spec.supply_chain
        for attack in spec.attacks:
            if attack.step == model.steps:
                product = next(p for p in spec.products if p.id == attack.product)
                self._poison(attack, product)

    def _poison(self, attack: SupplyChainAttack, product: Product) -> None:
        model = self.model
        systems = model.world.systems
        state = model.states[model.country_index[attack.author]]
        target = systems.name.index(product.id)
        op: Operation = plan_operation(model, OperationKind.SABOTAGE, state, target, None)
        if attack.persona:
            op.false_flag = UNKNOWN_ACTOR
        op.succeeded = True
        record_launch(
            model,
            op,
            f"sabotage on {product.id} via its update; succeeded"
            + (f"; poses as {attack.persona}" if attack.persona else ""),
        )
        model.emit(
            "supply_chain_attack",
            op.face,
            product.id,
            incident=op.id,
            true_author=op.author,
            detail=f"poses as {attack.persona}" if attack.persona else None,
        )
        take_effect(model, op)
        deployment = model.spec.supply_chain.patch_deployment
        unpatched = unpatched_share(self._steps_since_leak(), deployment)
        if unpatched > 0:
            leaked = self.leaks[-1]
            model.emit(
                "exploit_reused",
                op.face,
                leaked[2],
                incident=op.id,
                true_author=op.author,
                detail=f"leaked by {leaked[1]} on step {leaked[0]}; {unpatched:.0%} unpatched",
            )
        self._infect(op, product, unpatched)

    def _steps_since_leak(self) -> int | None:
        return self.model.steps - self.leaks[-1][0] if self.leaks else None

    def _infect(self, op: Operation, product: Product, unpatched: float) -> None:
        """Customers take the poisoned update; the wiper spreads inside each; losses are
        booked where each organisation is based, and damage abroad is logged as collateral."""
        model = self.model
        spec = model.spec.supply_chain
        share = wiped_share(spec.credential_spread, spec.exploit_spread, unpatched)
        for customer in product.customers:
            country = model.country_index[customer.country]
            hit = int(model.rng.binomial(customer.organisations, product.uptake))
            loss = hit * customer.hosts * share * customer.loss_per_host
            self.infected[country] += hit
            self.losses[country] += loss
            if hit and country != op.target_country:
                model.emit(
                    "collateral_damage",
                    op.face,
                    customer.country,
                    incident=op.id,
                    true_author=op.author,
                    detail=f"{hit} organisations hit; loss {loss:.0f}",
                )

    def step_metrics(self) -> dict[str, float]:
        """Each country's organisations infected and losses so far (stocks)."""
        if not self.model.spec.supply_chain.products:
            return {}
        metrics: dict[str, float] = {}
        for i, country in enumerate(self.model.countries):
            metrics[f"infected_organisations.{country}"] = float(self.infected[i])
            metrics[f"economic_loss.{country}"] = float(self.losses[i])
        return metrics
