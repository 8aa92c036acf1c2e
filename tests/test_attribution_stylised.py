"""Stylised facts of attribution in the model, across replications, with statistical tests.

Replications and run lengths follow each effect's size, measured over 20 seeds cut at 90,
120, 150 and 365 days. A stricter attribution threshold is a weak effect that needs whole
years: over 150 days even 20 seeds leave the false-attribution and retaliation tests far
from significance, so the four threshold tests share one batch of 20 year-long runs per
doctrine and form the `slow` tier (`./dev test -m slow`). False flags and proxies are strong
effects, checked at 150 days: see their tests.
"""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cybergeo import load_scenario, simulate
from cybergeo.measures import incident_table, retaliations_against_innocents
from tests.conftest import SCENARIOS

REPLICATIONS = 20
YEAR = 365


def incidents(overrides: dict, replications: int = REPLICATIONS, steps: int = YEAR) -> pd.DataFrame:
    """Incidents of many seeded runs of a small, busy version of the default scenario, whose
    victims name culprits as soon as they are confident."""
    base = {
        "steps": steps,
        "countries.Northland.citizens": 60,
        "countries.Eastmark.citizens": 60,
        "countries.Southport.citizens": 40,
        "countries.Northland.operations_rate": 0.15,
        "countries.Eastmark.operations_rate": 0.15,
        "events": [],
        **{f"countries.{c}.doctrine.attribution_delay": 0 for c in ("Northland", "Eastmark")},
    }
    scenario = load_scenario(SCENARIOS / "default.yaml", {**base, **overrides})
    tables = []
    for seed in range(replications):
        table = incident_table(simulate(scenario, seed=seed).events)
        tables.append(table.assign(seed=seed))
    return pd.concat(tables, ignore_index=True)


def with_threshold(value: float) -> dict:
    return {
        f"countries.{c}.doctrine.attribution_threshold": value
        for c in ("Northland", "Eastmark", "Southport")
    }


@pytest.fixture(scope="module")
def doctrines() -> dict[str, pd.DataFrame]:
    return {"low": incidents(with_threshold(0.6)), "high": incidents(with_threshold(0.97))}


def proportion_less(hits_a, n_a, hits_b, n_b) -> float:
    """One-sided p-value that proportion a is lower than proportion b (Fisher's exact test)."""
    table = [[hits_a, n_a - hits_a], [hits_b, n_b - hits_b]]
    return stats.fisher_exact(table, alternative="less").pvalue


@pytest.mark.slow
def test_higher_threshold_fewer_false_attributions(doctrines):
    low, high = (d[d["attributed"].notna()] for d in (doctrines["low"], doctrines["high"]))
    wrong_low, wrong_high = (
        (~low["correct"].astype(bool)).sum(),
        (~high["correct"].astype(bool)).sum(),
    )
    assert proportion_less(wrong_high, len(high), wrong_low, len(low)) < 0.01


@pytest.mark.slow
def test_higher_threshold_fewer_retaliations_against_innocents(doctrines):
    def per_run(table):
        innocents = retaliations_against_innocents(table)
        return innocents.groupby("seed").size().reindex(range(REPLICATIONS), fill_value=0)

    low, high = per_run(doctrines["low"]), per_run(doctrines["high"])
    assert stats.mannwhitneyu(high, low, alternative="less").pvalue < 0.01


@pytest.mark.slow
def test_higher_threshold_more_incidents_never_answered(doctrines):
    def unanswered(table):
        seen = table[table["detected"].notna()]
        return int(seen["attributed"].isna().sum()), len(seen)

    (high_hits, high_n), (low_hits, low_n) = (
        unanswered(doctrines["high"]),
        unanswered(doctrines["low"]),
    )
    assert proportion_less(low_hits, low_n, high_hits, high_n) < 0.01


@pytest.mark.slow
def test_higher_threshold_slower_attribution(doctrines):
    def delays(table):
        done = table[table["attributed"].notna()]
        return (done["attributed"] - done["detected"]).astype(float)

    assert (
        stats.mannwhitneyu(
            delays(doctrines["low"]), delays(doctrines["high"]), alternative="less"
        ).pvalue
        < 0.01
    )


def blamed_share(table: pd.DataFrame, actor: str) -> tuple[int, int]:
    attributed = table[table["attributed"].notna()]
    wrongly = attributed[(attributed["blamed"] == actor) & (attributed["true_author"] != actor)]
    return len(wrongly), len(attributed)


def test_false_flags_raise_false_attribution_against_the_framed_actor():
    """6 runs of 150 days a side give p <= 2e-4 for each of four disjoint blocks of seeds
    (0-5 to 18-23); 5 runs give up to 5e-3, and 8 runs at 120 days 2e-3: the campaign runs
    through the whole run."""
    naive = {f"countries.{c}.doctrine.evidence_model": "naive" for c in ("Northland", "Southport")}
    campaign = [
        {
            "step": 1,
            "kind": "false_flag_campaign",
            "actor": "Eastmark",
            "target": "Southport",
            "duration": 200,
        }
    ]
    plain = incidents(naive, replications=6, steps=150)
    flagged = incidents({**naive, "events": campaign}, replications=6, steps=150)
    framed, n_framed = blamed_share(flagged, "Southport")
    before, n_before = blamed_share(plain, "Southport")
    assert proportion_less(before, n_before, framed, n_framed) < 0.01


def test_proxies_shield_their_sponsor():
    """Through a proxy, fewer of a state's operations are pinned on the state itself: naming
    the proxy is right, but only at the operator level. A strong effect: 5 runs of 150 days a
    side give p <= 2e-5 for each of four disjoint blocks of seeds (0-4 to 15-19); 4 runs give
    up to 2e-3."""

    def sponsor_missed(table):
        attributed = table[table["attributed"].notna() & (table["true_author"] == "Eastmark")]
        return int((attributed["level"] != "responsible").sum()), len(attributed)

    without = sponsor_missed(incidents({"attribution.proxy_rate": 0.0}, replications=5, steps=150))
    through = sponsor_missed(incidents({"attribution.proxy_rate": 1.0}, replications=5, steps=150))
    assert proportion_less(*without, *through) < 0.01


def test_event_log_answers_every_incident_question():
    table = incidents({}, replications=1)
    attributed = table[table["attributed"].notna()]
    assert len(attributed) > 5
    assert attributed["true_author"].notna().all()
    assert attributed["blamed"].notna().all()
    assert attributed["confidence"].between(0, 1).all()
    assert (attributed["attributed"] >= attributed["detected"]).all()
    assert attributed["response"].notna().all()
    assert np.isin(table["victim"], ["Northland", "Eastmark", "Southport"]).all()
