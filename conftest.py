"""Collection settings for the whole tree (fixtures live in tests/conftest.py).

`--doctest-modules` imports every module under `cybergeo/` in every test worker, even the
ones without an example; importing the dashboard, the Dask executor and EMA Workbench that
way costs each worker tens of seconds for nothing to run. Only modules that hold an
example (`>>>`) are collected for doctests.

jsonschema checks the `iri` format with rfc3987-syntax when it is installed (the teach
extra's Jupyter brings it), and that module builds some thirty Earley parsers as it is
imported: 2.5 s of CPU in each test process that imports altair (Mesa's SolaraViz, EMA
Workbench's PRIM), for a format no test validates (python-jsonschema/jsonschema#1428). The
test processes go without it; jsonschema then leaves the `iri` format unchecked.
"""

import sys
from pathlib import Path

PACKAGE = Path(__file__).parent / "cybergeo"

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip package modules without a doctest; leave every other decision to pytest."""
    if collection_path.suffix != ".py" or not collection_path.is_relative_to(PACKAGE):
        return None
    return ">>>" not in collection_path.read_text(encoding="utf-8") or None
