"""Mechanisms, one rule per module: pure functions on plain inputs (operations, information,
diplomacy, mobilisation, opinions, spread, investigation) and the rules that act on a run
through `cybergeo.view.ModelView` (leaks, censorship, responses, planning, effects, media,
incidents, stockpiles, surveillance).

The rules that theory can check are public functions on plain inputs; the model calls the
same functions.
"""

from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
from cybergeo.dynamics.opinions import bounded_confidence, opinion_clusters
from cybergeo.dynamics.rebellion import civil_violence
from cybergeo.dynamics.spread import independent_cascade, spread_final_size

__all__ = [
    "activation",
    "arrest_probability",
    "bounded_confidence",
    "civil_violence",
    "grievance",
    "independent_cascade",
    "opinion_clusters",
    "spread_final_size",
]
