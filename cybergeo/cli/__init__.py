"""The `cybergeo` command: thin wrappers over the Python API, with clear errors.

Bad input is one line on stderr naming what and where, exit code 2, and nothing written.
Commands live in modules by subject: single runs (`runs`), batches (`batches`), their
analysis (`analysis`), stylised facts (`facts`); `common` holds what they share.
"""

from cybergeo.cli import analysis, batches, facts, runs
from cybergeo.cli.common import app, err, out

__all__ = ["analysis", "app", "batches", "err", "facts", "out", "runs"]
