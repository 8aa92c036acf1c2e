"""Facts as data: the catalogue measures what it says, facts are validated where they are
written, and `check_facts` / `cybergeo facts` give the verdict and the exit code."""

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from cybergeo import ScenarioError, check_facts, load_scenario
from cybergeo.cli import app
from cybergeo.facts.check import mean_interval
from cybergeo.facts.registry import catalogue
from cybergeo.facts.run_data import RunData, evaluate
from cybergeo.record import Recorder
from tests.conftest import SCENARIOS

SMALL = {
    "steps": 20,
    "countries.Northland.citizens": 60,
    "countries.Eastmark.citizens": 60,
    "countries.Southport.citizens": 40,
}


def fact(measure, compare=">=", value=0.0, **extra):
    return {
        "id": extra.pop("id", "a-fact"),
        "measure": measure,
        "compare": compare,
        "value": value,
        "source": "a source",
        "claim": "a claim",
        **extra,
    }


def story_run() -> RunData:
    """Three operations told by hand: espionage seen after 40 days and never named,
    espionage never seen, a DDoS seen at once and blamed on Eastmark 60 days later."""
    recorder = Recorder()
    for incident, kind in ((0, "espionage"), (1, "espionage"), (2, "ddos")):
        recorder.event(
            1,
            "operation_launched",
            "Eastmark",
            "Northland",
            incident=incident,
            true_author="Eastmark",
            apparent_origin="Eastmark",
            detail=f"{kind} on gov via none; succeeded",
        )
    recorder.event(41, "incident_detected", "Northland", "gov", incident=0)
    recorder.event(1, "incident_detected", "Northland", "gov", incident=2)
    recorder.event(
        61, "attribution", "Northland", "Eastmark", incident=2, blamed="Eastmark", confidence=0.9
    )
    recorder.event(61, "response", "Northland", "Eastmark", incident=2, detail="sanctions")
    for step in range(1, 366):
        protest = 0.5 if step == 100 else 0.01
        recorder.metrics(
            step,
            {
                "arrests": 1.0 if step <= 14 else 0.0,
                "escalation.Northland-Eastmark": 2.0,
                **{f"protest_share.{c}": protest for c in ("Northland", "Eastmark", "Southport")},
            },
        )
    scenario = load_scenario({"steps": 365})
    return RunData(scenario, recorder.metrics_frame(), recorder.events_frame())


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("detected_share", {}, 2 / 3),
        ("detected_share", {"operation": "espionage"}, 1 / 2),
        ("dwell_time", {"operation": "espionage"}, 40.0),
        ("attributed_share", {}, 1 / 2),
        ("attribution_delay", {}, 60.0),
        ("rung_reached", {"rung": "sanctions"}, 1.0),
        ("rung_reached", {}, 0.0),
        ("response_share", {"responses": ["silence", "statement"]}, 1 / 2),
        ("response_share", {"operation": "ddos", "responses": ["sanctions"]}, 1.0),
        ("protest_share", {}, 0.01),
        ("protest_share", {"statistic": "peak", "country": "Eastmark"}, 0.5),
        ("arrests_per_citizen_year", {}, 14 / 900),
        ("metric_at", {"metric": "protest_share.Northland", "step": 100}, 0.5),
        ("metric_change", {"metric": "arrests", "step": 15, "window": 5}, -1.0),
        ("metric_change", {"metric": "arrests", "event": "leak"}, float("nan")),
        ("difference", {"metric": "protest_share", "between": ["Eastmark", "Northland"]}, 0.0),
    ],
)
def test_each_measure_reads_the_story_right(name, params, expected):
    np.testing.assert_allclose(evaluate(name, params, story_run()), expected)


