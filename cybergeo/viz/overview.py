"""The overview figure of a run: operations, attribution, trust, tension and availability."""

import pandas as pd
from matplotlib.figure import Figure


def overview_figure(metrics: pd.DataFrame, title: str, step_days: int) -> Figure:
    """Four panels over time of a run's metrics, cumulated where counts are shown.

    Uses matplotlib's object API (no pyplot state), so it is safe in workers and servers.
    """
    step = metrics["step"]
    figure = Figure(figsize=(11, 7), layout="constrained")
    axes = figure.subplots(2, 2)
    figure.suptitle(title)

    ax = axes[0, 0]
    for name in ("operations_launched", "operations_succeeded", "operations_detected"):
        ax.plot(step, metrics[name].cumsum(), label=name.removeprefix("operations_"))
    ax.set_title("Operations (cumulative)")
    ax.legend()

    ax = axes[0, 1]
    for name in ("attributions_correct", "attributions_wrong"):
        if name in metrics:
            ax.plot(step, metrics[name].cumsum(), label=name.removeprefix("attributions_"))
    ax.set_title("Public attributions (cumulative)")
    ax.legend()

    ax = axes[1, 0]
    for column in metrics.columns:
        if column.startswith("trust_government."):
            ax.plot(step, metrics[column], label=column.split(".", 1)[1])
    ax.set_ylim(0, 1)
    ax.set_title("Citizens' trust in their government")
    ax.legend()

    ax = axes[1, 1]
    for column in metrics.columns:
        if column.startswith("availability_"):
            ax.plot(step, metrics[column], label=column.removeprefix("availability_"))
    ax.plot(step, metrics["mean_tension"], label="mean tension", color="black", linestyle="--")
    ax.set_ylim(0, 1.05)
    ax.set_title("Availability of each stratum, and tension")
    ax.legend()

    for ax in axes.flat:
        ax.set_xlabel(f"step ({step_days} day(s))")
    return figure
