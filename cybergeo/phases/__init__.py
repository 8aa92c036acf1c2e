"""The phases of a step, one module each, in the order `CyberspaceModel.step` runs them."""

from cybergeo.phases.attribution import attribution
from cybergeo.phases.decisions import decisions
from cybergeo.phases.diplomacy import diplomacy
from cybergeo.phases.environment import environment
from cybergeo.phases.information import information
from cybergeo.phases.record import record
from cybergeo.phases.resolution import resolution
from cybergeo.phases.society import society

__all__ = [
    "attribution",
    "decisions",
    "diplomacy",
    "environment",
    "information",
    "record",
    "resolution",
    "society",
]
