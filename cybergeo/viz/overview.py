"""The overview figure of a run: its eight panels on one page."""

from typing import TYPE_CHECKING

from cybergeo.i18n import _
from cybergeo.viz.panels import PANELS
from cybergeo.viz.style import ClassFigure

if TYPE_CHECKING:
    from cybergeo.run import RunResult


def overview_figure(result: "RunResult") -> ClassFigure:
    """Operations, attributions, trust, protest, tension, escalation and availability.

    Uses matplotlib's object API (no pyplot state), so it is safe in workers and servers,
    and displays itself in Jupyter.
    """
    figure = ClassFigure(figsize=(13, 15), layout="constrained")
    axes = figure.subplots(4, 2)
    figure.suptitle(
        _("{scenario} — seed {seed}").format(scenario=result.scenario.name, seed=result.seed)
    )
    for panel, ax in zip(PANELS, axes.flat, strict=True):
        panel.draw(ax, result.metrics, result.scenario.step_days)
    return figure
