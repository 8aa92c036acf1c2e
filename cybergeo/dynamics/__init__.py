"""Mechanisms: operations, attribution, information, diplomacy and mobilisation.

The rules that theory can check are public functions on plain inputs; the model calls the
same functions.
"""

from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.dynamics.spread import independent_cascade, spread_final_size

__all__ = [
    "activation",
    "arrest_probability",
    "grievance",
    "independent_cascade",
    "spread_final_size",
]
