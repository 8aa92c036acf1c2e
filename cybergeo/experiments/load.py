"""Read a batch folder back: runs, metrics and events as pandas DataFrames."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cybergeo.experiments import store


@dataclass(frozen=True)
class BatchResults:
    """A batch's tables. `runs` has one row per run (status, seed, one column per varied
    parameter); `metrics` and `events` are the runs' tables stacked, with a `run` column."""

    folder: Path
    runs: pd.DataFrame
    metrics: pd.DataFrame
    events: pd.DataFrame
    manifest: dict

    @property
    def parameters(self) -> list[str]:
        return list(self.manifest["experiment"]["parameters"])


def load_batch(folder: str | Path) -> BatchResults:
    """Load every completed run of a batch (temporary or unlogged files are ignored).

    Examples
    --------
    >>> results = load_batch("runs/my-experiment-20260101T000000Z")  # doctest: +SKIP
    >>> results.metrics.merge(results.runs, on="run").groupby("policy")["mean_tension"].mean()
    ... # doctest: +SKIP
    """
    folder = Path(folder)
    manifest = store.read_manifest(folder)
    planned = pd.DataFrame(manifest["runs"])
    log = store.read_log(folder)[["run", "status", "seconds", "traceback"]]
    runs = planned.merge(log, on="run", how="left")
    runs["status"] = runs["status"].fillna("pending")
    params = pd.DataFrame(runs["params"].tolist(), index=runs.index)
    runs = pd.concat([runs.drop(columns="params"), params], axis=1)
    done = sorted(store.completed(folder))
    tables = {
        table: pd.concat(
            [pd.read_parquet(store.result_path(folder, table, run)) for run in done],
            ignore_index=True,
        )
        if done
        else pd.DataFrame({"run": pd.Series(dtype="int64")})
        for table in store.TABLES
    }
    return BatchResults(folder, runs, tables["metrics"], tables["events"], manifest)
