"""The overview figure of a run: its eight panels on one page."""

from typing import TYPE_CHECKING

import pandas as pd

from cybergeo.i18n import _
from cybergeo.viz.panels import PANELS
from cybergeo.viz.style import ClassFigure

if TYPE_CHECKING:
    from cybergeo.run import RunResult


def overview_figure(metrics: pd.DataFrame, title: str, step_days: int) -> ClassFigure:
    """Operations, attributions, trust, protest, tension, escalation and availability of a
    run's metrics, over days.

    Uses matplotlib's object API (no pyplot state), so it is safe in workers and servers,
    and displays itself in Jupyter.
    """
    figure = ClassFigure(figsize=(13, 15), layout="constrained")
    axes = figure.subplots(4, 2)
    figure.suptitle(title)
    for panel, ax in zip(PANELS, axes.flat, strict=True):
        panel.draw(ax, metrics, step_days)
    return figure


def run_overview(result: "RunResult") -> ClassFigure:
    """The overview of a run, titled with its scenario and seed."""
    title = _("{scenario} — seed {seed}").format(scenario=result.scenario.name, seed=result.seed)
    return overview_figure(result.metrics, title, result.scenario.step_days)
