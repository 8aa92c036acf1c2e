"""The Mesa model: builds the world from a scenario and runs the phases of a step.

It knows nothing of files, command lines or plots. One step runs, in order: environment,
decisions, resolution, information, attribution, diplomacy, society, record (DESIGN.md §3).
"""

import itertools
from typing import Any

import mesa
import numpy as np

from cybergeo.actors.citizens import Activity, CitizenPopulation
from cybergeo.actors.firm import FirmAgent
from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.state import StateAgent
from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.dynamics.crises import CrisisDesk
from cybergeo.dynamics.diplomacy import Escalation, Relations, initial_relations
from cybergeo.dynamics.incidents import IncidentDesk
from cybergeo.dynamics.information import Message, MessageKind, reach, update_beliefs
from cybergeo.dynamics.operations import (
    DETECTION_WINDOW,
    OUTAGE_STEPS,
    VISIBLE,
    Operation,
    OperationKind,
    detection_hazard,
    success_probability,
)
from cybergeo.dynamics.publishing import PublishingDesk
from cybergeo.dynamics.supply_chain import SupplyChainDesk
from cybergeo.record import Recorder
from cybergeo.scenario.schema import EventKind, FirmKind, Ideology, Scenario, ScheduledEvent
from cybergeo.world.strata import AccountKind, HardwareKind, SoftwareKind, VulnerabilityStatus
from cybergeo.world.world import World, build_world

DISRUPTIVE = {OperationKind.SABOTAGE, OperationKind.DDOS, OperationKind.DEFACEMENT}
DOXXING_IMPACT = 0.25
"""A doxxing's effect on beliefs, as a share of a full leak's."""
CO_OPTION_TENSION = 0.6
"""Tension with a rival above which a state looks for a deniable proxy among its patriots."""
CO_OPTION_RATE = 0.05
"""Chance per step that such a state co-opts an unsponsored patriotic group at home."""


