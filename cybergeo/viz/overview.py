"""The overview figure of a run: its eight panels on one page."""

import pandas as pd

from cybergeo.i18n import _
from cybergeo.viz.panels import PANELS
from cybergeo.viz.style import ClassFigure


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


def run_title(scenario: str, seed: int) -> str:
    """The overview's title: scenario and seed, in the language in force."""
    return _("{scenario} — seed {seed}").format(scenario=scenario, seed=seed)
