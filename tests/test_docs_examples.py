"""The numbers printed in the README and docs/experiments.md for `compare` and `sensitivity`
come from the commands printed above them: replay the commands, compare the tables.

The README's comparison is the doctrine batch itself, 20 runs of a year (attribution takes
months: a shorter batch would show nothing), so its replay is in the slow tier."""

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cybergeo.cli import app
from cybergeo.cli.common import err, out

ROOT = Path(__file__).parents[1]
EXAMPLES = [
    pytest.param(ROOT / "README.md", "<!-- compare example", id="compare", marks=pytest.mark.slow),
    pytest.param(ROOT / "docs" / "experiments.md", "<!-- sensitivity example", id="sensitivity"),
]


def example(doc: Path, marker: str) -> tuple[list[list[str]], str]:
    """The commands of the bash block before `marker`, and the output block after it."""
    before, after = doc.read_text().split(marker)
    script = before.rsplit("```bash\n", 1)[1].split("```")[0].replace("\\\n", " ")
    commands = [shlex.split(line)[2:] for line in script.splitlines() if line.strip()]
    return commands, after.split("```\n", 1)[1].split("```")[0]


def rows(text: str) -> list[list[str]]:
    """Titles, warnings and table rows, cell by cell, whatever the table's width."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("│"):
            found.append([cell.strip() for cell in line.strip("│").split("│")])
        elif line and not re.match(r"^[┏┡└┃]", line) and not line.startswith("Tables"):
            found.append([" ".join(line.split())])
    return found


@pytest.mark.parametrize(("doc", "marker"), EXAMPLES)
def test_printed_example_is_what_its_commands_print(doc, marker, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(out, "width", 200)
    monkeypatch.setattr(err, "width", 200)
    commands, printed = example(doc, marker)
    batch_args, analysis_args = commands
    result = CliRunner().invoke(app, [*batch_args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (folder,) = tmp_path.iterdir()
    analysis = [str(folder) if "<stamp>" in arg else arg for arg in analysis_args]
    result = CliRunner().invoke(app, analysis)
    assert result.exit_code == 0, result.output
    assert rows(result.output) == rows(printed)
