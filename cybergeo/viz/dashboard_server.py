"""Serve the class dashboard on localhost with Solara's own server.

Kept apart from `cybergeo.viz.dashboard` and light to import: the server process imports
the dashboard itself, so the command that starts it need not.
"""

import os
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn

PAGE = "cybergeo.viz.dashboard.app"
SCENARIO_VARIABLE = "CYBERGEO_DASHBOARD_SCENARIO"
"""Set by `cybergeo dashboard FILE` for the page it serves."""


def serve(scenario: Path | None, port: int, open_browser: bool, lang: str) -> NoReturn:
    """Become `solara run` on the dashboard page, until interrupted.

    The process is replaced rather than forked, so stopping `cybergeo dashboard` (Ctrl-C,
    or a test's terminate) stops the server too. The scenario file and the language travel
    to the page through the environment. Raises ModuleNotFoundError without the teach extra.
    """
    if find_spec("solara") is None:
        raise ModuleNotFoundError("No module named 'solara'", name="solara")
    environment = {**os.environ, "CYBERGEO_LANG": lang}
    if scenario is not None:
        environment[SCENARIO_VARIABLE] = str(scenario.resolve())
    command = [
        sys.executable,
        "-m",
        "solara",
        "run",
        PAGE,
        "--host",
        "localhost",
        "--port",
        str(port),
        "--production",
        "--open" if open_browser else "--no-open",
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command, environment)
