"""One run of a scenario: simulate it, and save it as a complete run folder or not at all."""

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cybergeo.measures import headline
from cybergeo.model import CyberspaceModel
from cybergeo.provenance import versions
from cybergeo.scenario import (
    Scenario,
    ScenarioSource,
    dump_scenario,
    load_scenario,
    scenario_hash,
    scenario_mapping,
)
from cybergeo.scenario.spec import MAX_SEED, MAX_STEPS


@dataclass
class RunResult:
    """What a run produced: metrics per step, the event log, and how it was made."""

    scenario: Scenario
    seed: int
    steps: int
    metrics: pd.DataFrame
    events: pd.DataFrame
    model: CyberspaceModel
    started: datetime
    finished: datetime
    status: str = "completed"
    extra: dict[str, Any] = field(default_factory=dict)

    def manifest(self) -> dict[str, Any]:
        """Everything needed to know what this run was and to run it again."""
        return {
            "scenario_name": self.scenario.name,
            "scenario_hash": scenario_hash(self.scenario),
            "seed": self.seed,
            "steps": self.steps,
            "status": self.status,
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat(),
            "versions": versions(),
            "scenario": scenario_mapping(self.scenario),
            **self.extra,
        }

    def save(self, folder: str | Path, figures: bool = True) -> Path:
        """Write the run folder atomically: built aside, then renamed into place; without
        `figures`, no `figures/` (drawing costs more than a short run).

        The folder must not exist yet; on any error nothing is left at `folder`.
        """
        target = Path(folder)
        if target.exists():
            raise FileExistsError(f"run folder already exists: {target}")
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            self.metrics.to_parquet(staging / "metrics.parquet", index=False)
            self.events.to_parquet(staging / "events.parquet", index=False)
            dump_scenario(self.scenario, staging / "scenario.yaml")
            if figures:
                self._draw(staging / "figures")
            manifest = json.dumps(self.manifest(), indent=2, sort_keys=False)
            (staging / "manifest.json").write_text(manifest + "\n", encoding="utf-8")
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return target

    def _draw(self, folder: Path) -> None:
        """The overview figure, as `folder/overview.png`."""
        from cybergeo.viz.overview import overview_figure, run_title

        folder.mkdir()
        title = run_title(self.scenario.name, self.seed)
        figure = overview_figure(self.metrics, title, self.scenario.step_days)
        figure.savefig(folder / "overview.png", dpi=110)

    def _repr_html_(self) -> str:
        """In Jupyter: a summary table and the overview figure."""
        from cybergeo.viz.html import run_html

        return run_html(self.scenario, self.seed, self.metrics)

    def summary(self) -> dict[str, float]:
        """A few headline numbers over the whole run (totals are 0 and final values NaN for a
        run of no steps)."""
        return headline(self.metrics)


def simulate(
    scenario: ScenarioSource,
    seed: int | None = None,
    steps: int | None = None,
    on_step: Callable[[int], None] | None = None,
) -> RunResult:
    """Run a scenario for its number of steps (or `steps`) from `seed` (or its own seed).

    Examples
    --------
    >>> result = simulate({"steps": 5}, seed=3)
    >>> len(result.metrics), result.metrics["step"].tolist()
    (5, [1, 2, 3, 4, 5])
    >>> simulate({"steps": 5}, steps=0)
    Traceback (most recent call last):
    ...
    ValueError: steps must be a whole number from 1 to 100000, not 0
    """
    scenario = load_scenario(scenario)
    seed = scenario.seed if seed is None else check_count("seed", seed, 0, MAX_SEED)
    steps = scenario.steps if steps is None else check_count("steps", steps, 1, MAX_STEPS)
    started = datetime.now(UTC)
    model = CyberspaceModel(scenario, rng=seed)
    for _ in range(steps):
        model.step()
        if on_step is not None:
            on_step(model.steps)
    return RunResult(
        scenario=scenario,
        seed=seed,
        steps=steps,
        metrics=model.recorder.metrics_frame(),
        events=model.recorder.events_frame(),
        model=model,
        started=started,
        finished=datetime.now(UTC),
    )


def check_count(name: str, value: Any, low: int, high: int) -> int:
    """`value` as a whole number in [low, high] (booleans refused), else a ValueError."""
    whole = isinstance(value, int | np.integer) and not isinstance(value, bool)
    if not whole or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


def run_folder_name(scenario: Scenario, seed: int, when: datetime) -> str:
    """`<scenario>-<UTC timestamp>-s<seed>`, sortable by time."""
    return f"{scenario.name}-{when.strftime('%Y%m%dT%H%M%S%fZ')}-s{seed}"
