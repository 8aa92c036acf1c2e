"""Posts that enter the information phase: media coverage and states' digital diplomacy."""

from cybergeo.dynamics.information import Message, MessageKind
from cybergeo.view import ModelView
from cybergeo.world.strata import AccountKind


def in_the_media(
    model: ModelView,
    kind: MessageKind,
    country: int,
    about: int,
    impact: float,
    audience: int | None = None,
) -> None:
    """A message posted by a country's media account, to spread in the information phase."""
    source = model.world.accounts.account(AccountKind.MEDIA, model.countries[country])
    model.messages.append(Message(kind, source, about, audience, impact))


def post_diplomacy(model: ModelView, state: int) -> None:
    """A state's channel courts foreign publics: a message about itself, to anyone."""
    source = model.world.accounts.account(AccountKind.STATE_CHANNEL, model.countries[state])
    impact = model.spec.information.diplomacy_impact
    model.messages.append(Message(MessageKind.DIPLOMACY, source, state, None, impact))
    model.count("diplomacy_posts")
