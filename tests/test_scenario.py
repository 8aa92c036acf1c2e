"""Scenario files: defaults, strict validation with located errors, extends and overrides."""

import pytest

from cybergeo import load_scenario
from cybergeo.i18n import LANGUAGES
from cybergeo.scenario import ScenarioError, apply_overrides, parse_override, scenario_hash
from cybergeo.scenario.schema import Descriptions
from tests.conftest import DATA, SCENARIOS


def problems_of(source, overrides=None) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(source, overrides)
    return [str(p) for p in caught.value.problems]


def test_a_few_lines_are_a_whole_scenario():
    scenario = load_scenario({"name": "tiny", "steps": 5})
    assert scenario.steps == 5
    assert len(scenario.countries) >= 2
    assert all(0 <= c.legitimacy <= 1 for c in scenario.countries)


def test_bundled_scenarios_are_valid():
    for path in SCENARIOS.glob("*.yaml"):
        assert load_scenario(path).name


def test_bundled_scenarios_describe_themselves_in_both_languages():
    for path in SCENARIOS.glob("*.yaml"):
        scenario = load_scenario(path)
        english, french = scenario.description_in("en"), scenario.description_in("fr")
        assert english and french and english != french, path.name


def test_a_description_is_one_text_or_one_per_language(tmp_path):
    assert tuple(Descriptions.model_fields) == LANGUAGES, "one per language of the interface"
    one = load_scenario({"description": "A quarrel."})
    assert one.description_in("fr") == one.description_in("en") == "A quarrel."
    english_only = load_scenario({"description": {"en": "A quarrel."}})
    assert english_only.description_in("fr") == "A quarrel."
    base = tmp_path / "base.yaml"
    base.write_text("description:\n  en: A quarrel.\n  fr: Une querelle.\n", encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\ndescription:\n  en: A feud.\n", encoding="utf-8")
    assert load_scenario(child).description_in("fr") == "A feud.", "not the base's French"
    child.write_text("extends: base.yaml\nsteps: 3\n", encoding="utf-8")
    assert load_scenario(child).description_in("fr") == "Une querelle."
    child.write_text("description:\n  en: A feud.\n  de: Eine Fehde.\n", encoding="utf-8")
    assert problems_of(child) == [f"{child}:3: description.de: unknown key 'de'"]


def test_bundled_countries_are_on_epsteins_scale():
    """Every country of the library says its legitimacy, at Epstein's calm line (0.9) or
    near it, never the schema's off-scale default (ODD 5.4): below 0.75 even a peacetime
    case would see a large share of its citizens in the streets."""
    for path in SCENARIOS.glob("*.yaml"):
        for country in load_scenario(path).countries:
            assert "legitimacy" in country.model_fields_set, f"{path.name}: {country.id}"
            assert country.legitimacy >= 0.75, f"{path.name}: {country.id}"


def test_every_problem_is_reported_with_file_line_and_field():
    problems = problems_of(DATA / "bad.yaml")
    text = "\n".join(problems)
    assert len(problems) == 4
    assert "bad.yaml:2: stepz: unknown key 'stepz'; did you mean 'steps'?" in text
    assert (
        "bad.yaml:5: countries.Northland.legitimacy: Input should be less than or equal to 1"
        in text
    )
    assert "bad.yaml:8: countries.Eastmark.citizens: Input should be a valid integer" in text
    assert "bad.yaml:10: firms.Chirp.home: unknown country 'Atlantis'" in text


def test_misspelt_nested_key_suggests_the_closest():
    problems = problems_of({"countries": [{"id": "A", "legitimacyy": 0.5}, {"id": "B"}]})
    assert problems == [
        "<mapping>: countries.A.legitimacyy: unknown key 'legitimacyy'; did you mean 'legitimacy'?"
    ]


def test_duplicate_and_dangling_references():
    problems = problems_of(
        {
            "countries": [{"id": "A", "allies": ["Z"]}, {"id": "A"}],
            "insiders": [{"id": "X", "employer": "Nobody"}],
        }
    )
    text = "\n".join(problems)
    assert "countries.A.allies.0: unknown country 'Z'" in text
    assert "'A' is already the id of one of the countries" in text
    assert "insiders.X.employer: unknown country or firm 'Nobody'" in text


def test_extends_merges_list_items_by_id():
    scenario = load_scenario(DATA / "derived.yaml")
    assert scenario.name == "derived"
    assert scenario.steps == 20
    assert [c.id for c in scenario.countries] == ["A", "B", "C"]
    b = scenario.countries[1]
    assert b.doctrine.attribution_threshold == 0.95
    assert b.rivals == ["A"]


def test_problem_in_a_derived_file_points_at_that_file():
    (problem,) = problems_of(DATA / "derived_bad.yaml")
    assert problem.startswith(f"{DATA / 'derived_bad.yaml'}:4: countries.A.legitimacy")


def test_extends_cycle_is_an_error():
    (problem,) = problems_of(DATA / "cycle_a.yaml")
    assert "cycle of extends" in problem


def test_yaml_tags_are_refused_not_constructed(capfd):
    (problem,) = problems_of(DATA / "tagged.yaml")
    assert "tagged.yaml:1" in problem and "tags are not allowed" in problem
    assert "owned" not in capfd.readouterr().out


def test_missing_file_and_syntax_error():
    assert "no such scenario file" in problems_of(DATA / "missing.yaml")[0]
    syntax = DATA.parent / "data" / "syntax.yaml"
    syntax.write_text("name: [unclosed\n")
    try:
        assert "YAML syntax error" in problems_of(syntax)[0]
    finally:
        syntax.unlink()


def test_overrides_reach_defaults_and_list_items_by_id():
    scenario = load_scenario(
        {}, {"countries.Eastmark.doctrine.attribution_threshold": 0.9, "steps": 7}
    )
    assert scenario.steps == 7
    assert scenario.countries[1].doctrine.attribution_threshold == 0.9


def test_bad_override_is_located_on_the_command_line():
    (problem,) = problems_of({}, {"countries.Eastmark.legitimacy": 3})
    assert problem.startswith("--set: countries.Eastmark.legitimacy: Input should be less")


def test_parse_override_reads_yaml_values():
    assert parse_override("steps=12") == ("steps", 12)
    assert parse_override("countries.A.allies=[B, C]") == ("countries.A.allies", ["B", "C"])
    with pytest.raises(ScenarioError):
        parse_override("steps")


def test_apply_overrides_does_not_touch_its_input():
    raw = {"countries": [{"id": "A", "legitimacy": 0.5}]}
    changed = apply_overrides(raw, {"countries.A.legitimacy": 0.1})
    assert raw["countries"][0]["legitimacy"] == 0.5
    assert changed["countries"][0]["legitimacy"] == 0.1


def test_hash_depends_on_content_only():
    a = load_scenario({"steps": 5})
    assert scenario_hash(a) == scenario_hash(load_scenario({"steps": 5}))
    assert scenario_hash(a) != scenario_hash(load_scenario({"steps": 6}))
