"""Hacktivist and criminal groups: outrage at what they see, anonymous action, proxies."""

import mesa
import numpy as np

from cybergeo.dynamics.operations import OperationKind
from cybergeo.scenario.schema import Group, Ideology

OUTRAGE_MEMORY = 0.9
"""Share of outrage kept from one step to the next."""
RECRUITMENT_RATE = 0.01
"""Members gained per step per protesting citizen at home."""

REPERTOIRE: dict[Ideology, dict[OperationKind, float]] = {
    Ideology.ANTI_SURVEILLANCE: {
        OperationKind.HACK_AND_LEAK: 0.4,
        OperationKind.DOXXING: 0.3,
        OperationKind.DDOS: 0.2,
        OperationKind.DEFACEMENT: 0.1,
    },
    Ideology.ANTI_CENSORSHIP: {
        OperationKind.DDOS: 0.5,
        OperationKind.DEFACEMENT: 0.3,
        OperationKind.DOXXING: 0.2,
    },
    Ideology.PATRIOTIC: {
        OperationKind.DDOS: 0.5,
        OperationKind.DEFACEMENT: 0.3,
        OperationKind.DOXXING: 0.2,
    },
}
"""What each kind of group does when it strikes, and how often."""


class HacktivistGroup(mesa.Agent):
    """A group with an ideology; outrage at a state builds until the group strikes it."""

    def __init__(self, model: mesa.Model, spec: Group, n_countries: int) -> None:
        super().__init__(model)
        self.spec = spec
        self.size = float(spec.size)
        self.outrage = np.zeros(n_countries)
        self.sponsor = spec.sponsor

    @property
    def name(self) -> str:
        return self.spec.id

    def witness(self, kind: str, country: int, home: int) -> None:
        """React to an event: censorship, a surveillance revelation, an attack on home."""
        ideology = self.spec.ideology
        cares = (
            (kind == "censorship" and ideology == Ideology.ANTI_CENSORSHIP)
            or (kind == "leak" and ideology == Ideology.ANTI_SURVEILLANCE)
            or (kind == "attack_on_home" and ideology == Ideology.PATRIOTIC and country != home)
        )
        if cares:
            self.outrage[country] += 1.0

    def choose_target(self) -> int | None:
        """The state the group strikes this step, if outrage at one passes its threshold."""
        self.outrage *= OUTRAGE_MEMORY
        target = int(np.argmax(self.outrage))
        if self.outrage[target] < self.spec.outrage_threshold:
            return None
        self.outrage[target] = 0.0
        return target

    def choose_operation(self) -> OperationKind:
        """The kind of strike, drawn from the group's ideological repertoire."""
        repertoire = REPERTOIRE[self.spec.ideology]
        kinds = list(repertoire)
        weights = np.array(list(repertoire.values()))
        return kinds[int(self.rng.choice(len(kinds), p=weights / weights.sum()))]

    def recruit(self, protesters: int) -> None:
        self.size += RECRUITMENT_RATE * protesters

    def arrested(self, share: float) -> None:
        """Members lost when the group is publicly identified."""
        self.size = max(1.0, self.size * (1.0 - share))

    @property
    def skill(self) -> float:
        """Skill grows slowly with size: more hands, more tools."""
        return float(min(1.0, self.spec.skill * (1.0 + 0.1 * np.log1p(self.size / self.spec.size))))
