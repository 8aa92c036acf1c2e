"""The catalogue of measures: one function per measure, registered by name.

A measure takes one run (`cybergeo.facts.run_data.RunData`) and keyword parameters and
returns one number (NaN when the run has nothing to measure, e.g. no detected espionage).
Facts compare the mean of a measure over replications with the record. To add measures,
write a module of functions decorated with `@measure` and add its name to
`CATALOGUE_MODULES`.

Each measure is declared once, by its function: its name and signature are the catalogue
that validation reads. So that validating a scenario's `facts:` loads no pandas, measure
modules import pandas only for type checking and work on the tables the run hands them
(`tests/test_cli.py` checks it).
"""

import inspect
from collections.abc import Callable
from importlib import import_module
from typing import Any

from pydantic import TypeAdapter, ValidationError

CATALOGUE_MODULES = (
    "incidents",
    "society",
    "series",
    "governance",
    "influence",
    "uprisings",
    "displaced_secret",
    "supply_chain",
    "crises",
)
"""Modules of `cybergeo.facts` whose measures make up the catalogue."""


MeasureFunction = Callable[..., float]
MEASURES: dict[str, MeasureFunction] = {}
"""Every measure of the catalogue, by name."""


def measure(function: MeasureFunction) -> MeasureFunction:
    """Register a function as a measure under its own name."""
    MEASURES[function.__name__] = function
    return function


def catalogue() -> dict[str, MeasureFunction]:
    """The whole catalogue, its modules imported on first use."""
    for module in CATALOGUE_MODULES:
        import_module(f"cybergeo.facts.{module}")
    return MEASURES


def parameters(name: str) -> dict[str, inspect.Parameter]:
    """The keyword parameters a measure accepts, with their defaults."""
    signature = inspect.signature(catalogue()[name], eval_str=True)
    return {p: v for p, v in signature.parameters.items() if p != "run"}


def measure_problem(name: str, params: dict[str, Any]) -> str | None:
    """Why a measure reference is invalid (unknown name or parameter, missing parameter),
    or None."""
    measures = catalogue()
    if name not in measures:
        return f"unknown measure '{name}' (known: {', '.join(sorted(measures))})"
    accepted = parameters(name)
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        return f"measure '{name}' has no parameter {unknown[0]!r} (has: {', '.join(accepted)})"
    missing = [p for p, v in accepted.items() if v.default is inspect.Parameter.empty]
    missing = [p for p in missing if p not in params]
    if missing:
        return f"measure '{name}' needs the parameter {missing[0]!r}"
    for param, value in params.items():
        try:
            TypeAdapter(accepted[param].annotation).validate_python(value)
        except ValidationError as error:
            reason = error.errors()[0]["msg"]
            return f"measure '{name}': {param} {value!r} is not valid ({reason})"
    return None
