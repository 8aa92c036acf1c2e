"""Hacktivist and criminal groups: outrage at what they see, anonymous action, proxies."""

from typing import TYPE_CHECKING

import mesa
import numpy as np

from cybergeo.scenario.schema import Group, Ideology

if TYPE_CHECKING:
    from cybergeo.model import CyberspaceModel

OUTRAGE_MEMORY = 0.9
"""Share of outrage kept from one step to the next."""
RECRUITMENT_RATE = 0.01
"""Members gained per step per protesting citizen at home."""


class HacktivistGroup(mesa.Agent):
    """A group with an ideology; outrage at a state builds until the group strikes it."""

    model: "CyberspaceModel"

    def __init__(self, model: "CyberspaceModel", spec: Group, n_countries: int) -> None:
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

    def recruit(self, protesters: int) -> None:
        self.size += RECRUITMENT_RATE * protesters

    def arrested(self, share: float) -> None:
        """Members lost when the group is publicly identified."""
        self.size = max(1.0, self.size * (1.0 - share))

    @property
    def skill(self) -> float:
        """Skill grows slowly with size: more hands, more tools."""
        return float(min(1.0, self.spec.skill * (1.0 + 0.1 * np.log1p(self.size / self.spec.size))))
