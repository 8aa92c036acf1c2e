"""Analysis of batches: the metric catalogue, comparisons that do not mislead, sensitivity
warnings, the tidy per-run table, EMA Workbench, and the scenario-taking API."""

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.text import Text
from typer.testing import CliRunner

from cybergeo import load_batch, load_scenario
from cybergeo.cli import app
from cybergeo.experiments import (
    compare_policies,
    comparison_figure,
    run_batch,
    sensitivity_indices,
)
from cybergeo.experiments.batch import create_batch
from cybergeo.experiments.catalogue import CATALOGUE, Kind, Statistic, describe
from cybergeo.experiments.compare import ComparisonError
from cybergeo.experiments.sensitivity import sensitivity_figure, sensitivity_warnings
from cybergeo.i18n import speaking
from cybergeo.run import simulate
from cybergeo.scenario.experiment import ExperimentSpec

TINY = {
    "name": "tiny",
    "steps": 4,
    "countries": [
        {"id": "A", "citizens": 20, "rivals": ["B"], "operations_rate": 0.3},
        {"id": "B", "citizens": 20, "rivals": ["A"], "operations_rate": 0.3},
    ],
}


def toy(params: dict, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ten steps of a count (rare events, rate set by `rate`) and a share (near one when
    `open` is high): exact statistics known, and intervals that could leave the bounds."""
    rng = np.random.default_rng(seed)
    steps = np.arange(1, 11)
    launched = rng.poisson(params.get("rate", 0.05), size=10)
    share = np.clip(params.get("open", 0.5) + rng.normal(0, 0.02, size=10), 0, 1)
    metrics = pd.DataFrame(
        {"step": steps, "operations_launched": launched, "protest_share.A": share, "y": share}
    )
    return metrics, pd.DataFrame({"step": pd.Series([], dtype="int64")})


@pytest.fixture(scope="module")
def two_factors(tmp_path_factory):
    spec = ExperimentSpec(
        seed=4,
        replications=8,
        parameters={"rate": {"values": [0.05, 2.0]}, "open": {"values": [0.5, 0.99]}},
    )
    folder = create_batch(tmp_path_factory.mktemp("toy"), spec, "toy", None, None)
    assert run_batch(folder, executor="serial", run=toy).completed == 32
    return load_batch(folder)


@pytest.mark.parametrize(("lang", "days"), [("en", "day of the run"), ("fr", "jour du run")])
def test_comparison_figure_fits_its_page_and_gives_each_policy_one_colour(two_factors, lang, days):
    """No text is cut at the figure's edges (in either language), time is in days, and each
    policy has one colour in both panels, named by one legend beside the data."""
    with speaking(lang):
        table = compare_policies(two_factors, ["rate", "open"], "operations_launched")
        figure = comparison_figure(table, two_factors)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    over_time, summary = figure.axes
    legend = summary.get_legend()
    texts: list[Text] = [figure._suptitle, legend.get_title(), *legend.get_texts()]
    for ax in figure.axes:
        texts += [ax.title, ax.xaxis.label, ax.yaxis.label]
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            texts += [t.label1 for t in axis.get_major_ticks() if low <= t.get_loc() <= high]
    page = figure.bbox
    for text in texts:
        box = text.get_window_extent(renderer)
        inside = page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0
        assert inside and box.y1 <= page.y1, f"cut at the edge: {text.get_text()!r}"
    assert over_time.get_xlabel() == days
    lines = [to_hex(line.get_color()) for line in over_time.get_lines()]
    marks = [to_hex(bar[0].get_color()) for bar in summary.containers]
    assert lines == marks and len(set(lines)) == len(table)
    assert legend.get_window_extent(renderer).x0 >= summary.get_window_extent(renderer).x1


def test_catalogue_names_every_metric_the_model_records():
    metrics = simulate({**TINY, "firms": [{"id": "F", "home": "A"}]}, steps=2).metrics
    unknown = [m for m in metrics.columns if m != "step" and not describe(m).known]
    assert unknown == []
    assert describe("operations_launched").statistic == Statistic.TOTAL
    assert describe("trust_government.Eastmark").kind == Kind.LEVEL
    assert describe("protest_share.A").upper == 1.0
    assert len({info.pattern for info in CATALOGUE}) == len(CATALOGUE)


def test_an_unknown_metric_falls_back_to_its_mean_and_says_so(two_factors):
    table = compare_policies(two_factors, ["rate", "open"], "y")
    assert table.attrs["statistic"] == "mean"
    assert "not in the metric catalogue" in table.attrs["note"]


def test_counts_are_compared_by_their_total_and_intervals_stay_in_bounds(two_factors):
    table = compare_policies(two_factors, ["rate", "open"], "operations_launched")
    assert table.attrs["statistic"] == "total" and "default for a count" in table.attrs["note"]
    per_run = two_factors.per_run(["operations_launched"])
    first = per_run[(per_run["rate"] == 0.05) & (per_run["open"] == 0.5)]
    assert table["mean"].iloc[0] == pytest.approx(first["operations_launched"].mean())
    assert (table["ci_low"] >= 0).all()
    shares = compare_policies(two_factors, ["rate", "open"], "protest_share.A")
    assert (shares["ci_high"] <= 1).all() and (shares["ci_low"] <= shares["mean"]).all()
    assert list(table["runs"]) == [8, 8, 8, 8]


def test_two_factor_comparison_has_one_row_per_combination(two_factors):
    table = compare_policies(two_factors, ["rate", "open"], "operations_launched")
    assert set(zip(table["rate"], table["open"], strict=True)) == {
        (0.05, 0.5),
        (0.05, 0.99),
        (2.0, 0.5),
        (2.0, 0.99),
    }
    high = table[(table["rate"] == 2.0)]
    assert (high["diff_ci_low"] > 0).all()  # ~19 more operations per run: clearly detected
    assert table["reference"].sum() == 1


def test_pooling_is_explicit(two_factors):
    with pytest.raises(ComparisonError, match=r"also varies open.*--pool"):
        compare_policies(two_factors, "rate", "operations_launched")
    pooled = compare_policies(two_factors, "rate", "operations_launched", pool=True)
    assert pooled.attrs["pooled"] == ["open"] and list(pooled["runs"]) == [16, 16]


def test_cli_compare_names_outputs_after_metric_factors_and_statistic(two_factors):
    folder = str(two_factors.folder)
    by = ["--by", "rate", "--by", "open", "--metric", "operations_launched"]
    first = CliRunner().invoke(app, ["compare", folder, *by])
    second = CliRunner().invoke(app, ["compare", folder, *by, "--statistic", "max"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    names = sorted(p.name for p in (two_factors.folder / "compare").iterdir())
    assert names == [
        "operations_launched--by--rate+open--max.csv",
        "operations_launched--by--rate+open--max.png",
        "operations_launched--by--rate+open--total.csv",
        "operations_launched--by--rate+open--total.png",
    ]
    assert "total per run (the default for a count per step)" in first.output
    assert "max per run (as asked)" in second.output


def test_load_batch_gives_a_tidy_table_and_a_short_repr(two_factors):
    table = two_factors.per_run(["operations_launched", "protest_share.A"])
    assert list(table.columns) == [
        "run",
        "point",
        "replication",
        "seed",
        "rate",
        "open",
        "operations_launched",
        "protest_share.A",
    ]
    assert len(table) == 32
    assert {"rate", "open"} <= set(two_factors.metrics.columns)
    text = repr(two_factors)
    assert "\n" not in text and len(text) < 300 and "32 completed" in text


def noisy(params: dict, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    value = params["a"] + 0.1 * params["b"] + np.random.default_rng(seed).normal(0, 2)
    return pd.DataFrame({"step": [1], "y": [value]}), pd.DataFrame({"step": [1]})


def test_sobol_with_too_few_samples_warns_and_says_how_many(tmp_path):
    spec = ExperimentSpec(
        design="sobol", samples=8, seed=1, parameters={p: {"range": [0, 1]} for p in "ab"}
    )
    folder = create_batch(tmp_path, spec, "noisy", None, None)
    run_batch(folder, executor="serial", run=noisy)
    table = sensitivity_indices(load_batch(folder), "y")
    warnings = sensitivity_warnings(table)
    assert any("interval is" in w and "samples:" in w and "(now 8)" in w for w in warnings)
    assert table.attrs["statistic"] == "mean"
    title = sensitivity_figure(table).axes[0].get_title()
    assert "mean per run" in title and "N=8" in title


def test_sobol_indices_outside_0_1_beyond_their_interval_are_flagged():
    table = pd.DataFrame(
        {"parameter": ["p"], "S1": [1.77], "S1_conf": [0.1], "ST": [0.5], "ST_conf": [0.05]}
    )
    table.attrs["samples"] = 64
    (warning, *_) = sensitivity_warnings(table)
    assert "S1 of p is 1.77" in warning and "outside [0, 1]" in warning
    table.attrs.update(metric="y", statistic="mean")
    figure = sensitivity_figure(table)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    (ax,) = figure.axes
    band, *bars = ax.patches
    assert all(bar.get_zorder() > band.get_zorder() for bar in bars), "the band hides the bars"
    assert max(bar.get_width() for bar in bars) == 1.77
    assert ax.get_xlim()[1] >= 1.77 + 0.1, "the interval is cut"
    assert ax.get_legend().get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1


def test_morris_plots_mu_star_against_sigma(tmp_path):
    spec = ExperimentSpec(
        design="morris", samples=6, seed=2, parameters={p: {"range": [0, 1]} for p in "ab"}
    )
    folder = create_batch(tmp_path, spec, "morris", None, None)
    run_batch(folder, executor="serial", run=noisy)
    result = CliRunner().invoke(app, ["sensitivity", str(folder), "--metric", "y"])
    assert result.exit_code == 0, result.output
    table = sensitivity_indices(load_batch(folder), "y")
    axes = sensitivity_figure(table).axes[0]
    assert axes.get_xlabel().startswith("mu*") and axes.get_ylabel().startswith("sigma")
    assert (folder / "sensitivity" / "y--mean.png").is_file()


def test_simulate_takes_any_scenario_source_and_refuses_bad_steps(tmp_path):
    scenario = load_scenario(TINY)
    path = tmp_path / "tiny.yaml"
    path.write_text(str(TINY).replace("'", '"'))
    results = [simulate(source, seed=1, steps=2).metrics for source in (scenario, TINY, path)]
    pd.testing.assert_frame_equal(results[0], results[1])
    pd.testing.assert_frame_equal(results[0], results[2])
    for steps in (-1, 0, True, 10**9, 2.5):
        with pytest.raises(ValueError, match="steps must be a whole number from 1 to 100000"):
            simulate(TINY, steps=steps)
    with pytest.raises(ValueError, match="seed"):
        simulate(TINY, seed=-1)


def test_summary_of_a_run_of_no_steps():
    result = simulate(TINY, steps=1)
    empty = dataclasses.replace(result, metrics=result.metrics.iloc[0:0])
    summary = empty.summary()
    assert summary["operations_launched"] == 0 and math.isnan(summary["final_mean_tension"])


def test_load_scenario_takes_a_scenario_and_checks_override_ids():
    scenario = load_scenario(TINY)
    assert load_scenario(scenario) is scenario
    assert load_scenario(scenario, {"countries.A.legitimacy": 0.2}).countries[0].legitimacy == 0.2
    added = load_scenario(scenario, {"countries.+C.legitimacy": 0.3})
    assert [c.id for c in added.countries] == ["A", "B", "C"]
