"""The class dashboard (Solara): `show()` in Jupyter, `cybergeo dashboard` in a browser,
and `mesa_view()` for those who know Mesa's SolaraViz.

`mesa_view` is imported when first used: Mesa's visualisation brings altair and jsonschema,
seconds of start-up that the class dashboard and its server do not need.
"""

from pathlib import Path
from typing import Any

import reacton.core

from cybergeo.viz.dashboard.app import Dashboard

__all__ = ["Dashboard", "mesa_view", "show"]


def show(scenario: str | Path | None = None, lang: str | None = None) -> reacton.core.Element:
    """The dashboard, for the last line of a Jupyter cell: `dashboard.show()`."""
    return Dashboard(None if scenario is None else str(scenario), lang)


def __getattr__(name: str) -> Any:
    if name == "mesa_view":
        from cybergeo.viz.dashboard.solaraviz import mesa_view

        return mesa_view
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
