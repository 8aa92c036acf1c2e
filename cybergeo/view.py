"""What the phases and mechanisms see of the model: a typed interface, not the model itself.

`cybergeo.model.CyberspaceModel` satisfies `ModelView`; the phases (`cybergeo.phases`) and the
mechanisms that act on the whole model (`cybergeo.dynamics`) take a `ModelView`, so none of
them imports `cybergeo.model` and the imports stay a tree (`tests/test_imports.py`).
"""

from collections.abc import Iterator
from typing import Any, Protocol

import numpy as np
from scipy import sparse

from cybergeo.actors.citizens import CitizenPopulation
from cybergeo.actors.firm import FirmAgent
from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.state import StateAgent
from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.dynamics.diplomacy import Relations
from cybergeo.dynamics.governance import Arena
from cybergeo.dynamics.information import Message
from cybergeo.dynamics.operations import Operation
from cybergeo.record import Recorder
from cybergeo.scenario.schema import Scenario
from cybergeo.world.world import World


class IncidentLog(Protocol):
    """The victims' side of operations, as the phases use it (`IncidentDesk`)."""

    def open(self, operation: Operation) -> None: ...

    def investigate(self) -> None: ...

    def step_metrics(self) -> dict[str, float]: ...


class InfluenceLog(Protocol):
    """Influence and counter-influence in a run (`InfluenceCampaigns`, 7.38-7.42)."""

    def post(self) -> None: ...

    def moves(self, message: Message, reached: np.ndarray, adjacency: sparse.csr_array) -> bool: ...

    def metrics(self) -> dict[str, float]: ...


class NewsLog(Protocol):
    """Protest news in a run (`ProtestNews`, 7.43-7.44)."""

    def regime_fell(self, country: int) -> None: ...

    def spread(self, adjacency: sparse.csr_array) -> None: ...

    def metrics(self) -> dict[str, float]: ...


class RegimeLog(Protocol):
    """Regime outcomes in a run (`RegimeWatch`, 7.45)."""

    def answer(self, protest: np.ndarray) -> list[int]: ...

    def metrics(self) -> dict[str, float]: ...


class CableDesk(Protocol):
    """Publishers and their cable releases (`cybergeo.dynamics.publishing.PublishingDesk`)."""

    def release(self) -> None: ...

    def payback(self) -> list[Operation]: ...

    def press(self) -> None: ...

    def publish(self) -> None: ...

    def step_metrics(self) -> dict[str, float]: ...


class SupplyChainLog(Protocol):
    """Exploit leaks and poisoned updates (`cybergeo.dynamics.supply_chain.SupplyChainDesk`)."""

    def leak_exploits(self) -> None: ...

    def attack(self) -> None: ...

    def step_metrics(self) -> dict[str, float]: ...


class CrisisLog(Protocol):
    """Provocations and institutions after crises (`cybergeo.dynamics.crises.CrisisDesk`)."""

    def provoke(self) -> None: ...

    def aftermath(self) -> None: ...

    def step_metrics(self) -> dict[str, float]: ...


class ModelView(Protocol):
    """The state of a run: scenario, world, actors, relations, queues and the step's counts."""

    rng: np.random.Generator
    steps: int
    spec: Scenario
    countries: list[str]
    country_index: dict[str, int]
    world: World
    states: list[StateAgent]
    firms: dict[str, FirmAgent]
    groups: dict[str, HacktivistGroup]
    insiders: list[Whistleblower]
    citizens: CitizenPopulation
    relations: Relations
    arena: Arena
    """The governance arena: stances, the hegemon, votes, sovereign measures."""
    recorder: Recorder
    operations: list[Operation]
    operation_ids: Iterator[int]
    hardware_down_until: np.ndarray
    """Step until which each hardware node stays down."""
    system_down_until: np.ndarray
    """Step until which each system stays disrupted."""
    blocked_until: np.ndarray
    """Step until which each platform stays blocked in each country."""
    false_flag_until: dict[str, tuple[str, int]]
    """Active false-flag campaigns: actor -> (framed actor, end step)."""
    surveillance_programmes: set[str]
    """States whose mass-surveillance programme is still secret."""
    messages: list[Message]
    """Messages posted this step, to spread in the information phase."""
    counter_operations: list[tuple[int, int]]
    """(author, target) of the counter-operations to launch next step."""

    @property
    def incidents(self) -> IncidentLog:
        """The incidents of the run (`cybergeo.dynamics.incidents.IncidentDesk`)."""

    @property
    def influence(self) -> InfluenceLog | None:
        """Influence campaigns, if the scenario sets any (`cybergeo.dynamics.influence`)."""

    @property
    def protest_news(self) -> NewsLog | None:
        """Protest news, if the scenario's uprisings post or cover it."""

    @property
    def regimes(self) -> RegimeLog | None:
        """Regime outcomes, if the scenario sets `uprisings.outcome`."""

    @property
    def publishing(self) -> CableDesk:
        """Publishers and their releases."""

    @property
    def supply_chain(self) -> SupplyChainLog:
        """Products, exploit leaks and supply-chain attacks."""

    @property
    def crises(self) -> CrisisLog:
        """Provocations and post-crisis institutions."""

    def emit(self, kind: str, actor: str | None, target: str | None, **fields: Any) -> None:
        """Log an event at the current step."""

    def count(self, name: str, amount: int = 1) -> None:
        """Add to one of this step's counts, reported by the record phase."""

    def counted(self, name: str) -> int:
        """This step's count so far."""
