"""The Mesa model: builds the world and the actors from a scenario and runs the phases of a
step in order.

It knows nothing of files, command lines or plots. One step runs, in order: environment
(with the scheduled events), decisions, resolution, information, attribution, diplomacy,
society, record (DESIGN.md §3); each phase is one function of `cybergeo.phases`, and the
rules they apply live in `cybergeo.actors` and `cybergeo.dynamics`.
"""

import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import mesa
import numpy as np
from mesa.experimental.scenarios import Scenario as MesaScenario

from cybergeo.actors.citizens import CitizenPopulation
from cybergeo.actors.firm import FirmAgent
from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.publisher import PublisherAgent
from cybergeo.actors.state import StateAgent
from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.dynamics.contagion import ProtestNews
from cybergeo.dynamics.crises import CrisisDesk
from cybergeo.dynamics.diplomacy import Relations, initial_relations
from cybergeo.dynamics.governance import Arena
from cybergeo.dynamics.incidents import IncidentDesk
from cybergeo.dynamics.influence import InfluenceCampaigns
from cybergeo.dynamics.information import Message
from cybergeo.dynamics.operations import Operation
from cybergeo.dynamics.publishing import PublishingDesk
from cybergeo.dynamics.regime import RegimeWatch
from cybergeo.dynamics.stockpiles import stock_zero_days
from cybergeo.dynamics.supply_chain import SupplyChainDesk
from cybergeo.dynamics.surveillance import request_cooperation
from cybergeo.phases import (
    attribution,
    decisions,
    diplomacy,
    environment,
    information,
    record,
    resolution,
    society,
)
from cybergeo.record import Recorder
from cybergeo.scenario import Scenario
from cybergeo.scenario.keywords import scenario_from_keywords
from cybergeo.scenario.schema import Regime
from cybergeo.world.strata import AccountKind
from cybergeo.world.world import World, build_world


class CyberspaceModel(mesa.Model):
    """Cyberspace geopolitics on three strata, seeded through `rng` for exact replay.

    `scenario` is a `Scenario`, a mapping or the path of a YAML file (loaded with
    `load_scenario`); `spec` is the validated scenario (Mesa reserves `scenario` for its own
    parameters). A file may also come as `source`, with dotted overrides as keywords: this
    is how Mesa's SolaraViz creates and resets models (see `cybergeo.scenario.keywords`).

    Examples
    --------
    >>> model = CyberspaceModel({"steps": 3}, rng=1)
    >>> for _ in range(3):
    ...     model.step()
    >>> len(model.recorder.metric_rows)
    3
    """

    def __init__(
        self,
        scenario: Scenario | Mapping[str, Any] | str | Path | MesaScenario | None = None,
        rng: int | np.random.Generator | None = None,
        *,
        source: str | Path | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(rng=rng)
        scenario = scenario_from_keywords(scenario, source, settings)
        self.spec = scenario
        self.countries = scenario.country_ids()
        self.country_index = {name: i for i, name in enumerate(self.countries)}
        self.world: World = build_world(scenario, self.rng)
        self.states = [
            StateAgent(self, c, i, [self.country_index[r] for r in c.rivals])
            for i, c in enumerate(scenario.countries)
        ]
        self.firms = {
            f.id: FirmAgent(self, f, scenario.countries, self.world) for f in scenario.firms
        }
        self.groups = {g.id: HacktivistGroup(self, g, len(self.countries)) for g in scenario.groups}
        self.insiders = [Whistleblower(self, i) for i in scenario.insiders]
        n_citizens = self.world.accounts.n_citizens
        legitimacy = np.array([c.legitimacy for c in scenario.countries])
        self.citizens = CitizenPopulation.generate(
            self.world.accounts.country[:n_citizens],
            legitimacy,
            self.rng,
            np.array([c.repeat_protest_is_crime for c in scenario.countries]),
            scenario.society.repeat_offence_after + 1,
            np.array([list(Regime).index(c.regime) for c in scenario.countries], dtype=np.int8),
        )
        self.relations: Relations = initial_relations(scenario)
        self.arena = Arena.build(scenario)
        self.recorder = Recorder()
        self.incidents = IncidentDesk(self)
        self.operations: list[Operation] = []
        self.operation_ids: Iterator[int] = itertools.count()
        self.hardware_down_until = np.zeros(len(self.world.infrastructure), dtype=np.int64)
        self.system_down_until = np.zeros(len(self.world.systems), dtype=np.int64)
        self.blocked_until = np.zeros_like(self.world.blocked, dtype=np.int64)
        self.false_flag_until: dict[str, tuple[str, int]] = {}
        self.surveillance_programmes: set[str] = {
            c.id for c in scenario.countries if c.mass_surveillance
        }
        self.messages: list[Message] = []
        self.counter_operations: list[tuple[int, int]] = []
        self.counts: dict[str, int] = {}
        stock_zero_days(self)
        request_cooperation(self)
        uprisings, outcome = scenario.uprisings, scenario.uprisings.outcome
        self.influence = InfluenceCampaigns(self) if scenario.influence.configured() else None
        self.protest_news = ProtestNews(self) if uprisings.configured() else None
        self.regimes = RegimeWatch(self, outcome) if outcome is not None else None
        publishers = [
            PublisherAgent(
                self, p, self.world.accounts.account(AccountKind.PUBLISHER, p.id), n_citizens
            )
            for p in scenario.publishing.publishers
        ]
        self.publishing = PublishingDesk(self, publishers)
        self.supply_chain = SupplyChainDesk(self)
        self.crises = CrisisDesk(self)

    def emit(self, kind: str, actor: str | None, target: str | None, **fields: Any) -> None:
        """Log an event at the current step."""
        self.recorder.event(self.steps, kind, actor, target, **fields)

    def count(self, name: str, amount: int = 1) -> None:
        """Add to one of this step's counts."""
        self.counts[name] = self.counts.get(name, 0) + amount

    def _repr_html_(self) -> str:
        """In Jupyter: a summary table and the overview of the steps run so far."""
        from cybergeo.viz.html import run_html

        return run_html(self.spec, int(self.scenario.rng), self.recorder.metrics_frame())

    def counted(self, name: str) -> int:
        """This step's count so far."""
        return self.counts.get(name, 0)

    def step(self) -> None:
        """Advance one step (one day by default) through the eight phases."""
        self.counts = {}
        environment(self)
        plans = decisions(self)
        resolution(self, plans)
        information(self)
        attribution(self)
        diplomacy(self)
        society(self)
        record(self)
