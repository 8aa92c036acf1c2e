"""Messages on the semantic stratum: who they reach, and how they move citizens' beliefs."""

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from scipy import sparse

from cybergeo.actors.citizens import CitizenPopulation
from cybergeo.dynamics.spread import independent_cascade


class MessageKind(StrEnum):
    LEAK = "leak"
    DISINFORMATION = "disinformation"
    DIPLOMACY = "diplomacy"
    NEWS = "news"
    PROPAGANDA = "propaganda"
    ADVOCACY = "advocacy"


@dataclass(frozen=True)
class Message:
    """Something posted by an account: a leak about a state, a foreign state's disinformation
    aimed at a public, digital diplomacy, or news of an incident blamed on a state."""

    kind: MessageKind
    source: int
    about: int
    audience: int | None
    impact: float


def reach(
    message: Message, adjacency: sparse.csr_array, transmissibility: float, rng: np.random.Generator
) -> np.ndarray:
    """Accounts the message reaches from its source (see `reached_from`)."""
    return reached_from(np.array([message.source]), adjacency, transmissibility, rng)


def reached_from(
    seeds: np.ndarray,
    adjacency: sparse.csr_array,
    transmissibility: float,
    rng: np.random.Generator,
) -> np.ndarray:
    """Accounts reached from `seeds`, spreading as an independent cascade over the ties
    open in `adjacency` (its data: 1 open, 0 closed)."""
    return independent_cascade(
        adjacency.indptr, adjacency.indices, transmissibility, seeds, rng, adjacency.data
    )


def update_beliefs(citizens: CitizenPopulation, message: Message, reached: np.ndarray) -> None:
    """Shift the beliefs of the citizens reached, each toward the message's side.

    - a leak about state S: S's citizens lose trust in their government as far as they
      cared about privacy before it (opinion moves on the programme more than on the
      regime: Pew 2013-2015); everyone reached loses some trust in platforms and grows aware
      of surveillance; foreign citizens think less of S;
    - disinformation from S aimed at public P: P's citizens lose trust in their government,
      the more the less they trusted it (it moves the predisposed: Bail et al. 2020, Eady et
      al. 2023);
    - digital diplomacy from S: foreign citizens think better of S;
    - news of an incident blamed on S: other countries' citizens think less of S.
    """
    hit = np.flatnonzero(reached[: len(citizens)])
    home = citizens.country[hit]
    own, foreign = hit[home == message.about], hit[home != message.about]
    step = np.float32(message.impact)
    if message.kind == MessageKind.LEAK:
        citizens.trust_government[own] *= 1 - step * citizens.privacy_awareness[own]
        citizens.trust_platforms[hit] *= 1 - step / 2
        aware = citizens.privacy_awareness[hit]
        citizens.privacy_awareness[hit] = aware + step * (1 - aware)
        citizens.attitude[foreign, message.about] *= 1 - step
    elif message.kind == MessageKind.DISINFORMATION:
        targeted = hit[home == message.audience]
        trust = citizens.trust_government[targeted]
        citizens.trust_government[targeted] = trust * (1 - step * (1 - trust))
    elif message.kind == MessageKind.DIPLOMACY:
        attitude = citizens.attitude[foreign, message.about]
        citizens.attitude[foreign, message.about] = attitude + step * (1 - attitude)
    elif message.kind == MessageKind.NEWS:
        citizens.attitude[foreign, message.about] *= 1 - step
