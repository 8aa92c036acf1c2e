"""The governance arena: stances between multistakeholderism and sovereignty, the
hegemon's legitimacy, votes in bodies, and sovereign measures on their way into force.

Plain data and numpy arrays; the model feeds it leaks and tension and applies what comes
out (`cybergeo.dynamics.governance_phase`).
"""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.scenario.governance import (
    Body,
    BodyKind,
    DecisionRule,
    GovernanceSpec,
    Measure,
    Proposal,
    ProposalKind,
    StanceSpec,
)
from cybergeo.scenario.schema import Regime, Scenario

REGIME_STANCE = {Regime.DEMOCRACY: 0.25, Regime.HYBRID: 0.6, Regime.AUTHORITARIAN: 0.8}
"""Starting stance by regime, when the scenario gives none (0: multistakeholder, 1: sovereign)."""
SOVEREIGN_STANCE = 0.8
"""Least starting stance of a state whose `countries[].governance` is `sovereign`."""
CIVIL_SOCIETY_STANCE = 0.1
"""Stance of civil-society seats: for open, multistakeholder governance."""
SWING_BAND = 0.25
"""States starting within this distance of stance 0.5 are the swing states."""

STATES, FIRMS, CIVIL_SOCIETY = "states", "firms", "civil_society"


def swing(anchor: np.ndarray) -> np.ndarray:
    """How far pressure moves a state: 1 at stance 0.5, 0 at the poles (4·a·(1 − a))."""
    return 4.0 * anchor * (1.0 - anchor)


def stance_target(
    anchor: np.ndarray, lost_legitimacy: float, excess_tension: np.ndarray, spec: StanceSpec
) -> np.ndarray:
    """Where each state's stance is heading: its anchor, pushed towards sovereignty by the
    hegemon's lost legitimacy and by tension with the hegemon above its baseline, the more
    so the less committed the state is."""
    pressure = spec.legitimacy_weight * lost_legitimacy + spec.tension_weight * excess_tension
    return np.clip(anchor + swing(anchor) * pressure, 0.0, 1.0)


def sovereignty_vote(stance: np.ndarray, noise: float) -> np.ndarray:
    """Chance each member votes for a sovereignty text: logistic in its stance around 0.5."""
    return 1.0 / (1.0 + np.exp(-(stance - 0.5) / noise))


def support(yes: np.ndarray, groups: list[str], kind: BodyKind) -> float:
    """Weighted share of yes votes: one state, one vote in an intergovernmental body (others
    observe); each stakeholder group present weighs the same in a multistakeholder one."""
    labels = np.array(groups)
    present = [STATES] if kind == BodyKind.INTERGOVERNMENTAL else list(dict.fromkeys(groups))
    shares = [float(yes[labels == g].mean()) for g in present if (labels == g).any()]
    return float(np.mean(shares)) if shares else 0.0


def adopted(rule: DecisionRule, share: float, quota: float) -> bool:
    """Consensus needs every vote that counts; a majority more than half; a qualified
    majority at least the body's quota."""
    if rule == DecisionRule.CONSENSUS:
        return share >= 1.0
    if rule == DecisionRule.MAJORITY:
        return share > 0.5
    return share >= quota


@dataclass
class Vote:
    """The outcome of one proposal: who voted yes, the weighted support, and the decision."""

    proposal: Proposal
    step: int
    voters: list[str]
    yes: np.ndarray
    support: float
    adopted: bool
    state_yes: dict[int, bool]
    drafted: list[tuple[int, Measure]] = field(default_factory=list)
    """Measures the signatories of an adopted data treaty drafted (new ones only)."""


