"""Batches under faults: killed, interrupted, run twice at once, damaged, out of disk."""

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cybergeo import load_batch, load_scenario
from cybergeo.cli import app
from cybergeo.cli.batches import ctrl_c_remembered
from cybergeo.experiments import plan_batch, run_batch
from cybergeo.experiments.store import StoreError, completed, locked, read_log, result_path

SCENARIO = {
    "name": "faults",
    "steps": 6,
    "countries": [
        {"id": "A", "citizens": 20, "rivals": ["B"], "operations_rate": 0.3},
        {"id": "B", "citizens": 20, "rivals": ["A"], "operations_rate": 0.3},
    ],
    "experiment": {
        "seed": 5,
        "replications": 3,
        "parameters": {"countries.A.doctrine.attribution_threshold": {"values": [0.6, 0.9]}},
    },
}


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Path:
    folder = plan_batch(load_scenario(SCENARIO), tmp_path_factory.mktemp("finished"))
    assert run_batch(folder, executor="serial").completed == 6
    return folder


def copy_of(folder: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(folder, tmp_path / folder.name))


def same_results(a: Path, b: Path) -> None:
    first, second = load_batch(a), load_batch(b)
    order = ["run", "step"]
    pd.testing.assert_frame_equal(
        first.metrics.sort_values(order).reset_index(drop=True),
        second.metrics.sort_values(order).reset_index(drop=True),
    )


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_batch(tmp_path: Path, *options: str) -> tuple[subprocess.Popen, Path]:
    """A batch of 800 runs, started in a process of its own once two are done: minutes of
    work, so it is still running whenever the test, however starved of CPU, interrupts it."""
    scenario = tmp_path / "experiment.yaml"
    experiment = {**SCENARIO["experiment"], "replications": 400}
    slow = {**SCENARIO, "steps": 60, "experiment": experiment}
    scenario.write_text(json.dumps(slow))
    command = [sys.executable, "-m", "cybergeo", "batch", str(scenario), *options]
    process = subprocess.Popen(
        [*command, "--out", str(tmp_path / "runs")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        logs = list((tmp_path / "runs").glob("*/runs.jsonl"))
        if logs and logs[0].read_text().count("\n") >= 2:
            return process, logs[0].parent
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the batch never got going")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_batch_leaves_no_process_behind(tmp_path):
    process, _ = start_batch(tmp_path, "--workers", "2")
    below = descendants(process.pid)
    assert len(below) >= 3  # fork server, resource tracker, workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(alive(pid) for pid in below):
        time.sleep(0.2)
    assert not [pid for pid in below if alive(pid)]


def test_ctrl_c_prints_the_resume_command(tmp_path):
    process, folder = start_batch(tmp_path, "--executor", "serial")
    assert process.stdout is not None
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert f"Batch folder: {folder}" in stdout.splitlines()[0]
    assert f"Resume with: cybergeo batch --resume {folder}" in " ".join(stderr.split())


class CtrlCWhileCollected:
    """An object that gets Ctrl-C pressed while Python collects it."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        sum(range(100_000))  # Python runs the SIGINT handler here, inside the finalizer


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_that_python_drops_in_a_finalizer_is_remembered():
    """Python drops the KeyboardInterrupt raised inside a finalizer: the batch, which checks
    the latch after each run, stops all the same."""
    before = signal.getsignal(signal.SIGINT)
    with ctrl_c_remembered() as pressed:
        CtrlCWhileCollected()
    assert pressed.is_set()
    assert signal.getsignal(signal.SIGINT) is before


def test_a_second_concurrent_run_refuses(finished, tmp_path):
    folder = copy_of(finished, tmp_path)
    with locked(folder), pytest.raises(StoreError, match="already being run by process"):
        run_batch(folder, executor="serial")
    assert run_batch(folder, executor="serial").skipped == 6  # the lock goes with its holder


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:50]),
        lambda path: path.unlink(),
        lambda path: path.write_bytes(b"PAR1" + b"\0" * 100),
    ],
    ids=["cut", "missing", "garbage"],
)
def test_resume_reruns_a_run_whose_file_is_broken(finished, tmp_path, damage):
    folder = copy_of(finished, tmp_path)
    damage(result_path(folder, "metrics", 4))
    assert completed(folder) == {0, 1, 2, 3, 5}
    summary = run_batch(folder, executor="serial")
    assert (summary.completed, summary.skipped) == (1, 5)
    same_results(folder, finished)


def test_resume_notices_a_file_with_fewer_rows_than_logged(finished, tmp_path):
    folder = copy_of(finished, tmp_path)
    path = result_path(folder, "metrics", 2)
    pd.read_parquet(path).head(2).to_parquet(path, index=False)
    assert 2 not in completed(folder)
    assert run_batch(folder, executor="serial").completed == 1
    same_results(folder, finished)


def test_a_cut_last_log_line_is_repaired(finished, tmp_path):
    folder = copy_of(finished, tmp_path)
    log = folder / "runs.jsonl"
    lines = log.read_text().splitlines(keepends=True)
    log.write_text("".join(lines[:-1]) + lines[-1][:25])
    assert run_batch(folder, executor="serial").completed == 1
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["run"] for e in entries] == list(range(6))
    assert set(read_log(folder)["status"]) == {"completed"}


def test_a_full_disk_is_one_line_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    scenario = tmp_path / "experiment.yaml"
    scenario.write_text(json.dumps(SCENARIO))

    def full_disk(table, path, **_):
        Path(path).write_bytes(b"PAR1 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pq, "write_table", full_disk)
    result = CliRunner().invoke(
        app, ["batch", str(scenario), "--executor", "serial", "--out", str(tmp_path / "runs")]
    )
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert "run-000000.parquet" in errors[0]
    assert not list(tmp_path.rglob("*.tmp"))
    assert "Traceback" not in result.output
