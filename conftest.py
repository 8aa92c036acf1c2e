"""Collection settings for the whole tree (fixtures live in tests/conftest.py).

`--doctest-modules` imports every module under `cybergeo/` in every test worker, even the
ones without an example; importing the dashboard, the Dask executor and EMA Workbench that
way costs each worker tens of seconds for nothing to run. Only modules that hold an
example (`>>>`) are collected for doctests.
"""

from pathlib import Path

PACKAGE = Path(__file__).parent / "cybergeo"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip package modules without a doctest; leave every other decision to pytest."""
    if collection_path.suffix != ".py" or not collection_path.is_relative_to(PACKAGE):
        return None
    return ">>>" not in collection_path.read_text(encoding="utf-8") or None
