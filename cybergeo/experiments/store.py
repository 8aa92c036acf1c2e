"""The batch folder: a manifest, an append-only run log, and one Parquet file per run.

Layout (DuckDB and pandas read it directly):

    <batch>/manifest.json          experiment, scenario, versions, every run's params and seed
    <batch>/runs.jsonl             append-only log: one line per finished run (status, time)
    <batch>/metrics/run-000007.parquet
    <batch>/events/run-000007.parquet

Result files are written under a temporary name and renamed into place, and a run is
logged as completed only after its files are in place, so a batch killed at any moment
leaves nothing half-written that a reader would take for a result.
"""

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from cybergeo.experiments.runner import RunOutcome

MANIFEST = "manifest.json"
LOG = "runs.jsonl"
TABLES = ("metrics", "events")


def result_path(folder: Path, table: str, index: int) -> Path:
    return folder / table / f"run-{index:06d}.parquet"


def create(folder: Path, manifest: dict[str, Any]) -> None:
    """Start a batch folder with its manifest (written atomically)."""
    folder.mkdir(parents=True)
    for table in TABLES:
        (folder / table).mkdir()
    staging = folder / f".{MANIFEST}.tmp"
    staging.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(staging, folder / MANIFEST)
    (folder / LOG).touch()


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise FileNotFoundError(f"{folder} is not a batch folder (no {MANIFEST})")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def record(folder: Path, outcome: RunOutcome, task: dict[str, Any]) -> None:
    """Write a finished run's files, then log it (one appended line, flushed)."""
    if outcome.status == "completed":
        for table, frame in (("metrics", outcome.metrics), ("events", outcome.events)):
            target = result_path(folder, table, outcome.index)
            staging = target.with_name(f".{target.name}.tmp")
            assert frame is not None
            frame.to_parquet(staging, index=False)
            os.replace(staging, target)
    entry = {
        "run": outcome.index,
        "status": outcome.status,
        "seconds": round(outcome.seconds, 3),
        **task,
    }
    if outcome.error:
        entry["traceback"] = outcome.error
    with (folder / LOG).open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")
        log.flush()
        os.fsync(log.fileno())


def read_log(folder: Path) -> pd.DataFrame:
    """The run log, last entry per run; a line cut short by a kill is ignored."""
    entries = []
    for line in (folder / LOG).read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    frame = pd.DataFrame(
        entries, columns=["run", "status", "seconds", "seed", "params", "traceback"]
    )
    return frame.drop_duplicates("run", keep="last").sort_values("run").reset_index(drop=True)


def completed(folder: Path) -> set[int]:
    """Runs logged as completed whose result files are all present."""
    log = read_log(folder)
    done = log.loc[log["status"] == "completed", "run"].astype(int)
    return {
        run for run in done if all(result_path(folder, table, run).is_file() for table in TABLES)
    }
