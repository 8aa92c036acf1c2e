"""Stylised facts: a catalogue of measures over runs, and the checker of a scenario's facts.

`check_facts` is imported on first use, so validating a scenario's `facts:` (which needs
only the catalogue) does not load the batch engine.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cybergeo.facts.check import check_facts

__all__ = ["check_facts"]


def __getattr__(name: str) -> Any:
    if name == "check_facts":
        from cybergeo.facts.check import check_facts

        return check_facts
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
