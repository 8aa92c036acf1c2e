"""HTML views of runs and models for Jupyter: a summary table above the overview figure.

They take plain pieces (scenario, seed, metrics) so that `RunResult` and `CyberspaceModel`
can call them without the package importing itself in a circle.
"""

import base64
import html

import pandas as pd

from cybergeo.i18n import _
from cybergeo.i18n.labels import label
from cybergeo.measures import headline
from cybergeo.scenario import Scenario
from cybergeo.viz.overview import overview_figure, run_title
from cybergeo.viz.style import figure_png


def summary_table(scenario: Scenario, seed: int, metrics: pd.DataFrame) -> str:
    """What was run, and its headline numbers, as an HTML table."""
    rows = {
        _("scenario"): scenario.name,
        _("seed"): str(seed),
        _("days simulated"): str(len(metrics) * scenario.step_days),
        _("countries"): ", ".join(scenario.country_ids()),
    }
    if len(metrics):
        rows |= {label(name): f"{value:.3g}" for name, value in headline(metrics).items()}
    cells = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
        for k, v in rows.items()
    )
    return f"<table>{cells}</table>"


def run_html(scenario: Scenario, seed: int, metrics: pd.DataFrame) -> str:
    """The summary table, then the overview figure as an embedded PNG (once steps exist)."""
    table = summary_table(scenario, seed, metrics)
    if not len(metrics):
        return table
    figure = overview_figure(metrics, run_title(scenario.name, seed), scenario.step_days)
    image = base64.b64encode(figure_png(figure, dpi=72)).decode("ascii")
    return (
        f"<div>{table}<img alt='{html.escape(_('Overview of the run'))}' "
        f"src='data:image/png;base64,{image}' style='max-width:100%'/></div>"
    )