@dataclass
class Arena:
    """The state of governance in a run (state variables of ODD 2 and rules of ODD 7.34)."""

    spec: GovernanceSpec
    countries: list[str]
    regimes: list[Regime]
    firm_homes: dict[str, int]
    anchor: np.ndarray
    hegemon: int | None
    legitimacy: float
    stance: np.ndarray = field(init=False)
    conceded: int | None = None
    transferred: bool = False
    drafted: dict[tuple[int, Measure], int] = field(default_factory=dict)
    in_force: set[tuple[int, Measure]] = field(default_factory=set)
    votes: dict[str, Vote] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.stance = self.anchor.copy()

    @classmethod
    def build(cls, scenario: Scenario) -> "Arena":
        """Stances from the scenario (or regime), the hegemon, laws already in force."""
        spec = scenario.governance
        countries = scenario.country_ids()
        index = {c: i for i, c in enumerate(countries)}
        anchor = np.array(
            [
                spec.stance.initial.get(
                    c.id,
                    max(REGIME_STANCE[c.regime], SOVEREIGN_STANCE)
                    if c.governance == "sovereign"
                    else REGIME_STANCE[c.regime],
                )
                for c in scenario.countries
            ]
        )
        arena = cls(
            spec=spec,
            countries=countries,
            regimes=[c.regime for c in scenario.countries],
            firm_homes={f.id: index[f.home] for f in scenario.firms},
            anchor=anchor,
            hegemon=index[spec.hegemon.id] if spec.hegemon.id else None,
            legitimacy=spec.hegemon.legitimacy,
        )
        for c in scenario.countries:
            if c.governance == "sovereign":
                arena.in_force.add((index[c.id], Measure.LOCALISATION))
        return arena

    # ---------------------------------------------------------------- legitimacy, stances
    def surveillance_revealed(self, about: int, impact: float) -> bool:
        """A surveillance leak about the hegemon costs it a share `impact` of its legitimacy."""
        if about != self.hegemon:
            return False
        self.legitimacy *= 1.0 - impact
        return True

    def drift(self, tension: np.ndarray, baseline: np.ndarray) -> None:
        """One step: stances close a share of the gap to their targets; the hegemon's
        legitimacy recovers a little. The hegemon's own stance stays at its anchor."""
        if self.hegemon is None:
            return
        hegemon_spec = self.spec.hegemon
        lost = max(0.0, hegemon_spec.legitimacy - self.legitimacy)
        excess = np.clip(tension[:, self.hegemon] - baseline[:, self.hegemon], 0.0, 1.0)
        target = stance_target(self.anchor, lost, excess, self.spec.stance)
        self.stance += self.spec.stance.drift * (target - self.stance)
        self.stance[self.hegemon] = self.anchor[self.hegemon]
        self.legitimacy += hegemon_spec.recovery * lost

    def pressure(self) -> float:
        """How far the other states have moved towards sovereignty since the start, on average."""
        if self.hegemon is None:
            return 0.0
        others = np.arange(len(self.countries)) != self.hegemon
        return float((self.stance - self.anchor)[others].mean())

    def concedes(self, step: int) -> bool:
        """The hegemon concedes once the pressure reaches its threshold, winning back part
        of the legitimacy it lost; it concedes once."""
        hegemon_spec = self.spec.hegemon
        if self.hegemon is None or self.conceded is not None:
            return False
        if self.pressure() < hegemon_spec.concession_threshold:
            return False
        self.conceded = step
        self.restore_legitimacy()
        return True

    def restore_legitimacy(self) -> None:
        hegemon_spec = self.spec.hegemon
        lost = max(0.0, hegemon_spec.legitimacy - self.legitimacy)
        self.legitimacy += hegemon_spec.concession_gain * lost

    def swing_states(self) -> np.ndarray:
        """Indices of the states that started near the middle of the continuum."""
        near = np.abs(self.anchor - 0.5) <= SWING_BAND
        if self.hegemon is not None:
            near[self.hegemon] = False
        return np.flatnonzero(near)

    # ---------------------------------------------------------------- bodies and votes
    def due(self, step: int) -> list[Proposal]:
        """Proposals voted this step: on their step, or the given steps after the concession."""
        return [
            p
            for p in self.spec.proposals
            if p.step == step
            or (
                p.after_concession is not None
                and self.conceded is not None
                and self.conceded + p.after_concession == step
            )
        ]

    def body(self, name: str) -> Body:
        return next(b for b in self.spec.bodies if b.id == name)

    def seats(self, body: Body) -> tuple[list[str], list[str], np.ndarray]:
        """The body's voters, their stakeholder group and their stance. A firm sides half
        way between its home state's stance and the multistakeholder pole."""
        index = {c: i for i, c in enumerate(self.countries)}
        members = body.members or self.countries
        voters, groups, stances = [], [], []
        for member in members:
            voters.append(member)
            if member in index:
                groups.append(STATES)
                stances.append(self.stance[index[member]])
            else:
                groups.append(FIRMS)
                stances.append(0.5 * self.stance[self.firm_homes[member]])
        for seat in body.civil_society:
            voters.append(seat)
            groups.append(CIVIL_SOCIETY)
            stances.append(CIVIL_SOCIETY_STANCE)
        return voters, groups, np.array(stances)

    def vote(self, proposal: Proposal, step: int, draws: np.ndarray) -> Vote:
        """Each seat votes yes with its chance (`draws` are uniform numbers, one a seat); the
        body decides by its rule."""
        body = self.body(proposal.body)
        voters, groups, stances = self.seats(body)
        sovereign = sovereignty_vote(stances, self.spec.stance.vote_noise)
        chance = sovereign if proposal.kind == ProposalKind.DATA_TREATY else 1.0 - sovereign
        yes = draws < chance
        share = support(yes, groups, body.kind)
        index = {c: i for i, c in enumerate(self.countries)}
        state_yes = {
            index[v]: bool(y) for v, y, g in zip(voters, yes, groups, strict=True) if g == STATES
        }
        vote = Vote(
            proposal, step, voters, yes, share, adopted(body.rule, share, body.quota), state_yes
        )
        self.votes[proposal.id] = vote
        if vote.adopted and proposal.kind == ProposalKind.STEWARDSHIP_TRANSFER:
            self.transferred = True
            self.restore_legitimacy()
        if vote.adopted and proposal.kind == ProposalKind.DATA_TREATY:
            vote.drafted = [
                (state, measure)
                for state, said_yes in state_yes.items()
                for measure in (proposal.effects if said_yes else [])
                if self.draft(state, measure, step)
            ]
        return vote

    def sovereigntist_weight(self, body: Body) -> float:
        """Weighted share of a body's votes held by seats leaning to sovereignty: above one
        half, sovereigntists could carry its decisions (the body is captured)."""
        _, groups, stances = self.seats(body)
        return support(stances > 0.5, groups, body.kind)

    # ---------------------------------------------------------------- sovereign measures
    def draft(self, state: int, measure: Measure, step: int) -> bool:
        """Draft a measure, in force `measures.delay` steps later; once per state and measure."""
        key = (state, measure)
        if key in self.drafted or key in self.in_force:
            return False
        self.drafted[key] = step + self.spec.measures.delay
        return True

    def draft_unilateral(self, step: int) -> list[tuple[int, Measure]]:
        """States whose stance passed a measure's threshold draft it."""
        thresholds = {
            Measure.LOCALISATION: self.spec.measures.localisation_threshold,
            Measure.BLOCKING: self.spec.measures.blocking_threshold,
        }
        return [
            (int(state), measure)
            for measure, threshold in thresholds.items()
            for state in np.flatnonzero(self.stance > threshold)
            if self.draft(int(state), measure, step)
        ]

    def coming_into_force(self, step: int) -> list[tuple[int, Measure]]:
        """Drafted measures whose time has come, now in force."""
        due = [key for key, when in self.drafted.items() if when <= step]
        for key in due:
            del self.drafted[key]
            self.in_force.add(key)
        return due
