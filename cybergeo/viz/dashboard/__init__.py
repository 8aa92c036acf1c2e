"""The class dashboard (Solara): `show()` in Jupyter, `cybergeo dashboard` in a browser,
and `mesa_view()` for those who know Mesa's SolaraViz."""

from pathlib import Path

import reacton.core

from cybergeo.viz.dashboard.app import Dashboard
from cybergeo.viz.dashboard.mesa_view import mesa_view

__all__ = ["Dashboard", "mesa_view", "show"]


def show(scenario: str | Path | None = None, lang: str | None = None) -> reacton.core.Element:
    """The dashboard, for the last line of a Jupyter cell: `dashboard.show()`."""
    return Dashboard(None if scenario is None else str(scenario), lang)
