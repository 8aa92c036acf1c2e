"""The actors: states, firms, hacktivist groups, whistleblowers (Mesa agents) and citizens
(a vectorised population)."""

from cybergeo.actors.citizens import CitizenPopulation
from cybergeo.actors.firm import FirmAgent
from cybergeo.actors.hacktivist import HacktivistGroup
from cybergeo.actors.state import StateAgent
from cybergeo.actors.whistleblower import Whistleblower
from cybergeo.actors.zero_days import use_zero_day, zero_day_threshold

__all__ = [
    "CitizenPopulation",
    "FirmAgent",
    "HacktivistGroup",
    "StateAgent",
    "Whistleblower",
    "use_zero_day",
    "zero_day_threshold",
]
