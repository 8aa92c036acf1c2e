"""Upper bounds on sizes that scenarios, the API and the command line all check (a module
of plain constants, so that the command line can offer them without loading pydantic)."""

MAX_STEPS = 100_000
"""Longest run, in steps, wherever a number of steps enters (YAML, CLI, API)."""
MAX_SEED = 2**63 - 1
MAX_RUNS = 1_000_000
"""Most runs in one batch (design points x replications)."""
MAX_WORKERS = 512
"""Most parallel workers a command starts on this machine."""
