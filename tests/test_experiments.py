"""Batches: designs, seeds, executors giving identical results, resume, failures, analysis."""

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from cybergeo import load_batch, load_scenario
from cybergeo.cli import app
from cybergeo.experiments import compare_policies, plan_batch, run_batch, sensitivity_indices
from cybergeo.experiments.batch import create_batch
from cybergeo.experiments.compare import Statistic, run_values
from cybergeo.experiments.design import design_points, run_seed, run_tasks
from cybergeo.experiments.store import read_log
from cybergeo.scenario import ScenarioError
from cybergeo.scenario.experiment import ExperimentSpec
from tests.conftest import DATA

POLICY = "countries.Northland.doctrine.attribution_threshold"


def tiny(experiment: dict) -> dict:
    return {
        "name": "tiny",
        "steps": 10,
        "countries": [
            {"id": "A", "citizens": 25, "rivals": ["B"], "operations_rate": 0.3},
            {"id": "B", "citizens": 25, "rivals": ["A"], "operations_rate": 0.3},
        ],
        "experiment": experiment,
    }


def two_policies(replications: int = 10) -> dict:
    return tiny(
        {
            "seed": 7,
            "replications": replications,
            "parameters": {"countries.A.doctrine.attribution_threshold": {"values": [0.6, 0.95]}},
        }
    )


def frames(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    results = load_batch(folder)
    order = ["run", "step"]
    return (
        results.metrics.sort_values(order).reset_index(drop=True),
        results.events.sort_values(["run", "step", "kind", "incident"]).reset_index(drop=True),
    )


def test_factorial_and_sampled_designs():
    spec = ExperimentSpec(
        parameters={"a": {"values": [1, 2]}, "b": {"values": ["x", "y", "z"]}}, replications=3
    )
    assert len(design_points(spec)) == 6
    assert len(run_tasks(spec)) == 18
    lhs = ExperimentSpec(
        design="latin_hypercube", samples=20, parameters={"p": {"range": [0.2, 0.4]}}
    )
    values = [point["p"] for point in design_points(lhs)]
    assert len(values) == 20 and all(0.2 <= v <= 0.4 for v in values)
    # stratified: one point in each twentieth of the range
    assert sorted(int((v - 0.2) / 0.01) for v in values) == list(range(20))


def test_seeds_depend_only_on_experiment_seed_and_run_index():
    assert run_seed(7, 3) == run_seed(7, 3)
    assert len({run_seed(7, i) for i in range(1000)}) == 1000
    assert run_seed(7, 3) != run_seed(8, 3)


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"design": "factorial", "parameters": {"a": {"range": [0, 1]}}}, "needs values"),
        ({"design": "sobol", "parameters": {"a": {"values": [0, 1]}}}, "needs a range"),
        ({"parameters": {"a": {"range": [1, 0]}}, "design": "morris"}, "low < high"),
        ({"parameters": {"a": {"values": [1]}}, "reference": {"b": 1}}, "reference names"),
        ({"replicatons": 3}, "unknown key 'replicatons'; did you mean 'replications'"),
    ],
)
def test_bad_experiment_sections_are_scenario_errors(bad, message):
    with pytest.raises(ScenarioError, match=message):
        load_scenario(tiny(bad))


def test_unknown_parameter_path_fails_before_any_run(tmp_path):
    scenario = load_scenario(tiny({"parameters": {"countries.A.legitimcy": {"values": [0.1]}}}))
    with pytest.raises(ScenarioError, match="did you mean 'legitimacy'"):
        plan_batch(scenario, tmp_path)
    assert not any(tmp_path.iterdir())


@pytest.fixture(scope="module")
def serial_batch(tmp_path_factory) -> Path:
    folder = plan_batch(load_scenario(two_policies()), tmp_path_factory.mktemp("serial"))
    summary = run_batch(folder, executor="serial")
    assert summary.completed == 20 and summary.failed == 0
    return folder