def test_every_measure_is_documented():
    """Each measure has a docstring and a section in docs/facts.md."""
    doc = (SCENARIOS.parent / "docs" / "facts.md").read_text(encoding="utf-8")
    for name, function in catalogue().items():
        assert function.__doc__, name
        assert f"`{name}`" in doc, f"docs/facts.md does not list `{name}`"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (fact("dwell"), "unknown measure 'dwell'"),
        (fact({"name": "dwell_time", "params": {"kind": "espionage"}}), "no parameter 'kind'"),
        (fact({"name": "dwell_time", "params": {"operation": "spying"}}), "operation 'spying'"),
        (fact("response_share"), "needs the parameter 'responses'"),
        (fact("detected_share", "range", 0.5), "range needs value: [low, high]"),
        (fact("detected_share", "above", None), "needs `than:`"),
        (fact("detected_share", "<=", None), "needs a number"),
    ],
)
def test_a_bad_fact_is_an_error_naming_where(bad, message):
    with pytest.raises(ScenarioError) as error:
        load_scenario({"facts": [bad]})
    assert message in str(error.value)
    assert "facts" in str(error.value)


def test_fact_ids_are_unique():
    with pytest.raises(ScenarioError, match="unique: twice"):
        load_scenario({"facts": [fact("detected_share", id="twice")] * 2})


def test_the_interval_covers_the_mean_and_narrows_with_runs():
    rng = np.random.default_rng(0)
    few, many = rng.normal(1, 1, 5), rng.normal(1, 1, 500)
    mean, low, high = mean_interval(few)
    assert low < mean < high
    _, many_low, many_high = mean_interval(many)
    assert many_high - many_low < high - low
    assert np.isnan(mean_interval(np.array([]))[0])


def test_check_facts_gives_each_verdict():
    scenario = load_scenario(
        {
            **{"steps": 20},
            "facts": [
                fact("detected_share", "range", [0.0, 1.0], id="a-share"),
                fact("arrests_per_citizen_year", ">=", 1e9, id="impossible"),
                fact(
                    {"name": "protest_share", "params": {"statistic": "peak"}},
                    "above",
                    None,
                    than={"name": "protest_share", "params": {"statistic": "median"}},
                    id="peak-above-median",
                ),
            ],
        },
        {k: v for k, v in SMALL.items() if k != "steps"},
    )
    table = check_facts(scenario, replications=3, seed=5)
    verdicts = dict(zip(table["fact"], table["holds"], strict=True))
    assert verdicts == {"a-share": True, "impossible": False, "peak-above-median": True}
    assert list(table["runs"])[1:] == [3, 3]  # a run without operations has no share
    assert table.loc[table["fact"] == "impossible", "bound"].item() == ">= 1e+09"
    again = check_facts(scenario, replications=3, seed=5)
    pd.testing.assert_frame_equal(table, again)


def test_the_command_exits_by_the_verdict(tmp_path):
    path = tmp_path / "facts.yaml"
    holding = fact("detected_share", "<=", 1.0, id="holding")
    failing = fact("detected_share", ">=", 2.0, id="failing")
    for facts, code in (([holding], 0), ([holding, failing], 1)):
        path.write_text(json.dumps({"name": "small", "steps": 15, "facts": facts}))
        args = ["facts", str(path), "--replications", "2", "--workers", "1", "--json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == code, result.output
        rows = json.loads(result.stdout)
        assert [r["fact"] for r in rows] == [f["id"] for f in facts]


def test_a_derived_scenario_can_drop_inherited_facts(tmp_path):
    path = tmp_path / "derived.yaml"
    path.write_text(f"extends: {SCENARIOS / 'default.yaml'}\nfacts: []\n")
    assert load_scenario(SCENARIOS / "default.yaml").facts
    assert load_scenario(path).facts == []


def test_the_command_rejects_a_scenario_without_facts(tmp_path):
    path = tmp_path / "none.yaml"
    path.write_text("name: none\n")
    result = CliRunner().invoke(app, ["facts", str(path)])
    assert result.exit_code == 2
    assert "no facts" in result.output
