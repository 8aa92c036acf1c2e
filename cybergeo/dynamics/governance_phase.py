"""Governance in the step: platforms answer (phase 2), the arena moves and its outcomes
change the world (phase 6), leaks cost the hegemon legitimacy, and the metrics of both.

Entry points: `platforms_respond`, `govern`, `surveillance_leak`, `governance_metrics`,
`collection`.
"""

import numpy as np

from cybergeo.dynamics.censorship import censor
from cybergeo.dynamics.governance import Vote
from cybergeo.dynamics.surveillance import ask
from cybergeo.scenario.governance import Measure, ProposalKind
from cybergeo.scenario.schema import FirmKind, Regime
from cybergeo.view import ModelView

REGIME_GROUPS = {
    "democracy": {Regime.DEMOCRACY},
    "non_democracy": {Regime.HYBRID, Regime.AUTHORITARIAN},
    "all": set(Regime),
}
"""The groups of states whose votes are reported apart."""


def platforms_respond(model: ModelView) -> None:
    """Exposed platforms publish transparency reports and encrypt (ODD 7.37)."""
    platforms = model.spec.governance.platforms
    for firm in model.firms.values():
        for action in firm.respond(platforms):
            detail = f"reputation {firm.reputation:.3f}" if action == "transparency_report" else ""
            model.emit(action, firm.name, None, detail=detail)


def surveillance_leak(model: ModelView, about: int, impact: float) -> None:
    """A surveillance leak about the hegemon costs it legitimacy (ODD 7.34)."""
    arena = model.arena
    if arena.surveillance_revealed(about, impact):
        model.emit(
            "legitimacy_loss", model.countries[about], None, detail=f"{arena.legitimacy:.3f}"
        )


def govern(model: ModelView) -> None:
    """One step of the arena (ODD 7.34-7.36): stances drift, the hegemon may concede, due
    proposals are voted, states draft measures, and measures come into force."""
    arena, step = model.arena, model.steps
    arena.drift(model.relations.tension, model.relations.baseline)
    if arena.concedes(step):
        model.emit("concession", model.countries[arena.hegemon or 0], None)
    for proposal in arena.due(step):
        voters = arena.seats(arena.body(proposal.body))[0]
        _record_vote(model, arena.vote(proposal, step, model.rng.random(len(voters))))
    for state, measure in arena.draft_unilateral(step):
        model.emit("measure_drafted", model.countries[state], None, detail=measure.value)
    for state, measure in arena.coming_into_force(step):
        _put_into_force(model, state, measure)


def _record_vote(model: ModelView, vote: Vote) -> None:
    proposal = vote.proposal
    for voter, yes in zip(vote.voters, vote.yes, strict=True):
        model.emit("vote", voter, proposal.id, detail="yes" if yes else "no")
    outcome = "adopted" if vote.adopted else "rejected"
    model.emit(
        f"proposal_{outcome}",
        proposal.body,
        proposal.id,
        detail=f"{proposal.kind.value}; support {vote.support:.3f}",
    )
    if vote.adopted and proposal.kind == ProposalKind.STEWARDSHIP_TRANSFER:
        hegemon = model.countries[model.arena.hegemon] if model.arena.hegemon is not None else None
        model.emit("stewardship_transfer", hegemon, proposal.body)
    for state, measure in vote.drafted:
        model.emit("measure_drafted", model.countries[state], None, detail=measure.value)


def _put_into_force(model: ModelView, state: int, measure: Measure) -> None:
    """A localisation law makes each foreign platform serving the state relocate its data
    there or leave (and be blocked); national blocking raises censorship capacity."""
    name = model.countries[state]
    model.emit("measure_in_force", name, None, detail=measure.value)
    if measure == Measure.BLOCKING:
        model.states[state].build_blocking(model.spec.governance.measures.blocking_gain)
        return
    for firm in model.firms.values():
        foreign = firm.spec.home != name and firm.spec.kind == FirmKind.PLATFORM
        if not foreign or not firm.serves(name) or firm.answers_as_home(name):
            continue
        if firm.answer_localisation(name, state):
            model.emit("data_relocation", firm.name, name)
            if name in model.surveillance_programmes:
                ask(model, name, firm)
        else:
            model.emit("market_exit", firm.name, name)
            censor(model, state, model.spec.steps - model.steps + 1, platform=firm.name)


def collection(model: ModelView, state: int) -> float:
    """PRISM's yield to a state: what its complicit platforms see of foreign users (ODD 7.37)."""
    name = model.countries[state]
    return min(1.0, sum(firm.collection(name, state) for firm in model.firms.values()))


def cross_border_open(model: ModelView) -> float:
    """Fragmentation's complement: the share of ties between citizens of different
    countries that are open."""
    accounts = model.world.accounts
    cross = accounts.cross_border
    return float(accounts.open[cross].mean()) if len(cross) else 1.0


def governance_metrics(model: ModelView) -> dict[str, float]:
    """The arena's state each step (recorded only when the scenario declares an arena)."""
    arena = model.arena
    metrics: dict[str, float] = {
        "hegemon_legitimacy": arena.legitimacy if arena.hegemon is not None else np.nan,
        "governance_pressure": arena.pressure(),
        "swing_stance": float(arena.stance[arena.swing_states()].mean())
        if len(arena.swing_states())
        else np.nan,
        "concession": float(arena.conceded is not None),
        "stewardship_transferred": float(arena.transferred),
        "localised_states": float(sum(m == Measure.LOCALISATION for _, m in arena.in_force)),
        "blocking_states": float(sum(m == Measure.BLOCKING for _, m in arena.in_force)),
    }
    for i, country in enumerate(model.countries):
        metrics[f"stance.{country}"] = float(arena.stance[i])
        metrics[f"collection.{country}"] = collection(model, i)
    for body in model.spec.governance.bodies:
        metrics[f"sovereigntist_weight.{body.id}"] = arena.sovereigntist_weight(body)
    for proposal in model.spec.governance.proposals:
        vote = arena.votes.get(proposal.id)
        metrics[f"support.{proposal.id}"] = vote.support if vote else np.nan
        metrics[f"adopted.{proposal.id}"] = float(vote.adopted) if vote else np.nan
        for label, regimes in REGIME_GROUPS.items():
            metrics[f"sovereign_votes.{proposal.id}.{label}"] = (
                _sovereign_share(model, vote, regimes) if vote else np.nan
            )
    return metrics


def _sovereign_share(model: ModelView, vote: Vote, regimes: set[Regime]) -> float:
    """Share of the voting states of some regimes that sided with sovereignty: yes to a
    data treaty, no to a stewardship transfer."""
    sides = [
        yes == (vote.proposal.kind == ProposalKind.DATA_TREATY)
        for state, yes in vote.state_yes.items()
        if model.arena.regimes[state] in regimes
    ]
    return float(np.mean(sides)) if sides else np.nan
