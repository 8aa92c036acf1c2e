"""Crises: provocations that set patriotic hackers off, and the institutions that follow.

A provocation (a state's act another state's patriots resent) feeds their groups' outrage for
a while, so they strike in waves. A state hit by many disruptive incidents in a short time is
in crisis; once calm returns, it may found a joint institution with its allies (a cyber
defence centre, a norm), which lowers tension among them for good.
"""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.dynamics.operations import OUTAGE_STEPS
from cybergeo.view import ModelView


def in_crisis(opened: list[int], now: int, window: int, threshold: int) -> bool:
    """Whether at least `threshold` disruptive incidents were opened in the last `window`
    steps (a threshold of 0 means crises never count)."""
    recent = sum(1 for step in opened if now - window < step <= now)
    return threshold > 0 and recent >= threshold


@dataclass
class CrisisDesk:
    """Provocations under way, the last step each state was in crisis, and those that have
    founded an institution since."""

    model: ModelView
    last_crisis: dict[int, int] = field(default_factory=dict)
    founded: set[int] = field(default_factory=set)

    def provoke(self) -> None:
        """Each provocation under way outrages the offended state's patriotic groups at the
        state that gave offence, as an attack on their home would."""
        model = self.model
        for act in model.spec.crises.provocations:
            if not act.step <= model.steps < act.step + act.duration:
                continue
            if act.step == model.steps:
                model.emit("provocation", act.by, act.offended, detail=f"{act.duration} steps")
            by, offended = model.country_index[act.by], model.country_index[act.offended]
            for group in model.groups.values():
                if group.spec.home == act.offended:
                    group.witness("attack_on_home", by, offended)

    def aftermath(self) -> None:
        """Note which states are in crisis (a `crisis` event when one begins); a state calm
        for a whole window after its crisis founds an institution with its allies with
        `crises.founding_rate` per step."""
        model = self.model
        spec = model.spec.crises
        if spec.crisis_incidents == 0:
            return
        opened: dict[int, list[int]] = {}
        for op in model.operations:
            if op.kind in OUTAGE_STEPS and op.detected is not None:
                opened.setdefault(op.target_country, []).append(op.detected)
        for victim, steps in opened.items():
            if in_crisis(steps, model.steps, spec.crisis_window, spec.crisis_incidents):
                if self.last_crisis.get(victim) != model.steps - 1:
                    model.emit(
                        "crisis",
                        model.countries[victim],
                        None,
                        detail=f"{spec.crisis_incidents} disruptive incidents "
                        f"within {spec.crisis_window} steps",
                    )
                self.last_crisis[victim] = model.steps
        for victim, last in self.last_crisis.items():
            calm = model.steps - last >= spec.crisis_window
            if victim not in self.founded and calm and model.rng.random() < spec.founding_rate:
                self._found(victim, last)

    def _found(self, victim: int, crisis: int) -> None:
        """The institution: the victim and each ally agree, lowering their tension and the
        level it returns to by `diplomacy.agreement_relief`."""
        model = self.model
        self.founded.add(victim)
        allies = [int(a) for a in np.flatnonzero(model.relations.allied[victim])]
        for ally in allies:
            model.relations.agree(victim, ally, model.spec.diplomacy.agreement_relief)
        model.emit(
            "institution_founded",
            model.countries[victim],
            ",".join(model.countries[a] for a in allies) or None,
            detail=f"after the crisis that ended on step {crisis}",
        )

    def step_metrics(self) -> dict[str, float]:
        """Institutions founded so far (only when crises can lead to them)."""
        if self.model.spec.crises.crisis_incidents == 0:
            return {}
        return {"institutions_founded": len(self.founded)}
