"""Serve the class dashboard on localhost with Solara's own server."""

import os
import subprocess
import sys
from pathlib import Path

from cybergeo.viz.dashboard.app import SCENARIO_VARIABLE

PAGE = "cybergeo.viz.dashboard.app"


def serve(scenario: Path | None, port: int, open_browser: bool, lang: str) -> int:
    """Run `solara run` on the dashboard page until interrupted; its exit code.

    The scenario file and the language travel to the page through the environment.
    """
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
    try:
        return subprocess.call(command, env=environment)
    except KeyboardInterrupt:
        return 0