def test_identical_results_serial_local_and_dask(serial_batch, tmp_path):
    """Local workers write their own files, a Dask worker (one is enough: it runs in a process
    of its own) sends its frames back; the results are the same either way."""
    expected = frames(serial_batch)
    for executor, workers in (("local", 2), ("dask", 1)):
        folder = plan_batch(load_scenario(two_policies()), tmp_path / executor)
        assert run_batch(folder, executor=executor, workers=workers).completed == 20
        for got, want in zip(frames(folder), expected, strict=True):
            pd.testing.assert_frame_equal(got, want)


def test_manifest_lets_any_run_be_replayed(serial_batch, tmp_path):
    manifest = json.loads((serial_batch / "manifest.json").read_text())
    entry = manifest["runs"][13]
    argv = entry["replay"].split()[1:]
    assert argv[0] == "run" and f"--seed {entry['seed']}" in entry["replay"]
    result = CliRunner().invoke(app, [*argv, "--no-figures", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (folder,) = tmp_path.iterdir()
    replayed = pd.read_parquet(folder / "metrics.parquet")
    original = load_batch(serial_batch).metrics.query("run == 13")
    original = original.drop(columns=["run", "countries.A.doctrine.attribution_threshold"])
    pd.testing.assert_frame_equal(replayed, original.reset_index(drop=True))


def test_killed_batch_resumes_to_the_same_results(serial_batch, tmp_path):
    scenario_file = tmp_path / "experiment.yaml"
    scenario_file.write_text(json.dumps(two_policies()))
    command = [
        sys.executable,
        "-m",
        "cybergeo",
        "batch",
        str(scenario_file),
        "--executor",
        "serial",
        "--out",
        str(tmp_path / "runs"),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    log = None
    while time.monotonic() < deadline:
        logs = list((tmp_path / "runs").glob("*/runs.jsonl"))
        if logs and len(logs[0].read_text().splitlines()) >= 4:
            log = logs[0]
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert log is not None, "the batch never got going"
    folder = log.parent
    interrupted = read_log(folder)
    assert 4 <= (interrupted["status"] == "completed").sum() < 20
    summary = run_batch(folder, executor="serial")
    assert summary.skipped + summary.completed == 20
    entries = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    done = [e["run"] for e in entries if e["status"] == "completed"]
    assert sorted(done) == list(range(20))  # every run exactly once
    for got, want in zip(frames(folder), frames(serial_batch), strict=True):
        pd.testing.assert_frame_equal(got, want)


def sometimes_fails(params: dict, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    if params["x"] == 2:
        raise RuntimeError("this policy crashes the model")
    return pd.DataFrame({"step": [1], "y": [params["x"] * 1.0]}), pd.DataFrame({"step": [1]})


def test_a_failing_run_is_recorded_and_the_rest_complete(tmp_path):
    spec = ExperimentSpec(parameters={"x": {"values": [1, 2, 3]}}, replications=2)
    folder = create_batch(tmp_path, spec, "flaky", None, None)
    summary = run_batch(folder, executor="serial", run=sometimes_fails)
    assert (summary.completed, summary.failed) == (4, 2)
    runs = load_batch(folder).runs
    failed = runs[runs["status"] == "failed"]
    assert set(failed["x"]) == {2}
    assert failed["traceback"].str.contains("this policy crashes the model").all()
    assert len(load_batch(folder).metrics) == 4


NO_EVENTS = pd.DataFrame({"step": pd.Series([], dtype=int)})
"""The events of a run that has none (the store only reads the frames it is given)."""


def ishigami(params: dict, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    x1, x2, x3 = params["x1"], params["x2"], params["x3"]
    y = math.sin(x1) + 7 * math.sin(x2) ** 2 + 0.1 * x3**4 * math.sin(x1)
    return pd.DataFrame({"step": [1], "y": [y]}), NO_EVENTS


def test_sobol_pipeline_recovers_ishigami_indices(tmp_path):
    bound = [-math.pi, math.pi]
    spec = ExperimentSpec(
        design="sobol",
        samples=256,
        seed=3,
        parameters={x: {"range": bound} for x in ("x1", "x2", "x3")},
    )
    folder = create_batch(tmp_path, spec, "ishigami", None, None)
    assert run_batch(folder, executor="serial", run=ishigami).completed == 256 * 5
    table = sensitivity_indices(load_batch(folder), "y").set_index("parameter")
    analytic = {"S1": [0.314, 0.442, 0.0], "ST": [0.558, 0.442, 0.244]}
    for index, truth in analytic.items():
        error = np.abs(table[index].to_numpy() - truth)
        assert np.all(error <= table[f"{index}_conf"].to_numpy() + 0.02), (index, table)


def test_compare_gives_means_intervals_and_a_test(serial_batch):
    results = load_batch(serial_batch)
    table = compare_policies(
        results,
        "countries.A.doctrine.attribution_threshold",
        "attributions_wrong",
        statistic="mean",
    )
    assert list(table["runs"]) == [10, 10]
    assert table["reference"].tolist() == [True, False]
    assert (table["ci_low"] <= table["mean"]).all() and (table["mean"] <= table["ci_high"]).all()
    assert table["p_value"].iloc[1] <= 1.0


def test_run_values_summarise_each_run_as_asked(serial_batch):
    results = load_batch(serial_batch)
    per_run = results.metrics.sort_values("step").groupby("run")["attributions_wrong"]
    for statistic, expected in [
        ("final", per_run.last()),
        ("mean", per_run.mean()),
        ("total", per_run.sum()),
    ]:
        values = run_values(results, "attributions_wrong", Statistic(statistic))
        pd.testing.assert_series_equal(values, expected, check_names=False)


def test_cli_compare_and_sensitivity_write_tables_and_figures(serial_batch):
    result = CliRunner().invoke(
        app,
        [
            "compare",
            str(serial_batch),
            "--by",
            "countries.A.doctrine.attribution_threshold",
            "--metric",
            "mean_tension",
        ],
    )
    assert result.exit_code == 0, result.output
    stem = "mean_tension--by--countries.A.doctrine.attribution_threshold--mean"
    assert (serial_batch / "compare" / f"{stem}.csv").is_file()
    assert (serial_batch / "compare" / f"{stem}.png").is_file()
    assert "mean per run (the default for a level)" in result.output
    wrong = CliRunner().invoke(app, ["sensitivity", str(serial_batch)])
    assert wrong.exit_code == 2 and "needs a sobol or morris experiment" in wrong.output


def test_loader_ignores_unlogged_and_temporary_files(serial_batch, tmp_path):
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(serial_batch, copy)
    (copy / "metrics" / ".run-000099.parquet.tmp").write_bytes(b"half-written")
    results = load_batch(copy)
    assert set(results.metrics["run"]) == set(range(20))


def test_duckdb_reads_the_layout(serial_batch):
    query = f"""
        SELECT r.params['{POLICY.replace("Northland", "A")}'] AS policy,
               avg(m.mean_tension) AS tension
        FROM read_parquet('{serial_batch}/metrics/*.parquet') m
        JOIN read_json_auto('{serial_batch}/runs.jsonl') r USING (run)
        GROUP BY policy ORDER BY policy
    """
    rows = duckdb.sql(query).fetchall()
    assert len(rows) == 2


def test_cli_batch_with_vary_and_bad_input(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "batch",
            str(DATA / "base.yaml"),
            "--vary",
            "steps=[3, 4]",
            "--replications",
            "2",
            "--executor",
            "serial",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    (folder,) = tmp_path.iterdir()
    assert len(load_batch(folder).runs) == 4
    assert runner.invoke(app, ["batch", "--resume", str(tmp_path / "nope")]).exit_code == 2
    bad = runner.invoke(
        app, ["batch", str(DATA / "base.yaml"), "--vary", "stepz=[3]", "--out", str(tmp_path / "x")]
    )
    assert bad.exit_code == 2 and "did you mean 'steps'" in bad.output
    assert not (tmp_path / "x").exists()
