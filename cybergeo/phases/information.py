"""Phase 4, information: this step's messages spread and move beliefs."""

import numpy as np

from cybergeo.dynamics.information import reach, update_beliefs
from cybergeo.view import ModelView


def information(model: ModelView) -> None:
    """Protest news spreads and emboldens; messages spread over open ties and move the
    beliefs of the citizens they reach."""
    if model.protest_news is not None:
        model.protest_news.spread(model.world.accounts.open_adjacency())
    if not model.messages:
        return
    adjacency = model.world.accounts.open_adjacency()
    transmissibility = model.spec.information.transmissibility
    citizens, n = len(model.citizens), len(model.countries)
    model.count("messages", len(model.messages))
    for message in model.messages:
        reached = reach(message, adjacency, transmissibility, model.rng)
        if model.influence is None or not model.influence.moves(message, reached, adjacency):
            update_beliefs(model.citizens, message, reached)
        model.count("citizens_reached", int(reached[:citizens].sum()))
        by_country = np.bincount(model.citizens.country[reached[:citizens]], minlength=n)
        for country, hits in zip(model.countries, by_country, strict=True):
            model.count(f"citizens_reached.{country}", int(hits))
    model.messages.clear()
