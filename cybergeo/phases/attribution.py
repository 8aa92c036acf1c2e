"""Phase 5, attribution: victims investigate open incidents, attribute, and respond."""

from cybergeo.view import ModelView


def attribution(model: ModelView) -> None:
    """Each open incident gathers clues and may be attributed in public or closed
    (`cybergeo.dynamics.incidents.IncidentDesk.investigate`); an attribution triggers a
    response (`cybergeo.dynamics.responses.respond`)."""
    model.incidents.investigate()
