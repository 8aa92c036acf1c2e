"""Mechanisms, one rule per module: pure functions on plain inputs (operations, information,
diplomacy, mobilisation, opinions, spread, investigation) and the rules that act on a run
through `cybergeo.view.ModelView` (leaks, censorship, responses, planning, effects, media,
incidents, stockpiles, surveillance).

The rules that theory can check are public functions on plain inputs; the model calls the
same functions. They are imported on first use, so that a module reading one enum (the
escalation ladder, the kinds of operation) does not pay for networkx.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cybergeo.dynamics.mobilisation import activation, arrest_probability, grievance
    from cybergeo.dynamics.opinions import bounded_confidence, opinion_clusters
    from cybergeo.dynamics.rebellion import civil_violence
    from cybergeo.dynamics.spread import independent_cascade, spread_final_size

_HOMES = {
    "activation": "mobilisation",
    "arrest_probability": "mobilisation",
    "grievance": "mobilisation",
    "bounded_confidence": "opinions",
    "opinion_clusters": "opinions",
    "civil_violence": "rebellion",
    "independent_cascade": "spread",
    "spread_final_size": "spread",
}

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


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"cybergeo.dynamics.{_HOMES[name]}"), name)
