"""Phase 6, diplomacy: tension relaxes towards its baseline, and the governance arena moves."""

from cybergeo.dynamics.governance_phase import govern
from cybergeo.view import ModelView


def diplomacy(model: ModelView) -> None:
    """Tension decays towards its baseline at `diplomacy.decay`; shocks happen where their
    causes do (leaks, responses, asylum, agreements). Then the governance arena takes its
    step (stances, concession, votes, sovereign measures)."""
    model.relations.decay(model.spec.diplomacy.decay)
    govern(model)