class CyberspaceModel(mesa.Model):
    """Cyberspace geopolitics on three strata, seeded through `rng` for exact replay.

    `spec` is the validated scenario (Mesa reserves `scenario` for its own parameters).

    Examples
    --------
    >>> from cybergeo import load_scenario
    >>> model = CyberspaceModel(load_scenario({"steps": 3}), rng=1)
    >>> for _ in range(3):
    ...     model.step()
    >>> len(model.recorder.metric_rows)
    3
    """

    def __init__(self, scenario: Scenario, rng: int | np.random.Generator | None = None) -> None:
        super().__init__(rng=rng)
        self.spec = scenario
        self.countries = scenario.country_ids()
        self.country_index = {name: i for i, name in enumerate(self.countries)}
        self.world: World = build_world(scenario, self.rng)
        self.states = [StateAgent(self, c, i) for i, c in enumerate(scenario.countries)]
        self.firms = {f.id: FirmAgent(self, f) for f in scenario.firms}
        self.groups = {g.id: HacktivistGroup(self, g, len(self.countries)) for g in scenario.groups}
        self.insiders = [Whistleblower(self, i) for i in scenario.insiders]
        n_citizens = self.world.accounts.n_citizens
        legitimacy = np.array([c.legitimacy for c in scenario.countries])
        self.citizens = CitizenPopulation.generate(
            self.world.accounts.country[:n_citizens], legitimacy, self.rng
        )
        self.relations: Relations = initial_relations(scenario)
        self.recorder = Recorder()
        self.incidents = IncidentDesk(self)
        self.operations: list[Operation] = []
        self.operation_ids = itertools.count()
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
        self._stock_zero_days()
        self._request_surveillance_cooperation()
        self.publishing = PublishingDesk(self)
        self.supply_chain = SupplyChainDesk(self)
        self.crises = CrisisDesk(self)

    # ------------------------------------------------------------------ helpers for actors
    def rivals_of(self, state: int) -> list[int]:
        return [self.country_index[r] for r in self.spec.countries[state].rivals]

    def system_of(self, country: int, kind: SoftwareKind) -> int | None:
        """The first system of a kind in a country (its government network, its ICS...)."""
        systems = self.world.systems
        candidates = systems.of_kind(kind)
        owned = [s for s in candidates if systems.country[s] == country]
        return int(owned[0]) if owned else None

    def emit(self, kind: str, actor: str | None, target: str | None, **fields: Any) -> None:
        self.recorder.event(self.steps, kind, actor, target, **fields)

    def count(self, name: str, amount: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    # ------------------------------------------------------------------ the step
    def step(self) -> None:
        """Advance one step (one day by default) through the eight phases."""
        self.counts = {}
        self._environment()
        self._scheduled_events()
        self.publishing.release()
        self.supply_chain.leak_exploits()
        self.crises.provoke()
        plans = self._decisions()
        self.supply_chain.attack()
        plans += self.publishing.payback()
        self.publishing.press()
        self._resolution(plans)
        self._information()
        self.publishing.publish()
        self.incidents.investigate()
        self._diplomacy()
        self.crises.aftermath()
        self._society()
        self._record()

    # 1. environment -------------------------------------------------------------------------
    def _environment(self) -> None:
        """Flaws are found, disclosed and patched; damage is repaired; background outages."""
        world, rng, spec = self.world, self.rng, self.spec.world
        systems = world.systems
        undiscovered = np.flatnonzero(systems.status_is(VulnerabilityStatus.UNDISCOVERED))
        for state in self.states:
            found = undiscovered[
                rng.random(len(undiscovered))
                < spec.software.discovery_rate * state.spec.capabilities.offence
            ]
            foreign = found[systems.country[systems.vuln_system[found]] != state.index]
            systems.set_status(foreign, VulnerabilityStatus.ZERO_DAY, holder=state.index)
            undiscovered = np.setdiff1d(undiscovered, foreign)
        zero_days = np.flatnonzero(systems.status_is(VulnerabilityStatus.ZERO_DAY))
        disclosed = zero_days[rng.random(len(zero_days)) < spec.software.disclosure_rate]
        systems.set_status(disclosed, VulnerabilityStatus.PUBLIC)
        public = np.flatnonzero(systems.status_is(VulnerabilityStatus.PUBLIC))
        rates = np.array([self._patch_rate(systems.owner[systems.vuln_system[v]]) for v in public])
        systems.set_status(public[rng.random(len(public)) < rates], VulnerabilityStatus.PATCHED)
        fresh = np.flatnonzero(rng.random(len(systems)) < spec.software.new_vulnerability_rate)
        systems.add_vulnerabilities(fresh)

        hardware = world.infrastructure
        expired = hardware.damaged & (self.hardware_down_until <= self.steps)
        repaired = expired & (rng.random(len(hardware)) < spec.hardware.repair_rate)
        hardware.damaged &= ~repaired
        outage = rng.random(len(hardware)) < spec.hardware.outage_rate
        hardware.damaged |= outage
        self.hardware_down_until[outage] = np.maximum(
            self.hardware_down_until[outage], self.steps + 1
        )
        systems.disrupted &= self.system_down_until > self.steps
        world.blocked &= self.blocked_until > self.steps

    def _patch_rate(self, owner: str) -> float:
        base = self.spec.world.software.patch_rate
        if owner in self.firms:
            return self.firms[owner].patch_rate(base)
        defence = self.states[self.country_index[owner]].spec.capabilities.defence
        return min(1.0, base * (0.5 + defence))

    def _scheduled_events(self) -> None:
        for event in self.spec.events:
            if event.step == self.steps:
                self._apply_event(event)

    def _apply_event(self, event: ScheduledEvent) -> None:
        """Scheduled events: leaks, shutdowns, cable cuts, disclosures, false flags, blocks."""
        world = self.world
        if event.kind == EventKind.LEAK:
            insider = next((i for i in self.insiders if i.name == event.actor), None)
            about = event.target or (insider.spec.employer if insider else event.actor)
            self._leak(event.actor or "anonymous", self._state_name(about), insider)
        elif event.kind == EventKind.PLATFORM_SHUTDOWN:
            system = (
                world.systems.name.index(event.target)
                if event.target in world.systems.name
                else None
            )
            if system is not None:
                world.systems.disrupted[system] = True
                self.system_down_until[system] = self.steps + event.duration
            elif event.target in self.country_index:
                self._censor(self.country_index[event.target], event.duration, shutdown=True)
            self.emit("platform_shutdown", event.actor, event.target)
        elif event.kind == EventKind.CABLE_CUT:
            country = self.country_index[str(event.target)]
            stations = world.infrastructure.nodes_of(country, HardwareKind.LANDING_STATION)
            world.infrastructure.damaged[stations] = True
            self.hardware_down_until[stations] = self.steps + event.duration
            self.emit("cable_cut", event.actor, self.countries[country])
        elif event.kind == EventKind.ZERO_DAY_DISCLOSURE:
            systems = world.systems
            held = np.flatnonzero(systems.status_is(VulnerabilityStatus.ZERO_DAY))
            if event.target in systems.name:
                held = held[systems.vuln_system[held] == systems.name.index(event.target)]
            systems.set_status(held, VulnerabilityStatus.PUBLIC)
            self.emit("zero_day_disclosure", event.actor, event.target, detail=f"{len(held)} flaws")
        elif event.kind == EventKind.FALSE_FLAG_CAMPAIGN and event.actor and event.target:
            self.false_flag_until[event.actor] = (event.target, self.steps + event.duration)
            self.emit("false_flag_campaign", event.actor, event.target)
        elif event.kind == EventKind.CENSORSHIP and event.actor in self.country_index:
            self._censor(self.country_index[event.actor], event.duration, platform=event.target)
        elif event.kind == EventKind.AGREEMENT and event.actor and event.target:
            a, b = self.country_index[event.actor], self.country_index[event.target]
            self.relations.agree(a, b, self.spec.diplomacy.agreement_relief)
            self.emit("agreement", event.actor, event.target)

    def _state_name(self, actor: str | None) -> str:
        if actor in self.firms:
            return self.firms[actor].spec.home
        return actor if actor in self.country_index else self.countries[0]

    # 2. decisions -----------------------------------------------------------------------
    def _decisions(self) -> list[Operation]:
        """States plan operations and set domestic controls; groups pick targets; insiders
        weigh a leak."""
        plans: list[Operation] = []
        protest = self.citizens.share(
            self.citizens.activity == Activity.PROTESTING, len(self.countries)
        )
        for state in self.states:
            state.set_domestic_controls(float(protest[state.index]))
            self._co_opt_proxies(state)
            if state.censorship > 0.5 and self.rng.random() < state.censorship * 0.05:
                self._censor(state.index, duration=10)
            for kind, target, zero_day in state.choose_operations():
                plans.append(self._plan(kind, state, target, zero_day))
            if (
                self.rng.random()
                < self.spec.information.diplomacy_rate * state.spec.capabilities.influence
            ):
                self._post_diplomacy(state)
        for author, target in self.counter_operations:
            system = self.system_of(target, SoftwareKind.INDUSTRIAL_CONTROL) or self.system_of(
                target, SoftwareKind.GOVERNMENT_NETWORK
            )
            if system is not None:
                operation = self._plan(OperationKind.SABOTAGE, self.states[author], system, None)
                operation.retaliation = True
                plans.append(operation)
        self.counter_operations = []
        for group in self.groups.values():
            victim = group.choose_target()
            if victim is not None:
                system = self.system_of(victim, SoftwareKind.GOVERNMENT_NETWORK)
                if system is not None:
                    plans.append(self._group_operation(group, victim, system))
        for insider in self.insiders:
            insider.witness(self._abuse_seen_by(insider))
            if insider.decides_to_leak():
                insider.leaked = True
                self._leak(insider.name, self._state_name(insider.spec.employer), insider)
        return plans

    def _co_opt_proxies(self, state: StateAgent) -> None:
        """Under high tension with a rival, a state may co-opt a patriotic group at home,
        which from then on carries out some of its operations (a secret: only the truth log
        knows)."""
        rivals = self.rivals_of(state.index)
        if not rivals or self.relations.tension[state.index, rivals].max() <= CO_OPTION_TENSION:
            return
        for group in self.groups.values():
            patriots_at_home = (
                group.spec.ideology == Ideology.PATRIOTIC and group.spec.home == state.name
            )
            if patriots_at_home and group.sponsor is None and self.rng.random() < CO_OPTION_RATE:
                group.sponsor = state.name
                self.emit("co_option", state.name, group.name)

    def _plan(
        self, kind: OperationKind, state: StateAgent, target: int, zero_day: int | None
    ) -> Operation:
        """Give an operation its visible face: a proxy, a laundering route, a false flag."""
        rng = self.rng
        author = state.name
        proxies = [g for g in self.groups.values() if g.sponsor == author]
        use_proxy = proxies and rng.random() < self.spec.attribution.proxy_rate
        face = proxies[int(rng.integers(len(proxies)))].name if use_proxy else author
        flag = self.false_flag_until.get(author)
        false_flag = flag[0] if flag and flag[1] > self.steps else None
        victim = int(self.world.systems.country[target])
        return Operation(
            id=next(self.operation_ids),
            kind=kind,
            author=author,
            face=face,
            target_country=victim,
            target_system=target,
            launched=self.steps,
            stealth=float(
                np.clip(0.5 + 0.5 * state.spec.capabilities.offence * rng.random(), 0, 1)
            ),
            toolkit=f"{author}-kit-{int(rng.integers(3))}",
            apparent_origin=self._apparent_origin(state.index, victim),
            false_flag=false_flag,
            zero_day=zero_day,
        )

    def _group_operation(
        self,
        group: HacktivistGroup,
        target: int,
        system: int,
        kind: OperationKind | None = None,
    ) -> Operation:
        """A group's own operation; its kind drawn from the group's repertoire unless given."""
        home = self.country_index[group.spec.home]
        kind = kind or group.choose_operation()
        return Operation(
            id=next(self.operation_ids),
            kind=kind,
            author=group.name,
            face=group.name,
            target_country=target,
            target_system=system,
            launched=self.steps,
            stealth=0.2 + 0.5 * group.skill,
            toolkit=f"{group.name}-kit",
            apparent_origin=self._apparent_origin(home, target),
        )

    def _apparent_origin(self, author: int, victim: int) -> str:
        """Where the traffic seems to come from: the author, or, laundered, a relay country
        on a working route to the victim."""
        relays = [
            c
            for c in range(len(self.countries))
            if c != author and self.world.routes.path[c][victim] is not None
        ]
        if relays and self.rng.random() < self.spec.attribution.laundering_rate:
            return self.countries[relays[int(self.rng.integers(len(relays)))]]
        return self.countries[author]

    def _abuse_seen_by(self, insider: Whistleblower) -> bool:
        employer = insider.spec.employer
        if employer in self.firms:
            return bool(self.firms[employer].complicit_with)
        return employer in self.surveillance_programmes

    # 3. resolution ----------------------------------------------------------------------
    def _resolution(self, plans: list[Operation]) -> None:
        """Operations land or fail; effects cascade; running operations may be detected."""
        systems = self.world.systems
        for op in plans:
            self.operations.append(op)
            self.count("operations_launched")
            victim = self.states[op.target_country]
            skill = self._skill_of(op.author)
            exploit = "none"
            if op.zero_day is not None:
                exploit = "zero_day"
                if self.rng.random() > self._exploit_stealth(op.author):
                    systems.set_status(np.array([op.zero_day]), VulnerabilityStatus.PUBLIC)
            elif systems.has_public_flaw(op.target_system):
                exploit = "public"
            op.succeeded = bool(
                self.rng.random()
                < success_probability(skill, exploit, victim.spec.capabilities.defence)
            )
            self.emit(
                "operation_launched",
                op.face,
                self.countries[op.target_country],
                incident=op.id,
                true_author=op.author,
                apparent_origin=op.apparent_origin,
                detail=f"{op.kind.value} on {systems.name[op.target_system]} via {exploit}"
                + ("; counter-operation" if op.retaliation else "")
                + ("; succeeded" if op.succeeded else "; failed"),
            )
            if op.succeeded:
                self.count("operations_succeeded")
                self._effect(op)
        self.world.refresh()
        for op in self.operations:
            if op.detected is None and self.steps - op.launched < DETECTION_WINDOW:
                defence = self.states[op.target_country].spec.capabilities.defence
                seen = op.succeeded and op.kind in VISIBLE
                if seen or self.rng.random() < detection_hazard(op.stealth, defence):
                    op.detected = self.steps
                    self.count("operations_detected")
                    self.incidents.open(op)

    def _exploit_stealth(self, author: str) -> float:
        """Chance the author's zero-day stays secret once used."""
        return self.states[self.country_index[author]].spec.exploit_stealth

    def _skill_of(self, author: str) -> float:
        if author in self.groups:
            return self.groups[author].skill
        return self.states[self.country_index[author]].spec.capabilities.offence

    def _effect(self, op: Operation) -> None:
        systems, world = self.world.systems, self.world
        target = op.target_system
        if op.kind in DISRUPTIVE:
            systems.disrupted[target] = True
            self.system_down_until[target] = self.steps + OUTAGE_STEPS[op.kind]
            if op.kind == OperationKind.SABOTAGE:
                hosts = systems.hosts[target]
                world.infrastructure.damaged[hosts] = True
                self.hardware_down_until[hosts] = self.steps + OUTAGE_STEPS[op.kind]
        elif op.kind in (OperationKind.ESPIONAGE, OperationKind.HACK_AND_LEAK):
            systems.breached[target] = True
            if op.kind == OperationKind.HACK_AND_LEAK:
                self._leak(op.face, self.countries[op.target_country], None, impact_scale=0.5)
        elif op.kind == OperationKind.DOXXING:
            systems.breached[target] = True
            impact = self.spec.information.leak_impact * DOXXING_IMPACT
            self._in_the_media(MessageKind.LEAK, op.target_country, op.target_country, impact)
            self.emit("doxxing", op.face, self.countries[op.target_country], incident=op.id)
        elif op.kind == OperationKind.INFLUENCE:
            author = self.country_index.get(op.author, op.target_country)
            self._in_the_media(
                MessageKind.DISINFORMATION,
                op.target_country,
                author,
                self.spec.information.disinformation_impact,
                audience=op.target_country,
            )

    def _in_the_media(
        self,
        kind: MessageKind,
        country: int,
        about: int,
        impact: float,
        audience: int | None = None,
    ) -> None:
        """A message posted by a country's media account, to spread in phase 4."""
        source = self.world.accounts.account(AccountKind.MEDIA, self.countries[country])
        self.messages.append(Message(kind, source, about, audience, impact))

    # 4. information ---------------------------------------------------------------------
    def _information(self) -> None:
        """Messages spread over open ties and move the beliefs of the citizens they reach."""
        if not self.messages:
            return
        adjacency = self.world.accounts.open_adjacency()
        transmissibility = self.spec.information.transmissibility
        citizens, n = len(self.citizens), len(self.countries)
        self.count("messages", len(self.messages))
        for message in self.messages:
            reached = reach(message, adjacency, transmissibility, self.rng)
            update_beliefs(self.citizens, message, reached)
            self.count("citizens_reached", int(reached[:citizens].sum()))
            by_country = np.bincount(self.citizens.country[reached[:citizens]], minlength=n)
            for country, hits in zip(self.countries, by_country, strict=True):
                self.count(f"citizens_reached.{country}", int(hits))
        self.messages = []

    def _leak(
        self, leaker: str, state: str, insider: Whistleblower | None, impact_scale: float = 1.0
    ) -> None:
        """A revelation: media carry it, trust falls, spied-on allies take offence, and the
        insider may find asylum in a rival state."""
        about = self.country_index[state]
        impact = self.spec.information.leak_impact * impact_scale
        self.surveillance_programmes.discard(state)
        self._in_the_media(MessageKind.LEAK, about, about, impact)
        self.emit("leak", leaker, state)
        self.count("leaks")
        for firm in self.firms.values():
            if state in firm.complicit_with:
                firm.exposed(impact)
                self.emit("firm_exposed", firm.name, state, detail="complicit in surveillance")
        diplomacy = self.spec.diplomacy
        for ally in np.flatnonzero(self.relations.allied[about]):
            self.relations.shock(about, int(ally), diplomacy.espionage_shock * impact_scale)
            self.emit("espionage_revealed", state, self.countries[ally])
        for group in self.groups.values():
            group.witness("leak", about, self.country_index[group.spec.home])
        if insider is not None and self.rng.random() < insider.spec.asylum_options:
            rivals = self.rivals_of(about)
            if rivals:
                host = rivals[int(self.rng.integers(len(rivals)))]
                self.relations.shock(about, host, diplomacy.asylum_shock)
                self.emit("asylum", insider.name, self.countries[host])

    def _post_diplomacy(self, state: StateAgent) -> None:
        source = self.world.accounts.account(AccountKind.STATE_CHANNEL, state.name)
        self.messages.append(
            Message(
                MessageKind.DIPLOMACY,
                source,
                state.index,
                None,
                self.spec.information.diplomacy_impact,
            )
        )
        self.count("diplomacy_posts")

    def _censor(
        self, country: int, duration: int, platform: str | None = None, shutdown: bool = False
    ) -> None:
        """Block foreign platforms (or one named platform, or all in a shutdown)."""
        world = self.world
        platforms = world.systems.of_kind(SoftwareKind.SOCIAL_PLATFORM)
        if platform is not None:
            chosen = [p for p in platforms if world.systems.name[p] == platform]
        elif shutdown:
            chosen = list(platforms)
        else:
            chosen = [p for p in platforms if world.systems.country[p] != country]
        if not chosen:
            return
        world.blocked[chosen, country] = True
        self.blocked_until[chosen, country] = self.steps + duration
        world.refresh()
        self.citizens.censorship_grievance[self.citizens.country == country] += 0.05
        self.emit(
            "censorship", self.countries[country], ",".join(world.systems.name[p] for p in chosen)
        )
        self.count("censorship_events")
        for group in self.groups.values():
            group.witness("censorship", country, self.country_index[group.spec.home])

    def _stock_zero_days(self) -> None:
        """Each state starts with its stockpile: flaws it alone knows, in its rivals'
        systems first, then in other foreign systems."""
        systems = self.world.systems
        for state in self.states:
            undiscovered = np.flatnonzero(systems.status_is(VulnerabilityStatus.UNDISCOVERED))
            owner_country = systems.country[systems.vuln_system[undiscovered]]
            rivals = np.isin(owner_country, self.rivals_of(state.index))
            foreign = owner_country != state.index
            ranked = np.concatenate(
                [
                    self.rng.permutation(undiscovered[rivals]),
                    self.rng.permutation(undiscovered[foreign & ~rivals]),
                ]
            )
            chosen = ranked[: state.spec.zero_days]
            systems.set_status(chosen, VulnerabilityStatus.ZERO_DAY, holder=state.index)

    def _request_surveillance_cooperation(self) -> None:
        """States running mass surveillance ask platforms serving their people to cooperate."""
        for state in [c for c in self.countries if c in self.surveillance_programmes]:
            for firm in self.firms.values():
                if firm.spec.kind != FirmKind.PLATFORM:
                    continue
                complied = firm.answer_request(state)
                jurisdiction = (
                    "home"
                    if state == firm.spec.home
                    else f"host; home {firm.spec.home}"
                    + ("; data localised" if firm.answers_as_home(state) else "")
                )
                self.emit(
                    "surveillance_request",
                    state,
                    firm.name,
                    detail=f"{'complied' if complied else 'refused'} ({jurisdiction})",
                )

    # 6. diplomacy -----------------------------------------------------------------------
    def _diplomacy(self) -> None:
        self.relations.decay(self.spec.diplomacy.decay)

    def respond(
        self, victim: int, blamed: str, confidence: float, innocent: bool, incident: int
    ) -> None:
        """A victim's answer to a public attribution, by doctrine, up the escalation ladder.

        Restraint stops at a protest, proportionality at indictments, punishment goes to
        counter-operations; below a confidence halfway between threshold and certainty, no
        doctrine goes past sanctions. The victim's media carry the news, and foreign publics
        think less of the blamed state. A wrongly blamed state denies and may counter-accuse.
        """
        doctrine = self.states[victim].spec.doctrine
        shock = self.spec.diplomacy.attribution_shock
        if blamed in self.groups:
            self.groups[blamed].arrested(0.3)
            self.emit("arrests", self.countries[victim], blamed, incident=incident)
            if innocent:
                self.count("retaliations_against_innocents")
            return
        if blamed not in self.country_index:
            self.emit(
                "response", self.countries[victim], blamed, incident=incident, detail="statement"
            )
            return
        other = self.country_index[blamed]
        level = {
            "restraint": Escalation.PROTEST,
            "proportional": Escalation.INDICTMENTS,
            "punishment": Escalation.COUNTER_OPERATION,
        }[doctrine.response]
        if confidence < doctrine.attribution_threshold + 0.5 * (1 - doctrine.attribution_threshold):
            level = Escalation(min(level, Escalation.SANCTIONS))
        self.relations.shock(victim, other, shock * level / 2)
        self.relations.escalate(victim, other, level)
        self._in_the_media(MessageKind.NEWS, victim, other, self.spec.information.news_impact)
        self.emit(
            "response", self.countries[victim], blamed, incident=incident, detail=level.name.lower()
        )
        if innocent:
            self.count("retaliations_against_innocents")
            self.emit("denial", blamed, self.countries[victim], incident=incident)
            if self.rng.random() < self.relations.tension[victim, other]:
                self.relations.shock(victim, other, shock / 2)
                self.emit("counter_accusation", blamed, self.countries[victim], incident=incident)
        if level == Escalation.COUNTER_OPERATION:
            self.counter_operations.append((victim, other))
        for group in self.groups.values():
            if self.country_index[group.spec.home] == victim:
                group.witness("attack_on_home", other, victim)

    # 7. society -------------------------------------------------------------------------
    def _society(self) -> None:
        """Grievance and protest (Epstein), police seen in proportion to surveillance,
        trust slowly recovering, conversations (Deffuant), hacktivists recruiting protesters,
        users leaving firms whose services are down or blocked, citizens under censorship
        taking up circumvention tools."""
        citizens, n = self.citizens, len(self.countries)
        surveillance = np.array([s.surveillance for s in self.states])
        society = self.spec.society
        police = society.police_per_citizen * surveillance[citizens.country]
        contacts = self.world.accounts.open_adjacency()[: len(citizens), : len(citizens)]
        legitimacy = np.array([s.legitimacy for s in self.states])
        self.count("arrests", citizens.live(contacts, police, legitimacy, society, self.rng))
        protesters = np.bincount(
            citizens.country, weights=citizens.activity == Activity.PROTESTING, minlength=n
        )
        for group in self.groups.values():
            group.recruit(int(protesters[self.country_index[group.spec.home]]))
        for firm in self.firms.values():
            firm.serve()
        censored = self.world.blocked.any(axis=0)
        if censored.any():
            citizens.adopt_circumvention(self.world.accounts.circumvents, censored, self.rng)

    # 8. record --------------------------------------------------------------------------
    def _record(self) -> None:
        n = len(self.countries)
        citizens = self.citizens
        availability = self.world.availability()
        metrics: dict[str, float] = {
            "operations_launched": self.counts.get("operations_launched", 0),
            "operations_succeeded": self.counts.get("operations_succeeded", 0),
            "operations_detected": self.counts.get("operations_detected", 0),
            **self.incidents.step_metrics(),
            "leaks": self.counts.get("leaks", 0),
            "messages": self.counts.get("messages", 0),
            "citizens_reached": self.counts.get("citizens_reached", 0),
            "censorship_events": self.counts.get("censorship_events", 0),
            "arrests": self.counts.get("arrests", 0),
            "retaliations_against_innocents": self.counts.get("retaliations_against_innocents", 0),
            "mean_tension": self.relations.mean_tension(),
            "max_escalation": float(self.relations.escalation.max()),
            **{f"availability_{s.value}": v for s, v in availability.items()},
            **self.publishing.step_metrics(),
            **self.supply_chain.step_metrics(),
            **self.crises.step_metrics(),
        }
        by_country = self.world.availability_by_country()
        trust = citizens.mean_by_country(citizens.trust_government, n)
        protest = citizens.share(citizens.activity == Activity.PROTESTING, n)
        grievance = citizens.mean_by_country(citizens.grievance(), n)
        circumvention = citizens.share(self.world.accounts.circumvents[: len(citizens)], n)
        standing = self._standing_abroad()
        for i, country in enumerate(self.countries):
            metrics[f"trust_government.{country}"] = float(trust[i])
            metrics[f"protest_share.{country}"] = float(protest[i])
            metrics[f"grievance.{country}"] = float(grievance[i])
            metrics[f"circumvention.{country}"] = float(circumvention[i])
            metrics[f"citizens_reached.{country}"] = self.counts.get(
                f"citizens_reached.{country}", 0
            )
            metrics[f"standing_abroad.{country}"] = float(standing[i])
            metrics[f"transit_routes.{country}"] = len(self.world.routes.transit(i))
            for stratum, shares in by_country.items():
                metrics[f"availability_{stratum.value}.{country}"] = float(shares[i])
        for a, b in itertools.combinations(range(n), 2):
            pair = f"{self.countries[a]}-{self.countries[b]}"
            metrics[f"escalation.{pair}"] = float(self.relations.escalation[a, b])
            metrics[f"tension.{pair}"] = float(self.relations.tension[a, b])
        for firm in self.firms.values():
            metrics[f"firm_reputation.{firm.name}"] = firm.reputation
            for i, country in enumerate(self.countries):
                if firm.market is not None:
                    metrics[f"user_share.{firm.name}.{country}"] = float(firm.user_share[i])
        self.recorder.metrics(self.steps, metrics)

    def _standing_abroad(self) -> np.ndarray:
        """Soft power: each state's mean attitude among foreign citizens."""
        citizens = self.citizens
        foreign = citizens.country[:, None] != np.arange(len(self.countries))[None, :]
        sums = (citizens.attitude * foreign).sum(axis=0)
        return sums / np.maximum(foreign.sum(axis=0), 1)
