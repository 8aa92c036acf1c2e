"""Versions of cybergeo and of the libraries its results depend on, written with every run
and batch so that a result says what produced it. Kept apart from the model so that
planning a batch does not import it."""

from importlib import metadata

MAIN_DEPENDENCIES = ("mesa", "numpy", "networkx", "scipy", "pandas", "pyarrow", "pydantic")


def versions() -> dict[str, str]:
    """Versions of cybergeo and of the libraries its results depend on."""
    found = {}
    for package in ("cybergeo", *MAIN_DEPENDENCIES):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "unknown"
    return found
