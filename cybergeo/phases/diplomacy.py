"""Phase 6, diplomacy: tension relaxes towards its baseline."""

from cybergeo.view import ModelView


def diplomacy(model: ModelView) -> None:
    """Tension decays towards its baseline at `diplomacy.decay`; shocks happen where their
    causes do (leaks, responses, asylum, agreements); then states calm after a crisis may
    found an institution with their allies."""
    model.relations.decay(model.spec.diplomacy.decay)
    model.crises.aftermath()
