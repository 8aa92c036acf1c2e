"""The layered cyberspace: hardware, software and semantic strata, routing and cascades."""

from cybergeo.world.percolation import giant_component_fraction, mutual_giant_component
from cybergeo.world.strata import AccountKind, HardwareKind, SoftwareKind, Stratum
from cybergeo.world.world import World, build_world

__all__ = [
    "AccountKind",
    "HardwareKind",
    "SoftwareKind",
    "Stratum",
    "World",
    "build_world",
    "giant_component_fraction",
    "mutual_giant_component",
]
