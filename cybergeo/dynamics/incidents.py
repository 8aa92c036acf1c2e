"""The victims' side of operations: detected incidents, investigations, public attribution.

An `IncidentDesk` keeps every detected incident open until its victim attributes it
publicly (when confidence passes its doctrine's threshold) or gives up. Each step it
gathers clues, updates the victim's posterior and logs it, so the event log holds each
incident's whole story: the truth, the belief over time, what was said, and what followed.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from cybergeo.actors.firm import FirmAgent
from cybergeo.dynamics.governance_phase import collection
from cybergeo.dynamics.investigation import (
    DAYS_PER_WEEK,
    EvidenceModel,
    Investigation,
    clue_rate,
    draw_indicator,
)
from cybergeo.dynamics.operations import Operation
from cybergeo.dynamics.responses import respond
from cybergeo.scenario.schema import FirmKind, Ideology
from cybergeo.scenario.spec import UNKNOWN_ACTOR
from cybergeo.view import ModelView

MIN_CLUES = 3
"""No public attribution on fewer technical clues than this, whatever the confidence."""
REPORT_CHANCE = 0.05
"""Chance per week and open incident that a security vendor (scaled by its investment)
publishes an attribution report."""
REPORT_CLUES = 3
"""Technical clues a vendor report adds."""
RESPONSIBLE = "responsible"
OPERATOR = "operator"
UNKNOWN_PRIOR = 0.15
GROUP_PRIOR = 0.1


@dataclass
class Incident:
    """A detected operation and the victim's investigation of it."""

    operation: Operation
    victim: int
    opened: int
    investigation: Investigation
    confident_since: int | None = None
    blamed: str | None = None
    closed: int | None = None

    @property
    def level(self) -> str | None:
        """At which level the attribution is right: `responsible` when it names who
        decided the operation (a proxy's sponsor, or the author acting alone), `operator`
        when it names the proxy that ran it; None when it is wrong."""
        return attribution_level(self.blamed, self.operation.author, self.operation.face)

    @property
    def correct(self) -> bool:
        return self.level is not None


