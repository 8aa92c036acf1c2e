"""HTML views of runs and models for Jupyter: a summary table above the overview figure."""

import base64
import html
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cybergeo.i18n import _
from cybergeo.i18n.labels import label
from cybergeo.viz.overview import run_overview
from cybergeo.viz.style import figure_png

if TYPE_CHECKING:
    from cybergeo.model import CyberspaceModel
    from cybergeo.run import RunResult


def summary_table(result: "RunResult") -> str:
    """What was run, and its headline numbers, as an HTML table."""
    rows = {
        _("scenario"): result.scenario.name,
        _("seed"): str(result.seed),
        _("days simulated"): str(result.steps * result.scenario.step_days),
        _("countries"): ", ".join(result.scenario.country_ids()),
    }
    if result.steps:
        rows |= {label(name): f"{value:.3g}" for name, value in result.summary().items()}
    cells = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
        for k, v in rows.items()
    )
    return f"<table>{cells}</table>"


def run_html(result: "RunResult") -> str:
    """The summary table, then the overview figure as an embedded PNG."""
    if not result.steps:
        return summary_table(result)
    image = base64.b64encode(figure_png(run_overview(result), dpi=72)).decode("ascii")
    return (
        f"<div>{summary_table(result)}"
        f"<img alt='{html.escape(_('Overview of the run'))}' "
        f"src='data:image/png;base64,{image}' style='max-width:100%'/></div>"
    )


def model_html(model: "CyberspaceModel") -> str:
    """A model shown as the run it has made so far."""
    return run_html(model_as_run(model))


def model_as_run(model: "CyberspaceModel") -> "RunResult":
    """The steps a model has run so far, as a run result (to show or to save)."""
    from cybergeo.run import RunResult

    now = datetime.now(UTC)
    return RunResult(
        scenario=model.spec,
        seed=int(model.scenario.rng),
        steps=model.steps,
        metrics=model.recorder.metrics_frame(),
        events=model.recorder.events_frame(),
        model=model,
        started=now,
        finished=now,
    )
