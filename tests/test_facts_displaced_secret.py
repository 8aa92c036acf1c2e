"""The measures of the displaced secret, the supply chain and crises read a hand-told story
right."""

import numpy as np
import pytest

from cybergeo import load_scenario
from cybergeo.facts.run_data import RunData, evaluate
from cybergeo.record import Recorder

COUNTRIES = [
    {"id": "Washington", "allies": ["London"]},
    {"id": "London"},
    {"id": "Quito"},
    {"id": "Kyiv"},
]


def story_run() -> RunData:
    """Cables released on day 2; Cloudco drops the site on day 4 and is struck on day 6;
    Payco drops the publisher on day 5 and is never struck; Freehost, which refused, is struck
    on day 7. Reach is 100 a day before the site moves and 90 after. Tension with Quito climbs
    by 0.3, with London (an ally) by 0.3, with Kyiv by 0.05. A poisoned update on day 10 hits
    90 organisations in Kyiv and 10 in Quito, which loses 3 times Kyiv's loss; Kyiv names the
    author on day 17 and protests. A provocation on day 1, group strikes on Quito on days 3 and
    12, Anon's members arrested on day 20, and an institution on day 30."""
    recorder = Recorder()
    events = [
        (1, "provocation", "Washington", "Quito", {}),
        (2, "cable_release", "Leaks", "Washington", {}),
        (3, "operation_launched", "Anon", "Quito", {"incident": 1, "true_author": "Anon"}),
        (4, "takedown", "Cloudco", "Leaks", {}),
        (4, "site_moved", "Leaks", "Freehost", {}),
        (5, "takedown", "Payco", "Leaks", {}),
        (6, "strike_on_firm", "Anon", "Cloudco", {"incident": 2}),
        (7, "strike_on_firm", "Anon", "Freehost", {"incident": 3}),
        (10, "supply_chain_attack", "Moscow", "Ledger", {"incident": 4}),
        (12, "operation_launched", "Anon", "Quito", {"incident": 5, "true_author": "Anon"}),
        (17, "attribution", "Kyiv", "Moscow", {"incident": 4, "blamed": "Moscow"}),
        (17, "response", "Kyiv", "Moscow", {"incident": 4, "detail": "protest"}),
        (20, "arrests", "London", "Anon", {"incident": 5}),
        (30, "institution_founded", "Quito", None, {}),
    ]
    for step, kind, actor, target, fields in events:
        recorder.event(step, kind, actor, target, **fields)
    for step in range(1, 31):
        rise = min(step, 10) / 10
        recorder.metrics(
            step,
            {
                "cable_reach": 0 if step < 2 else (100 if step < 4 else 90),
                "tension.Washington-London": 0.1 + 0.3 * rise,
                "tension.Washington-Quito": 0.25 + 0.3 * rise,
                "tension.Washington-Kyiv": 0.25 + 0.05 * rise,
                "infected_organisations.Kyiv": 90.0 if step >= 10 else 0.0,
                "infected_organisations.Quito": 10.0 if step >= 10 else 0.0,
                "economic_loss.Kyiv": 100.0 if step >= 10 else 0.0,
                "economic_loss.Quito": 300.0 if step >= 10 else 0.0,
                **{f"infected_organisations.{c}": 0.0 for c in ("Washington", "London")},
                **{f"economic_loss.{c}": 0.0 for c in ("Washington", "London")},
            },
        )
    scenario = load_scenario(
        {"steps": 30, "countries": COUNTRIES, "groups": [{"id": "Anon", "home": "London"}]}
    )
    return RunData(scenario, recorder.metrics_frame(), recorder.events_frame())


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("payback_share", {"within": 14}, 0.5),
        ("payback_share", {"within": 1}, 0.0),
        ("strikes_on_refusers", {}, 1.0),
        ("reach_kept", {"window": 14}, 0.9),
        ("tension_rises", {"country": "Washington"}, 1.0),
        ("tension_rises", {"country": "Washington", "rise": 0.01}, 2.0),
        ("infection_share", {"country": "Kyiv"}, 0.9),
        ("loss_share_abroad", {"country": "Kyiv"}, 0.75),
        ("attack_attribution_delay", {}, 7.0),
        ("attack_response_rung", {}, 1.0),
        ("event_gap", {"first": "provocation", "then": "institution_founded"}, 29.0),
        ("event_gap", {"first": "cable_release", "then": "expulsion"}, float("nan")),
        ("strike_span", {"target": "Quito"}, 9.0),
        ("arrests_of", {"group": "Anon"}, 1.0),
        ("arrests_of", {"group": "Nobody"}, 0.0),
    ],
)
def test_each_measure_reads_the_story_right(name, params, expected):
    np.testing.assert_allclose(evaluate(name, params, story_run()), expected)
