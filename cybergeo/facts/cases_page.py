"""The page of historical cases, `docs/cases.md`, written from the scenario files themselves:
each case told by its file's opening comment, and its facts with their bounds and sources.

Regenerate it after editing a case with ``python -m cybergeo.facts.cases_page``; a test
checks that the page and the files agree.

Examples
--------
>>> from pathlib import Path
>>> page = cases_page(Path("scenarios"))
>>> page.startswith("# Historical cases")
True
"""

import sys
from pathlib import Path

from cybergeo.scenario import load_scenario

CASES = (
    "wikileaks-2010",
    "snowden-2013",
    "arab-spring-2011",
    "notpetya-2017",
    "estonia-2007",
    "e-diplomacy-2012",
    "icann-2012-2016",
)
"""The bundled historical cases, in the order the page tells them."""

INTRODUCTION = """# Historical cases

The scenario library's historical cases, each told by its file's opening comment, with the
stylised facts its runs must show. A fact asserts a direction, an order of magnitude or a
timing from the record, never a point estimate; the model is stylised, not a forecast.
Check a case's facts with `cybergeo facts scenarios/<case>.yaml --replications 20`: it prints
the observed mean of each measure over the runs, its 95 % interval, and whether the fact
holds (see [facts.md](facts.md) for the measures).

This page is generated from the files by `python -m cybergeo.facts.cases_page`.
"""


def opening_comment(path: Path) -> list[str]:
    """The paragraphs of a file's opening comment block."""
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if text:
            paragraphs[-1].append(text)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [" ".join(p) for p in paragraphs if p]


def case_section(path: Path) -> str:
    """One case: its title, its story, its run length and its facts table."""
    scenario = load_scenario(path)
    title, *story = opening_comment(path)
    rows = [
        f"| `{f.id}` | {f.claim} | {f.bound()} | {f.source} |".replace("\n", " ")
        for f in scenario.facts
    ]
    return "\n\n".join(
        [
            f"## {title.rstrip('.')}",
            *story,
            f"File: [`scenarios/{path.name}`](../scenarios/{path.name}); "
            f"{scenario.steps} steps of {scenario.step_days} "
            f"{'day' if scenario.step_days == 1 else 'days'}, "
            f"{sum(c.citizens for c in scenario.countries):,} citizens.",
            "| fact | claim | bound | source |\n|---|---|---|---|\n" + "\n".join(rows),
        ]
    )


def cases_page(folder: Path) -> str:
    """The whole page, from the case files in `folder`."""
    sections = [case_section(folder / f"{name}.yaml") for name in CASES]
    return "\n\n".join([INTRODUCTION.rstrip(), *sections]) + "\n"


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    (root / "docs" / "cases.md").write_text(cases_page(root / "scenarios"), encoding="utf-8")
    sys.stdout.write("wrote docs/cases.md\n")
