"""The displaced secret: cable releases, pressure on firms, mirrors, fallout and payback.

A publisher releases a state's diplomatic cables in instalments; each instalment is posted
from the publisher's site (while a firm hosts it), its mirrors and its partner newspapers,
and spreads as one cascade. The exposed state presses the firms serving the publisher to drop
it; each firm decides by compliance, jurisdiction and reputation. Every takedown brings new
mirrors, so the secret is displaced rather than suppressed, and outrages free-speech groups,
which strike the firm (Operation Payback). What the cables say about third states raises the
exposed state's tension with them, up to the expulsion of its ambassador.
Each instalment discusses one of the release's states, so a release about many states
dilutes the fallout and a release about one concentrates it.
"""

import numpy as np

from cybergeo.actors.citizens import CitizenPopulation
from cybergeo.actors.firm import FirmAgent
from cybergeo.actors.hacktivist import OUTRAGE_MEMORY
from cybergeo.actors.publisher import PublisherAgent
from cybergeo.dynamics.diplomacy import Escalation
from cybergeo.dynamics.information import reached_from
from cybergeo.dynamics.operations import Operation, OperationKind
from cybergeo.dynamics.planning import plan_group_operation
from cybergeo.scenario.publishing import CableRelease
from cybergeo.scenario.schema import Ideology
from cybergeo.view import ModelView
from cybergeo.world.strata import AccountKind

FREE_SPEECH = {Ideology.ANTI_CENSORSHIP, Ideology.ANTI_SURVEILLANCE}
"""Ideologies whose groups take a takedown of a publisher as censorship to avenge."""
ALLY_FALLOUT = 0.5
"""Share of a cable's tension shock that falls between allies (they forgive more)."""


def takedown_probability(firm: FirmAgent, state: str, pressure: float) -> float:
    """Chance per step that a firm pressed by a state drops a publisher it serves.

    Compliance and jurisdiction come from the firm's will to grant that state's requests
    (`FirmAgent.comply_probability`: full for its home or a state whose data it keeps, halved
    for a foreign one); reputation weighs because a firm with a brand to protect finds a
    client its government denounces costlier to keep.
    """
    return pressure * firm.comply_probability(state) * firm.reputation


def cable_beliefs(
    citizens: CitizenPopulation, exposed: int, reached: np.ndarray, impact: float
) -> None:
    """What reading the cables does: foreigners think less of the state whose diplomats wrote
    them. Its own citizens' trust does not move: the cables say what its diplomats think of
    others, and Americans' trust in their government showed no fall with Cablegate. Not a
    surveillance leak: privacy awareness and trust in platforms do not move."""
    foreign = reached[: len(citizens)] & (citizens.country != exposed)
    citizens.attitude[foreign, exposed] *= 1.0 - impact


def revelation(
    citizens: CitizenPopulation, subject: int, reached: np.ndarray, impact: float
) -> None:
    """What the cables reveal of a third state's rulers (Tunisia's corruption, in 2010): its
    citizens who read them lose trust in their own government."""
    own = reached[: len(citizens)] & (citizens.country == subject)
    citizens.trust_government[own] *= 1.0 - impact


