"""The batch folder: a manifest, an append-only run log, and one Parquet file per run.

Layout (DuckDB and pandas read it directly):

    <batch>/manifest.json          experiment, scenario, versions, every run's params and seed
    <batch>/runs.jsonl             append-only log: one line per finished run (status, time)
    <batch>/metrics/run-000007.parquet
    <batch>/events/run-000007.parquet
    <batch>/.lock                  held by the process running the batch

Result files are written under a temporary name and renamed into place, and a run is
logged as completed only after its files are in place, with their row counts, so a batch
killed at any moment leaves nothing half-written that a reader would take for a result,
and a result file damaged later is found and run again. Local workers write their runs'
files themselves (`RunAndStore`) and send back only the row counts: the batch process only
logs, so it takes no core from the workers.
"""

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cybergeo.experiments.runner import RunFunction, RunOutcome, RunTask, execute

MANIFEST = "manifest.json"
LOG = "runs.jsonl"
LOCK = ".lock"
TABLES = ("metrics", "events")
RUN_KEYS = {"run", "point", "replication", "seed", "params"}


class StoreError(RuntimeError):
    """A batch folder that cannot be used or written: one line saying what and where."""


def result_path(folder: Path, table: str, index: int) -> Path:
    return folder / table / f"run-{index:06d}.parquet"


def create(folder: Path, manifest: dict[str, Any]) -> None:
    """Start a batch folder with its manifest (written atomically); on a failure such as a
    full disk, nothing is left behind."""
    folder.mkdir(parents=True)
    try:
        for table in TABLES:
            (folder / table).mkdir()
        _write_atomically(folder / MANIFEST, json.dumps(manifest, indent=2, allow_nan=False))
        (folder / LOG).touch()
    except OSError as error:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        folder.rmdir()
        raise StoreError(f"cannot create the batch folder {folder}: {error.strerror}") from None


def read_manifest(folder: Path) -> dict[str, Any]:
    """The batch's manifest; a missing, cut or corrupt one is a `StoreError`."""
    path = folder / MANIFEST
    if not path.is_file():
        raise StoreError(f"{folder} is not a batch folder (no {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(f"{path} is damaged ({error}); the batch cannot be read") from None
    runs = manifest.get("runs") if isinstance(manifest, dict) else None
    if not isinstance(runs, list) or not all(
        isinstance(run, dict) and run.keys() >= RUN_KEYS for run in runs
    ):
        raise StoreError(f"{path} is damaged (no complete list of runs); the batch cannot be read")
    return manifest


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the batch's lock for as long as it runs: a second process refuses to start. The
    system releases the lock when its holder exits, however it dies."""
    with (folder / LOCK).open("a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise StoreError(f"{folder} is already being run by {holder}") from None
        lock.truncate(0)
        lock.write(f"process {os.getpid()}")
        lock.flush()
        yield


@dataclass(frozen=True)
class RunAndStore:
    """Run a task and write its files in the process that ran it (a local worker shares the
    batch's folder), so that the frames never travel back to the batch process."""

    run: RunFunction
    folder: Path

    def __call__(self, task: RunTask) -> RunOutcome:
        return write_results(self.folder, execute(self.run, task))


def write_results(folder: Path, outcome: RunOutcome) -> RunOutcome:
    """Write a completed run's files (each atomically) and return the outcome with their row
    counts in place of its frames; any other outcome is returned as it is."""
    if outcome.status != "completed" or outcome.rows is not None:
        return outcome
    rows = {}
    for table, frame in (("metrics", outcome.metrics), ("events", outcome.events)):
        assert frame is not None
        _write_table(frame, outcome.index, result_path(folder, table, outcome.index))
        rows[table] = len(frame)
    return replace(outcome, metrics=None, events=None, rows=rows)


def record(folder: Path, outcome: RunOutcome, task: dict[str, Any]) -> None:
    """Log a finished run (one appended line, flushed), after writing its files unless the
    worker already has. The line is not forced to disk (`fsync` cost 2 ms a run, more than a
    short run): a line lost in a system crash only means the run is done again, and a line
    kept whose file was lost is caught by `completed`, which checks the files."""
    outcome = write_results(folder, outcome)
    entry: dict[str, Any] = {
        "run": outcome.index,
        "status": outcome.status,
        "seconds": round(outcome.seconds, 3),
        **task,
    }
    if outcome.rows is not None:
        entry["rows"] = outcome.rows
    if outcome.error:
        entry["traceback"] = outcome.error
    try:
        with (folder / LOG).open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
            log.flush()
    except OSError as error:
        raise StoreError(f"cannot write to {folder / LOG}: {error.strerror}") from None


def repair_log(folder: Path) -> None:
    """Cut a last line left unfinished by a kill, so the next entry starts on its own line."""
    path = folder / LOG
    data = path.read_bytes() if path.is_file() else b""
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as log:
            log.truncate(data.rfind(b"\n") + 1)


def read_log(folder: Path) -> pd.DataFrame:
    """The run log, last entry per run; a line cut short by a kill is ignored."""
    entries = []
    path = folder / LOG
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("run"), int):
            entries.append(entry)
    columns = ["run", "status", "seconds", "seed", "params", "rows", "traceback"]
    frame = pd.DataFrame(entries, columns=columns)
    return frame.drop_duplicates("run", keep="last").sort_values("run").reset_index(drop=True)


def completed(folder: Path) -> set[int]:
    """Runs logged as completed whose result files are all readable and complete."""
    log = read_log(folder)
    done = log[log["status"] == "completed"]
    return {
        int(run)
        for run, rows in zip(done["run"], done["rows"], strict=True)
        if all(_intact(result_path(folder, table, run), rows, table) for table in TABLES)
    }


def _intact(path: Path, rows: Any, table: str) -> bool:
    """The file is Parquet with the row count logged for it (when the log gives one)."""
    try:
        found = pq.read_metadata(path).num_rows
    except (OSError, ValueError):
        return False
    return not isinstance(rows, dict) or rows.get(table) == found


def _write_table(frame: pd.DataFrame, run: int, target: Path) -> None:
    """Write a run's table with a last `run` column, added on the Arrow side: a pandas
    `assign` would copy the frame, and costs more than writing it for a short run."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.append_column("run", pa.array(np.full(len(table), run, dtype=np.int64)))
    staging = target.with_name(f".{target.name}.tmp")
    try:
        pq.write_table(table, staging)
        os.replace(staging, target)
    except OSError as error:
        staging.unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {error.strerror or error}") from None


def _write_atomically(target: Path, text: str) -> None:
    staging = target.with_name(f".{target.name}.tmp")
    try:
        staging.write_text(text + "\n", encoding="utf-8")
        os.replace(staging, target)
    except OSError:
        staging.unlink(missing_ok=True)
        raise
