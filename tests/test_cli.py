"""The `cybergeo` command as users meet it: run folders, determinism, validation errors."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from cybergeo.cli import app
from tests.conftest import DATA, SCENARIOS

SMALL = [
    "--steps",
    "12",
    "--set",
    "countries.Northland.citizens=80",
    "--set",
    "countries.Eastmark.citizens=80",
    "--set",
    "countries.Southport.citizens=40",
]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def only_run_folder(parent: Path) -> Path:
    (folder,) = [p for p in parent.iterdir() if p.is_dir()]
    return folder


def test_run_writes_a_complete_run_folder(tmp_path):
    result = invoke("run", "--seed", "3", *SMALL, "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    folder = only_run_folder(tmp_path)
    assert folder.name.startswith("default-") and folder.name.endswith("-s3")
    assert str(folder) in result.output
    for name in (
        "manifest.json",
        "scenario.yaml",
        "metrics.parquet",
        "events.parquet",
        "figures/overview.png",
    ):
        assert (folder / name).is_file(), name
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["seed"] == 3 and manifest["status"] == "completed"
    assert len(manifest["scenario_hash"]) == 64
    assert {"cybergeo", "mesa", "numpy"} <= set(manifest["versions"])
    metrics = pd.read_parquet(folder / "metrics.parquet")
    assert len(metrics) == 12
    events = pd.read_parquet(folder / "events.parquet")
    assert {"step", "kind", "actor", "target", "true_author", "blamed", "confidence"} <= set(events)


def test_no_figures_writes_the_run_folder_without_its_figures(tmp_path):
    result = invoke("run", "--seed", "3", *SMALL, "--no-figures", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    folder = only_run_folder(tmp_path)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["events.parquet", "manifest.json", "metrics.parquet", "scenario.yaml"]
    assert len(pd.read_parquet(folder / "metrics.parquet")) == 12


def test_saved_scenario_reruns_to_the_same_results(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert invoke("run", "--seed", "5", *SMALL, "--no-figures", "--out", str(first)).exit_code == 0
    folder = only_run_folder(first)
    saved = str(folder / "scenario.yaml")
    rerun = invoke(
        "run", saved, "--seed", "5", "--steps", "12", "--no-figures", "--out", str(second)
    )
    assert rerun.exit_code == 0, rerun.output
    again = only_run_folder(second)
    for table in ("metrics.parquet", "events.parquet"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(folder / table), pd.read_parquet(again / table)
        )


def test_same_seed_same_results_other_seed_other_results(tmp_path):
    folders = []
    for seed, name in (("11", "a"), ("11", "b"), ("12", "c")):
        out = str(tmp_path / name)
        assert invoke("run", "--seed", seed, *SMALL, "--no-figures", "--out", out).exit_code == 0
        folders.append(only_run_folder(tmp_path / name))
    a, b, c = (
        [pd.read_parquet(f / t) for t in ("metrics.parquet", "events.parquet")] for f in folders
    )
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    assert not a[0].equals(c[0]) or not a[1].equals(c[1])


def test_validate_reports_every_problem_with_lines_and_no_traceback():
    result = invoke("validate", str(DATA / "bad.yaml"))
    assert result.exit_code == 2
    output = result.output
    assert "bad.yaml:2: stepz: unknown key 'stepz'; did you mean 'steps'?" in output
    assert "bad.yaml:5: countries.Northland.legitimacy" in output
    assert "bad.yaml:8: countries.Eastmark.citizens" in output
    assert "Traceback" not in output


def test_validate_accepts_good_files():
    result = invoke("validate", str(DATA / "base.yaml"), str(DATA / "derived.yaml"))
    assert result.exit_code == 0
    assert result.output.count(": ok") == 2


def test_help_and_validate_load_no_heavy_libraries():
    """Start-up pays only for what a command uses: `--help`, and `validate` of every bundled
    scenario (their `facts:` name measures whose code works on pandas tables), never import
    Mesa, pandas, matplotlib, networkx or even numpy (checked in a fresh interpreter)."""
    scenarios = sorted(str(p) for p in SCENARIOS.glob("*.yaml"))
    assert any("facts:" in Path(p).read_text() for p in scenarios)
    check = (
        "import sys; from typer.testing import CliRunner; from cybergeo.cli import app; "
        "runner = CliRunner(); runner.invoke(app, ['--help']); "
        f"codes = [runner.invoke(app, ['validate', p]).exit_code for p in {scenarios!r}]; "
        "assert codes == [0] * len(codes), codes; "
        "heavy = ('mesa', 'pandas', 'matplotlib', 'networkx', 'numpy'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "arguments",
    [
        [str(DATA / "bad.yaml")],
        ["--set", "countries.Eastmark.legitimacy=7"],
        [str(DATA / "missing.yaml")],
    ],
)
def test_invalid_scenario_writes_nothing(tmp_path, arguments):
    result = invoke("run", *arguments, "--out", str(tmp_path / "runs"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "runs").exists()


def test_world_exports_strata_and_draws_them(tmp_path):
    result = invoke("world", "--steps", "3", *SMALL[2:], "--out", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["hardware.json", "layers.json", "semantic.json", "software.json", "strata.png"]
    assert invoke("world", "--format", "gexf", "--out", str(tmp_path / "x")).exit_code == 2


def test_incidents_tells_stories_and_writes_a_table(tmp_path):
    run = ["run", "--seed", "2", "--steps", "60", *SMALL[2:], "--no-figures"]
    assert invoke(*run, "--out", str(tmp_path)).exit_code == 0
    folder = only_run_folder(tmp_path)
    table = tmp_path / "incidents.csv"
    result = invoke("incidents", str(folder), "--table", str(table))
    assert result.exit_code == 0, result.output
    assert "Incident 0" in result.output and "Truth:" in result.output
    assert "false attribution rate" in result.output
    frame = pd.read_csv(table)
    assert {"incident", "true_author", "blamed", "confidence", "attributed", "response"} <= set(
        frame
    )
    missing = invoke("incidents", str(tmp_path / "nothing-here"))
    assert missing.exit_code == 2 and "not a run folder" in missing.output
