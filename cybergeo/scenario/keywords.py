"""A scenario from keyword arguments: how Mesa's SolaraViz (re)creates a model.

SolaraViz builds a model as `Model(**parameters)` and, on Reset, also hands it a Mesa
`Scenario` of its own under `scenario=`. So a cybergeo model accepts a scenario file as
`source` and dotted override paths as keywords (`**{"countries.Eastmark.doctrine.
attribution_threshold": 0.9}`), and reads a Mesa scenario as "no cybergeo scenario given".
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cybergeo.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_mapping
from cybergeo.scenario.schema import Scenario


def scenario_from_keywords(
    scenario: object, source: str | Path | None, settings: dict[str, Any]
) -> Scenario:
    """The scenario to build: `scenario` if it is a cybergeo scenario, a mapping or a path, else
    `source` (default: the bundled default), with `settings` as `--set`-style overrides.

    Examples
    --------
    >>> settings = {"steps": 12, "countries.Eastmark.legitimacy": 0.3}
    >>> spec = scenario_from_keywords(None, None, settings)
    >>> spec.steps, spec.countries[1].legitimacy
    (12, 0.3)
    """
    if isinstance(scenario, Scenario):
        return load_scenario(scenario_mapping(scenario), settings) if settings else scenario
    if isinstance(scenario, Mapping):
        return load_scenario(scenario, settings)
    if isinstance(scenario, str | Path):
        source = scenario
    return load_scenario(source if source is not None else DEFAULT_SCENARIO, settings)