class PublishingDesk:
    """Publishers, the releases under way, the states pressing each publisher's firms,
    groups' outrage at firms that dropped a publisher, and the ambassadors expelled."""

    def __init__(self, model: ModelView, publishers: list[PublisherAgent]) -> None:
        self.model = model
        self.publishers = {p.name: p for p in publishers}
        self.active: list[CableRelease] = []
        self.pressing: dict[str, list[str]] = {}
        self.firm_outrage: dict[str, dict[str, float]] = {g: {} for g in model.groups}
        self.expelled: set[tuple[int, int]] = set()
        self.seen = np.zeros(len(model.citizens), dtype=bool)
        self.counts: dict[str, float] = {}

    def release(self) -> None:
        """Start this step's releases; the exposed state starts pressing the publisher's firms."""
        model = self.model
        self.counts = {}
        for release in model.spec.publishing.releases:
            if release.step != model.steps:
                continue
            self.active.append(release)
            pressing = self.pressing.setdefault(release.publisher, [])
            if release.exposed not in pressing:
                pressing.append(release.exposed)
            model.emit(
                "cable_release",
                release.publisher,
                release.exposed,
                detail=f"concerns {','.join(release.concerns)}"
                + (f"; source {release.source}" if release.source else ""),
            )
            model.count("leaks")

    def press(self) -> None:
        """Each firm serving a pressed publisher decides whether to drop it."""
        model = self.model
        spec = model.spec.publishing
        for name, states in self.pressing.items():
            publisher = self.publishers[name]
            for state in states:
                for firm_name in publisher.serving_firms():
                    firm = model.firms[firm_name]
                    if model.rng.random() < takedown_probability(firm, state, spec.pressure):
                        self._drop(publisher, firm, state)

    def _drop(self, publisher: PublisherAgent, firm: FirmAgent, state: str) -> None:
        """A takedown: the firm stops serving, pays in reputation, volunteers mirror the site,
        and free-speech groups are outraged at the firm."""
        model = self.model
        spec = model.spec.publishing
        offline = publisher.dropped_by(firm.name)
        firm.reputation *= 1.0 - spec.backlash
        where = "home" if firm.answers_as_home(state) else f"foreign; home {firm.spec.home}"
        model.emit("takedown", firm.name, publisher.name, detail=f"pressed by {state} ({where})")
        self.counts["takedowns"] = self.counts.get("takedowns", 0) + 1
        if firm.name in publisher.spec.hosts:
            moved = "off line" if offline else f"moved to {publisher.host}"
            model.emit("site_moved", publisher.name, publisher.host, detail=moved)
        fresh = int(model.rng.poisson(spec.mirror_rate))
        publisher.add_mirrors(fresh)
        model.emit(
            "mirrors",
            publisher.name,
            None,
            detail=f"{fresh} new; {len(publisher.mirrors)} in all",
        )
        for group in model.groups.values():
            if group.spec.ideology in FREE_SPEECH:
                outrage = self.firm_outrage[group.name]
                outrage[firm.name] = outrage.get(firm.name, 0.0) + spec.payback_outrage

    def payback(self) -> list[Operation]:
        """Groups strike the firm they are most outraged at, once outrage passes their
        threshold: a DDoS on the firm's first system, as Operation Payback did."""
        model = self.model
        plans: list[Operation] = []
        for group in model.groups.values():
            outrage = self.firm_outrage[group.name]
            for firm_name in outrage:
                outrage[firm_name] *= OUTRAGE_MEMORY
            if not outrage:
                continue
            target = max(outrage, key=lambda f: outrage[f])
            systems = model.firms[target].systems
            if outrage[target] < group.spec.outrage_threshold or not len(systems):
                continue
            outrage[target] = 0.0
            victim = model.country_index[model.firms[target].spec.home]
            strike = plan_group_operation(model, group, victim, int(systems[0]), OperationKind.DDOS)
            strike.claimed_by = group.name
            model.emit("strike_on_firm", group.name, target, incident=strike.id)
            plans.append(strike)
        return plans

    def publish(self) -> None:
        """This step's instalment of each release under way spreads from every outlet at once;
        the readers' beliefs move, and the exposed state's relation with the state this
        instalment discusses (one of the release's, drawn uniformly) worsens."""
        model = self.model
        self.active = [r for r in self.active if model.steps < r.step + r.duration]
        if not self.active:
            return
        adjacency = model.world.accounts.open_adjacency()
        spec = model.spec.publishing
        n_citizens = len(model.citizens)
        for release in self.active:
            publisher = self.publishers[release.publisher]
            partners = [
                model.world.accounts.account(AccountKind.MEDIA, c) for c in publisher.spec.partners
            ]
            seeds = np.union1d(publisher.outlets(), np.array(partners, dtype=np.int64))
            if not len(seeds):
                continue
            transmissibility = model.spec.information.transmissibility
            reached = reached_from(seeds, adjacency, transmissibility, model.rng)
            exposed = model.country_index[release.exposed]
            cable_beliefs(model.citizens, exposed, reached, spec.cable_impact)
            self.seen |= reached[:n_citizens]
            reach = int(reached[:n_citizens].sum())
            self.counts["cable_reach"] = self.counts.get("cable_reach", 0) + reach
            concerned = release.concerns[int(model.rng.integers(len(release.concerns)))]
            subject = model.country_index[concerned]
            revelation(model.citizens, subject, reached, spec.cable_impact * spec.revelation)
            self.fallout(exposed, subject)

    def fallout(self, exposed: int, concerned: int) -> None:
        """What the cables say of a third state worsens its relation with the exposed state;
        past a threshold a non-ally expels the ambassador (a protest-level rung)."""
        model = self.model
        spec = model.spec.publishing
        relations = model.relations
        allied = bool(relations.allied[exposed, concerned])
        relations.shock(exposed, concerned, spec.cable_shock * (ALLY_FALLOUT if allied else 1.0))
        pair = (exposed, concerned)
        hot = relations.tension[exposed, concerned] >= spec.expulsion_tension
        if not allied and hot and pair not in self.expelled:
            self.expelled.add(pair)
            relations.escalate(concerned, exposed, Escalation.PROTEST)
            model.emit(
                "expulsion",
                model.countries[concerned],
                model.countries[exposed],
                detail="ambassador expelled over the cables",
            )

    def step_metrics(self) -> dict[str, float]:
        """Reach of this step's instalments, takedowns, and each publisher's standing."""
        if not self.publishers:
            return {}
        metrics: dict[str, float] = {
            "cable_reach": self.counts.get("cable_reach", 0),
            "cables_seen": float(self.seen.mean()) if len(self.seen) else 0.0,
            "takedowns": self.counts.get("takedowns", 0),
        }
        for name, publisher in self.publishers.items():
            metrics[f"publisher_online.{name}"] = float(publisher.host is not None)
            metrics[f"publisher_mirrors.{name}"] = len(publisher.mirrors)
            metrics[f"publisher_firms.{name}"] = len(publisher.serving_firms())
        return metrics
