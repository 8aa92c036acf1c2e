"""The `cybergeo` command: thin wrappers over the Python API, with clear errors.

Bad input is one line on stderr naming what and where, exit code 2, and nothing written.
Shared options and error reporting live in `cli.common`; commands on single runs in
`cli.runs`, batches in `cli.batches`, their analysis in `cli.analysis`, stylised facts in
`cli.facts`, `cybergeo --lang` and the class dashboard in `cli.teach`; every command also
takes `--lang` (`cli.common.Lang`).
"""

from cybergeo.cli import analysis, batches, facts, runs, teach
from cybergeo.cli.common import app

__all__ = ["analysis", "app", "batches", "facts", "runs", "teach"]
