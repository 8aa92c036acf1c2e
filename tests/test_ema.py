"""EMA Workbench: a scenario as an EMA model, its experiments through the batch store, and
PRIM scenario discovery on a batch."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from cybergeo import load_batch
from cybergeo.cli import app
from cybergeo.experiments import run_batch
from cybergeo.experiments.batch import create_batch
from cybergeo.scenario import ScenarioError
from cybergeo.scenario.experiment import ExperimentSpec

TINY = {
    "name": "tiny",
    "steps": 3,
    "countries": [
        {"id": "A", "citizens": 20, "rivals": ["B"], "operations_rate": 0.3},
        {"id": "B", "citizens": 20, "rivals": ["A"], "operations_rate": 0.3},
    ],
}
RATE = "countries.A.operations_rate"
DOCS = Path(__file__).parents[1] / "docs" / "ema.md"
OUTCOMES = ["operations_launched", "mean_tension"]


def escalation(params: dict, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Escalation happens when x is above 0.6, whatever z: PRIM should find x > 0.6."""
    noise = np.random.default_rng(seed).normal(0, 0.05)
    value = float(params["x"] > 0.6) * 5 + noise
    return pd.DataFrame({"step": [1], "max_escalation": [value]}), pd.DataFrame({"step": [1]})


@pytest.fixture(scope="module")
def ema():
    """`cybergeo.experiments.ema`, imported on first use: EMA Workbench takes seconds to
    import, and every test worker collects this file."""
    return pytest.importorskip("cybergeo.experiments.ema")


@pytest.fixture(scope="module")
def workbench():
    return pytest.importorskip("ema_workbench")


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    spec = ExperimentSpec(
        design="latin_hypercube",
        samples=200,
        seed=9,
        parameters={"x": {"range": [0, 1]}, "z": {"range": [0, 1]}},
    )
    folder = create_batch(tmp_path_factory.mktemp("prim"), spec, "prim", None, None)
    run_batch(folder, executor="serial", run=escalation)
    return folder


def test_the_model_has_paths_as_uncertainties_and_metrics_as_outcomes(ema, workbench):
    model = ema.scenario_model(TINY, {RATE: (0.1, 0.5)}, OUTCOMES, steps=3)
    assert [u.name for u in model.uncertainties] == ["countries_A_operations_rate"]
    assert [o.name for o in model.outcomes] == OUTCOMES
    experiments, outcomes = workbench.perform_experiments(model, scenarios=3)
    assert len(experiments) == 3 and set(outcomes) == set(OUTCOMES)
    assert (outcomes["operations_launched"] >= 0).all()


def test_a_typo_in_an_uncertainty_is_refused(ema):
    with pytest.raises(ScenarioError, match="did you mean 'A'"):
        ema.scenario_model(TINY, {"countries.AA.operations_rate": (0.1, 0.5)}, OUTCOMES)


def test_experiments_run_through_the_batch_store_and_resume(ema, tmp_path):
    model = ema.scenario_model(TINY, {RATE: (0.1, 0.5)}, OUTCOMES, steps=3)
    folder, experiments, outcomes = ema.run_experiments(
        model, 4, tmp_path, seed=1, executor="serial"
    )
    assert (folder / "manifest.json").is_file() and len(experiments) == 4
    assert experiments["countries_A_operations_rate"].between(0.1, 0.5).all()
    assert run_batch(folder, executor="serial").skipped == 4
    again = ema.ema_results(load_batch(folder), OUTCOMES)
    np.testing.assert_array_equal(again[1]["operations_launched"], outcomes["operations_launched"])


def test_prim_finds_the_parameter_range_that_leads_to_escalation(ema, swept):
    found = ema.discover_boxes(load_batch(swept), "max_escalation", above=2, threshold=0.95)
    limits = found.limits
    assert limits.loc["x", "restricted"] and not limits.loc["z", "restricted"]
    assert limits.loc["x", "low"] == pytest.approx(0.6, abs=0.05)
    assert found.density >= 0.95 and found.coverage >= 0.8
    lenient = ema.discover_boxes(load_batch(swept), "max_escalation", above=2, threshold=0.8)
    assert lenient.coverage >= found.coverage and 0.8 <= lenient.density <= found.density


def test_cli_discover(ema, swept):
    result = CliRunner().invoke(
        app, ["discover", str(swept), "--metric", "max_escalation", "--above", "2"]
    )
    assert result.exit_code == 0, result.output
    documented = DOCS.read_text().split("```\nRuns of interest")[1].split("```")[0]
    for line in ("Runs of interest" + documented).strip().splitlines():
        assert line in result.output  # the example in docs/ema.md is this run's output
    assert " x in [" in result.output and " z in [" not in result.output
    assert (swept / "discover" / "max_escalation--above-2.csv").is_file()