class IncidentDesk:
    """All incidents of a run, and the per-step counts the metrics report."""

    def __init__(self, model: ModelView) -> None:
        self.model = model
        spec = model.spec.attribution
        self.world_evidence = EvidenceModel(
            noise=spec.indicator_noise,
            false_flag_rate=0.0,
            flag_strength=spec.flag_strength,
            laundering_rate=spec.laundering_rate,
        )
        self.incidents: list[Incident] = []
        self.counts: dict[str, float] = {}
        self.toolkit_links: dict[str, list[tuple[int, str]]] = {}

    def suspects_for(self, victim: int) -> tuple[tuple[str, ...], np.ndarray]:
        """Every other state, every group, and the unknown actor, with their home countries."""
        model = self.model
        states = [name for i, name in enumerate(model.countries) if i != victim]
        groups = list(model.groups)
        homes = [model.country_index[s] for s in states]
        homes += [model.country_index[model.groups[g].spec.home] for g in groups]
        return (*states, *groups, UNKNOWN_ACTOR), np.array([*homes, -1])

    def strategic_prior(self, victim: int, suspects: tuple[str, ...]) -> np.ndarray:
        """Who benefits: states in proportion to their tension with the victim."""
        model = self.model
        weights = []
        for suspect in suspects:
            if suspect in model.country_index:
                weights.append(0.05 + model.relations.tension[victim, model.country_index[suspect]])
            elif suspect in model.groups:
                weights.append(GROUP_PRIOR)
            else:
                weights.append(UNKNOWN_PRIOR)
        return np.array(weights)

    def assumed_proxies(self, suspects: tuple[str, ...]) -> np.ndarray:
        """What an aware investigator assumes of sponsorship: a patriotic group acts for its
        home state with `attribution.assumed_proxy_rate` (Rid & Buchanan: the
        operational level asks who ran it, the strategic level on whose behalf)."""
        model = self.model
        rate = model.spec.attribution.assumed_proxy_rate
        proxies = np.zeros((len(suspects), len(suspects)))
        position = {name: i for i, name in enumerate(suspects)}
        for name, group in model.groups.items():
            home = group.spec.home
            if group.spec.ideology == Ideology.PATRIOTIC and home in position:
                proxies[position[name], position[home]] = rate
        return proxies

    def open(self, operation: Operation) -> None:
        """A victim notices an operation and starts investigating it."""
        model = self.model
        victim = operation.target_country
        doctrine = model.states[victim].spec.doctrine
        suspects, homes = self.suspects_for(victim)
        assumed = replace_flag_rate(
            self.world_evidence, model.spec.attribution.assumed_false_flag_rate
        )
        aware = doctrine.evidence_model == "aware"
        investigation = Investigation(
            suspects=suspects,
            homes=homes,
            prior=self.strategic_prior(victim, suspects),
            assumed=assumed if aware else assumed.naive(),
            n_countries=len(model.countries),
            proxies=self.assumed_proxies(suspects) if aware else None,
        )
        investigation.observe_origin(model.country_index[operation.apparent_origin])
        for blamed in self._linked_by_toolkit(operation.toolkit, victim):
            if blamed in suspects:
                investigation.observe_indicator(blamed)
        self.hear_claim(operation, investigation)
        incident = Incident(operation, victim, model.steps, investigation)
        self.incidents.append(incident)
        model.emit(
            "incident_detected",
            model.countries[victim],
            model.world.systems.name[operation.target_system],
            incident=operation.id,
            true_author=operation.author,
            apparent_origin=operation.apparent_origin,
            detail=f"{operation.kind.value}; dwell {model.steps - operation.launched} steps",
        )
        self._log_belief(incident)

    def hear_claim(self, operation: Operation, investigation: Investigation) -> None:
        """A public claim weighs as a published analysis does: as many clues pointing at the
        claimant as a vendor's report gives."""
        claimant = operation.claimed_by
        if claimant is None or claimant not in investigation.suspects:
            return
        for _ in range(REPORT_CLUES):
            investigation.observe_indicator(claimant)
        self.model.emit(
            "claim",
            claimant,
            self.model.countries[operation.target_country],
            incident=operation.id,
            true_author=operation.author,
        )

    def investigate(self) -> None:
        """Gather this step's clues for every open incident; attribute or give up."""
        model = self.model
        self.counts = {}
        for incident in self.incidents:
            if incident.closed is not None or incident.opened == model.steps:
                continue
            clues = model.rng.poisson(self._clue_rate(incident.victim))
            op = incident.operation
            suspects = incident.investigation.suspects
            face = op.face if op.face in suspects else UNKNOWN_ACTOR
            framed = op.false_flag if op.false_flag in suspects else None
            for _ in range(clues):
                pointed = draw_indicator(face, framed, suspects, self.world_evidence, model.rng)
                incident.investigation.observe_indicator(pointed)
            self._vendor_report(incident)
            self._log_belief(incident)
            self.decide(incident)

    def _linked_by_toolkit(self, toolkit: str, victim: int) -> list[str]:
        """Actors blamed, by the victim or its allies, for earlier incidents with this toolkit."""
        allied = self.model.relations.allied[victim]
        return [
            blamed
            for attributor, blamed in self.toolkit_links.get(toolkit, [])
            if attributor == victim or allied[attributor]
        ]

    @cached_property
    def security_vendors(self) -> list[FirmAgent]:
        """The firms whose reports and findings feed investigations (the same all run)."""
        return [f for f in self.model.firms.values() if f.spec.kind == FirmKind.SECURITY_VENDOR]

    def _vendor_report(self, incident: Incident) -> None:
        """A security firm publishes its own analysis: several clues at once, made public."""
        model = self.model
        vendors = self.security_vendors
        if not vendors:
            return
        vendor = vendors[int(model.rng.integers(len(vendors)))]
        weekly = REPORT_CHANCE * vendor.spec.security_investment
        if model.rng.random() >= weekly * model.spec.step_days / DAYS_PER_WEEK:
            return
        op, investigation = incident.operation, incident.investigation
        suspects = investigation.suspects
        face = op.face if op.face in suspects else UNKNOWN_ACTOR
        framed = op.false_flag if op.false_flag in suspects else None
        pointed = [
            draw_indicator(face, framed, suspects, self.world_evidence, model.rng)
            for _ in range(REPORT_CLUES)
        ]
        for clue in pointed:
            investigation.observe_indicator(clue)
        named = max(dict.fromkeys(pointed), key=pointed.count)
        model.emit("vendor_report", vendor.name, named, incident=op.id, true_author=op.author)

    def _clue_rate(self, victim: int) -> float:
        model = self.model
        state = model.states[victim]
        allies = np.flatnonzero(model.relations.allied[victim])
        shared = max((model.states[a].spec.capabilities.forensics for a in allies), default=0.0)
        vendors = [f.spec.security_investment for f in self.security_vendors]
        sigint = state.intelligence * (0.5 + 0.5 * self._transit_share(victim))
        weight = model.spec.governance.platforms.collection_weight
        if weight > 0:
            sigint = min(1.0, sigint + weight * collection(model, victim))
        return clue_rate(
            state.spec.capabilities.forensics,
            sigint,
            shared,
            max(vendors, default=0.0),
            model.spec.step_days,
        )

    def _transit_share(self, country: int) -> float:
        """Share of foreign country pairs whose traffic crosses `country` (interception)."""
        n = len(self.model.countries)
        pairs = (n - 1) * (n - 2)
        return len(self.model.world.routes.transit(country)) / pairs if pairs else 0.0

    def decide(self, incident: Incident) -> None:
        """Attribute once confidence has held above the doctrine's threshold for its delay;
        give up, silently, after `give_up_after` steps unless confident (a decision pending
        is not an investigation abandoned)."""
        model = self.model
        investigation = incident.investigation
        doctrine = model.states[incident.victim].spec.doctrine
        confident = (
            investigation.confidence >= doctrine.attribution_threshold
            and investigation.clues >= MIN_CLUES
        )
        if not confident:
            incident.confident_since = None
        elif incident.confident_since is None:
            incident.confident_since = model.steps
        if incident.confident_since is not None and (
            model.steps - incident.confident_since >= doctrine.attribution_delay
        ):
            self.attribute(incident, doctrine.joint_with_allies)
        elif (
            not confident and model.steps - incident.opened >= model.spec.attribution.give_up_after
        ):
            incident.closed = model.steps
            self.counts["incidents_unanswered"] = self.counts.get("incidents_unanswered", 0) + 1
            model.emit(
                "incident_closed",
                model.countries[incident.victim],
                None,
                incident=incident.operation.id,
                true_author=incident.operation.author,
                confidence=investigation.confidence,
                detail="never attributed",
            )

    def attribute(self, incident: Incident, joint: bool) -> None:
        """Name the leading suspect in public (with allies if the doctrine says so), remember
        the toolkit for later incidents, and respond."""
        model = self.model
        investigation, op = incident.investigation, incident.operation
        blamed = investigation.leading_suspect
        incident.blamed, incident.closed = blamed, model.steps
        key = "attributions_correct" if incident.correct else "attributions_wrong"
        self.counts[key] = self.counts.get(key, 0) + 1
        if incident.level == OPERATOR:
            self.counts["attributions_operator"] = self.counts.get("attributions_operator", 0) + 1
        self.toolkit_links.setdefault(op.toolkit, []).append((incident.victim, blamed))
        allies = np.flatnonzero(model.relations.allied[incident.victim])
        partners: list[int] = [int(a) for a in allies] if joint else []
        cosigners = ",".join(model.countries[p] for p in partners)
        model.emit(
            "attribution",
            model.countries[incident.victim],
            blamed,
            incident=op.id,
            true_author=op.author,
            apparent_origin=op.apparent_origin,
            blamed=blamed,
            confidence=investigation.confidence,
            detail=(f"correct ({incident.level})" if incident.correct else "wrong")
            + (f"; jointly with {cosigners}" if cosigners else ""),
        )
        innocent = blamed not in (op.author, op.face)
        respond(model, incident.victim, blamed, investigation.confidence, innocent, op.id, op.kind)
        for partner in partners:
            if blamed in model.country_index:
                model.relations.shock(
                    int(partner),
                    model.country_index[blamed],
                    model.spec.diplomacy.attribution_shock / 2,
                )

    def _log_belief(self, incident: Incident) -> None:
        investigation = incident.investigation
        self.model.emit(
            "belief",
            self.model.countries[incident.victim],
            investigation.leading_suspect,
            incident=incident.operation.id,
            true_author=incident.operation.author,
            blamed=None,
            confidence=investigation.confidence,
            detail=investigation.beliefs().summary,
        )

    def step_metrics(self) -> dict[str, float]:
        """Counts of this step, and the state of all incidents so far."""
        correct = self.counts.get("attributions_correct", 0)
        wrong = self.counts.get("attributions_wrong", 0)
        open_now = sum(1 for i in self.incidents if i.closed is None)
        return {
            "attributions_correct": correct,
            "attributions_operator": self.counts.get("attributions_operator", 0),
            "attributions_wrong": wrong,
            "incidents_unanswered": self.counts.get("incidents_unanswered", 0),
            "incidents_open": open_now,
        }


def attribution_level(blamed: str | None, author: str, face: str) -> str | None:
    """`responsible` if `blamed` decided the operation, `operator` if it only ran it (a
    proxy), None if it had no part in it."""
    if blamed == author:
        return RESPONSIBLE
    return OPERATOR if blamed == face else None


def replace_flag_rate(model: EvidenceModel, rate: float) -> EvidenceModel:
    """The world's evidence model as an aware victim assumes it: with false flags expected."""
    return EvidenceModel(model.noise, rate, model.flag_strength, model.laundering_rate)
