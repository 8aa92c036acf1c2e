"""Phase 8, record: one row of metrics for the step."""

import itertools

import numpy as np

from cybergeo.actors.citizens import Activity
from cybergeo.dynamics.governance_phase import cross_border_open, governance_metrics
from cybergeo.view import ModelView

COUNTED = (
    "operations_launched",
    "operations_succeeded",
    "operations_detected",
)
"""The step's counts reported before the incidents' metrics."""
COUNTED_AFTER_INCIDENTS = (
    "leaks",
    "messages",
    "citizens_reached",
    "censorship_events",
    "arrests",
    "retaliations_against_innocents",
)
"""The step's counts reported after the incidents' metrics."""


def record(model: ModelView) -> None:
    """Totals of the step, then the state of every country, pair of states and firm."""
    metrics: dict[str, float] = {
        **{name: model.counted(name) for name in COUNTED},
        **model.incidents.step_metrics(),
        **{name: model.counted(name) for name in COUNTED_AFTER_INCIDENTS},
        "mean_tension": model.relations.mean_tension(),
        "max_escalation": float(model.relations.escalation.max()),
        **{f"availability_{s.value}": v for s, v in model.world.availability().items()},
        "cross_border_open": cross_border_open(model),
    }
    metrics.update(country_metrics(model))
    n = len(model.countries)
    for a, b in itertools.combinations(range(n), 2):
        pair = f"{model.countries[a]}-{model.countries[b]}"
        metrics[f"escalation.{pair}"] = float(model.relations.escalation[a, b])
        metrics[f"tension.{pair}"] = float(model.relations.tension[a, b])
    for firm in model.firms.values():
        metrics[f"firm_reputation.{firm.name}"] = firm.reputation
        for i, country in enumerate(model.countries):
            if firm.market is not None:
                metrics[f"user_share.{firm.name}.{country}"] = float(firm.user_share[i])
    if model.spec.governance.active:
        metrics.update(governance_metrics(model))
    for mechanism in (model.influence, model.protest_news, model.regimes):
        if mechanism is not None:
            metrics.update(mechanism.metrics())
    model.recorder.metrics(model.steps, metrics)


def country_metrics(model: ModelView) -> dict[str, float]:
    """Per country: trust, protest, grievance, circumvention, reach, standing, transit and
    availability of each stratum."""
    n = len(model.countries)
    citizens = model.citizens
    by_country = model.world.availability_by_country()
    trust = citizens.mean_by_country(citizens.trust_government, n)
    protest = citizens.share(citizens.activity == Activity.PROTESTING, n)
    grievance = citizens.mean_by_country(citizens.grievance(), n)
    circumvention = citizens.share(model.world.accounts.circumvents[: len(citizens)], n)
    standing = standing_abroad(model)
    metrics: dict[str, float] = {}
    for i, country in enumerate(model.countries):
        metrics[f"trust_government.{country}"] = float(trust[i])
        metrics[f"protest_share.{country}"] = float(protest[i])
        metrics[f"grievance.{country}"] = float(grievance[i])
        metrics[f"circumvention.{country}"] = float(circumvention[i])
        metrics[f"citizens_reached.{country}"] = model.counted(f"citizens_reached.{country}")
        metrics[f"standing_abroad.{country}"] = float(standing[i])
        metrics[f"transit_routes.{country}"] = len(model.world.routes.transit(i))
        for stratum, shares in by_country.items():
            metrics[f"availability_{stratum.value}.{country}"] = float(shares[i])
    return metrics


def standing_abroad(model: ModelView) -> np.ndarray:
    """Soft power: each state's mean attitude among foreign citizens."""
    return model.citizens.mean_abroad(len(model.countries))
