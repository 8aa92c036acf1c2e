"""Mass surveillance: states asking platforms to cooperate (the PRISM pattern)."""

from cybergeo.actors.firm import FirmAgent
from cybergeo.scenario.schema import FirmKind
from cybergeo.view import ModelView


def request_cooperation(model: ModelView) -> None:
    """States running mass surveillance ask platforms serving their people to cooperate."""
    for state in [c for c in model.countries if c in model.surveillance_programmes]:
        for firm in model.firms.values():
            if firm.spec.kind == FirmKind.PLATFORM:
                ask(model, state, firm)


def ask(model: ModelView, state: str, firm: FirmAgent) -> None:
    """One request from a state to a platform, answered and logged."""
    complied = firm.answer_request(state)
    jurisdiction = (
        "home"
        if state == firm.spec.home
        else f"host; home {firm.spec.home}"
        + ("; data localised" if firm.answers_as_home(state) else "")
    )
    model.emit(
        "surveillance_request",
        state,
        firm.name,
        detail=f"{'complied' if complied else 'refused'} ({jurisdiction})",
    )
