"""docs/cases.md tells the bundled historical cases as their files do, facts included."""

from pathlib import Path

import pytest

from cybergeo import load_scenario
from cybergeo.facts.cases_page import CASES, cases_page, opening_comment

ROOT = Path(__file__).parents[1]
SCENARIOS = ROOT / "scenarios"


def test_the_cases_page_is_generated_from_the_files() -> None:
    page = (ROOT / "docs" / "cases.md").read_text(encoding="utf-8")
    assert page == cases_page(SCENARIOS), "run: python -m cybergeo.facts.cases_page"


@pytest.mark.parametrize("name", CASES)
def test_each_case_tells_its_story_and_carries_three_cited_facts(name: str) -> None:
    path = SCENARIOS / f"{name}.yaml"
    story = " ".join(opening_comment(path))
    assert ("stylised" in story and "Sources" in story) or "sources" in story
    facts = load_scenario(path).facts
    assert len(facts) >= 3
    assert all(f.source and f.claim for f in facts)
