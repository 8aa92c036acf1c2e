"""Cyber operations: their true author, their visible face, and how they land on a target."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cybergeo.dynamics.kinds import OperationKind

OUTAGE_STEPS = {OperationKind.SABOTAGE: 5, OperationKind.DDOS: 2, OperationKind.DEFACEMENT: 1}
"""How long a successful disruptive operation keeps its target down, in steps."""

STAKES = {
    OperationKind.ESPIONAGE: 0.4,
    OperationKind.SABOTAGE: 0.9,
    OperationKind.DDOS: 0.3,
    OperationKind.INFLUENCE: 0.5,
    OperationKind.HACK_AND_LEAK: 0.6,
    OperationKind.DEFACEMENT: 0.2,
    OperationKind.DOXXING: 0.3,
}
"""How much an operation of each kind matters to its author, before tension raises it."""


@dataclass
class Operation:
    """One operation from launch to its end; the truth the victim does not see.

    `author` is who decided it (a state, or a group acting alone); `face` is who carried it
    out (a proxy group for a state, or the author); `apparent_origin` is the country its
    traffic seemed to come from; `false_flag` the actor whose indicators were planted.
    """

    id: int
    kind: OperationKind
    author: str
    face: str
    target_country: int
    target_system: int
    launched: int
    stealth: float
    toolkit: str
    apparent_origin: str
    false_flag: str | None = None
    zero_day: int | None = None
    retaliation: bool = False
    claimed_by: str | None = None
    """Who announces it in public (a group claiming its strike); its victim hears the claim."""
    succeeded: bool = False
    detected: int | None = None


def success_probability(skill: float, exploit: str, defence: float) -> float:
    """Chance an operation works: attacker skill, the flaw used, the owner's defence.

    A zero-day almost always opens the door, a public (unpatched) flaw often, no flaw
    rarely; defence halves the chance at most.
    """
    door = {"zero_day": 0.95, "public": 0.7, "none": 0.35}[exploit]
    return float(np.clip(skill * door * (1.0 - 0.5 * defence) + 0.1 * door, 0.0, 1.0))


MEDIAN_DWELL_DAYS = 146.0
"""Median days an intrusion stays unseen by its victim, at middling stealth (0.5) and
defence (0.5): Mandiant M-Trends 2016, for 2015 (416 days in 2011, 229 in 2013, 10 in 2023)."""
DETECTION_WINDOW_DAYS = 3 * 365
"""Days after launch during which traces remain to be found (OPM and SolarWinds were found
after about a year); later, an operation stays unseen for good."""
VISIBLE = {
    OperationKind.SABOTAGE,
    OperationKind.DDOS,
    OperationKind.DEFACEMENT,
    OperationKind.DOXXING,
}
"""Kinds whose success is seen at once (the outage shows), though not who did it."""


@lru_cache(maxsize=1024)
def detection_hazard(stealth: float, defence: float, days_per_step: int = 1) -> float:
    """Chance per step that an operation's traces are found by its target (remembered: every
    running operation asks for its own each step).

    A constant daily hazard whose median dwell is `MEDIAN_DWELL_DAYS` at stealth 0.5 and
    defence 0.5, in proportion to (1 − stealth) and to (0.5 + defence): a stealthy operation
    (0.85) against a strong defence (0.7) dwells about 400 days, a clumsy one (0.5) against
    a weak defence (0.2) about 210.
    """
    daily = np.log(2.0) / MEDIAN_DWELL_DAYS * (1.0 - stealth) / 0.5 * (0.5 + defence)
    return float(np.clip(1.0 - np.exp(-daily * days_per_step), 0.0, 1.0))
