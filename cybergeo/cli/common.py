"""What every `cybergeo` command shares: the app, its consoles, option types and the way
bad input is reported (one line on stderr, exit code 2, nothing written)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from cybergeo.experiments.catalogue import Statistic
from cybergeo.i18n import choose_language, language
from cybergeo.scenario.limits import MAX_STEPS

if TYPE_CHECKING:
    from cybergeo.scenario import Scenario, ScenarioError

app = typer.Typer(
    help="Simulate cyberspace geopolitics from YAML scenarios.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

PROGRESS_FROM_STEPS = 100
"""Runs at least this long show a progress bar."""
WIDE_TABLE = 180
"""Columns a wide table may use, however narrow the terminal, so no label is cut."""

ScenarioFile = Annotated[
    Path | None, typer.Argument(help="scenario YAML (default: bundled default)")
]
Seed = Annotated[int | None, typer.Option(help="random seed (default: the scenario's)", min=0)]
Overrides = Annotated[list[str] | None, typer.Option("--set", help="override: path.to.key=value")]
Statistics = Annotated[
    Statistic | None,
    typer.Option(help="per run: final, mean, total or max (default: the metric's, see `metrics`)"),
]
AllowOutside = Annotated[
    bool, typer.Option(help="let `extends:` reach files outside the scenario's folder")
]
Lang = Annotated[
    str | None,
    typer.Option(help="language of what is printed: en or fr (default: CYBERGEO_LANG, locale)"),
]
Steps = Annotated[
    int | None,
    typer.Option(help="number of steps (default: the scenario's)", min=1, max=MAX_STEPS),
]


def speak(lang: str | None, keep: bool = False) -> str:
    """Print in `lang` from now on (`keep`: when None, stay with the language already
    chosen by `cybergeo --lang`); an unknown language is a one-line error (exit 2)."""
    if lang is None and keep:
        return language()
    try:
        return choose_language(lang)
    except ValueError as error:
        raise fail(f"--lang: {error}") from None


def print_wide(table: Table) -> None:
    """Print a table that must not be cut (facts, metrics) on at least WIDE_TABLE columns."""
    Console(width=max(out.width, WIDE_TABLE)).print(table)


def load_or_exit(
    scenario: Path | None, assignments: list[str] | None, allow_outside: bool = False
) -> "Scenario":
    """Load a scenario with `--set` overrides, or print every problem and exit with 2."""
    from cybergeo.scenario import ScenarioError, load_scenario, parse_override
    from cybergeo.scenario.loader import DEFAULT_SCENARIO

    try:
        overrides = dict(parse_override(s) for s in assignments or [])
        return load_scenario(scenario or DEFAULT_SCENARIO, overrides, allow_outside=allow_outside)
    except ScenarioError as error:
        raise report(error) from None


def report(error: "ScenarioError") -> typer.Exit:
    """Print every problem of a scenario, one line each, and give the exit to raise (2)."""
    for problem in error.problems:
        err.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def fail(message: str) -> typer.Exit:
    """Print a one-line error on stderr and give the exit to raise (code 2)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)
