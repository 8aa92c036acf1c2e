"""Start-up of the command line against `python -c "import numpy"`, in child CPU time.

`cybergeo validate` runs on the default scenario, whose `facts:` name measures of the
catalogue: it pays for the command line (what `--help` pays), the YAML reader and the
pydantic schema (about one `import numpy`), never for numpy, pandas, Mesa or matplotlib;
hence a bound one above that of `--help`.
"""

import resource
import subprocess
import sys
from pathlib import Path

import numpy as np

CLI = Path(sys.executable).with_name("cybergeo")
SCENARIO = Path(__file__).parents[1] / "scenarios" / "default.yaml"


def child_cpu(command: list[str]) -> float:
    """User and system CPU time of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(rounds: int) -> dict[str, float]:
    commands = {
        "numpy": [sys.executable, "-c", "import numpy"],
        "help": [str(CLI), "--help"],
        "validate": [str(CLI), "validate", str(SCENARIO)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(child_cpu(command))
    median = {name: float(np.median(values)) for name, values in times.items()}
    return {
        "numpy_s": median["numpy"],
        "help_s": median["help"],
        "validate_s": median["validate"],
        "help_per_numpy": median["help"] / median["numpy"],
        "validate_per_numpy": median["validate"] / median["numpy"],
    }
