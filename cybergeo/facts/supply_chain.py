"""Measures of supply-chain attacks: where infections and losses fall, how fast the victim
names the author, and how far the answer goes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from cybergeo.dynamics.kinds import Escalation
from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData
from cybergeo.scenario.spec import UNKNOWN_ACTOR

if TYPE_CHECKING:
    import pandas as pd


def _final(run: RunData, family: str) -> pd.Series:
    """The last value of a per-country metric family, by country."""
    countries = run.scenario.country_ids()
    last = run.metrics.iloc[-1]
    return last[[f"{family}.{c}" for c in countries]].astype(float).set_axis(countries)


@measure
def infection_share(run: RunData, country: str) -> float:
    """Share of the organisations hit by supply-chain attacks that are based in `country`.
    Record: most NotPetya infections were in Ukraine."""
    infected = _final(run, "infected_organisations")
    total = infected.sum()
    return float(infected[country] / total) if total else float("nan")


@measure
def loss_share_abroad(run: RunData, country: str) -> float:
    """Share of the losses from supply-chain attacks booked outside `country`. Record:
    Maersk, FedEx/TNT, Merck and others lost billions outside Ukraine."""
    losses = _final(run, "economic_loss")
    total = losses.sum()
    return float(1.0 - losses[country] / total) if total else float("nan")


def _attack_incidents(run: RunData) -> pd.DataFrame:
    events = run.events
    attacks = events.loc[events["kind"] == "supply_chain_attack", ["incident", "step"]]
    return attacks.rename(columns={"step": "launched"})


@measure
def attack_attribution_delay(run: RunData) -> float:
    """Days from a supply-chain attack to its first public attribution naming an actor; NaN
    if never named. Record: Ukrainian authorities blamed Russia within two weeks."""
    events = run.events
    named = events[(events["kind"] == "attribution") & (events["blamed"] != UNKNOWN_ACTOR)]
    delays = [
        (named.loc[named["incident"] == row.incident, "step"].min() - row.launched)
        for row in _attack_incidents(run).itertuples()
    ]
    delays = [d for d in delays if not math.isnan(d)]
    return float(min(delays) * run.days_per_step) if delays else float("nan")


@measure
def attack_response_rung(run: RunData) -> float:
    """The highest rung of the answers to supply-chain attacks (0 when only statements or
    none). Record: NotPetya drew statements and, months later, sanctions; no counter-attack."""
    events = run.events
    answers = events[
        (events["kind"] == "response") & events["incident"].isin(_attack_incidents(run)["incident"])
    ]
    rungs = [
        Escalation[d.upper()] for d in answers["detail"] if d.upper() in Escalation.__members__
    ]
    return float(max(rungs, default=0))
