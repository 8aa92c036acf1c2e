"""Mobilisation travels: protest is news online and abroad, and news of protest emboldens.

Protesters post protest news from their own accounts; foreign media cover a country whose
streets are newsworthy; news of a regime's fall goes out everywhere. Citizens reached are
emboldened: they discount the risk of arrest they perceive (Epstein's net risk), the more
so when the news comes from their own country or one speaking their language (Weyland's
availability heuristic, Lohmann's informational cascades). The rules, with their reasons,
are in docs/ODD.md (7.43-7.44).
"""

from typing import TYPE_CHECKING

import numpy as np

from cybergeo.actors.citizens import Activity
from cybergeo.dynamics.information import reached_from
from cybergeo.view import ModelView
from cybergeo.world.strata import AccountKind

if TYPE_CHECKING:
    from scipy import sparse


def language_weights(
    language: np.ndarray, citizen_country: np.ndarray, about: int, foreign_weight: float
) -> np.ndarray:
    """Per citizen, the weight of news about country `about`: 1 where the citizen's country
    speaks its language (its own included), `foreign_weight` elsewhere.

    Examples
    --------
    >>> language_weights(np.array([0, 0, 1]), np.array([0, 1, 2]), 0, 0.2).tolist()
    [1.0, 1.0, 0.2]
    """
    same = language[citizen_country] == language[about]
    return np.where(same, 1.0, foreign_weight)


def embolden(
    emboldened: np.ndarray, reached: np.ndarray, weight: np.ndarray, impact: float
) -> None:
    """Citizens reached move `impact·weight` of the way towards fully emboldened (in place).

    Examples
    --------
    >>> e = np.array([0.0, 0.5])
    >>> embolden(e, np.array([True, True]), np.ones(2), 0.5)
    >>> e.tolist()
    [0.5, 0.75]
    """
    emboldened[reached] += impact * weight[reached] * (1.0 - emboldened[reached])


class ProtestNews:
    """Protest news in one run: posts, coverage abroad, news of falls, and emboldening."""

    def __init__(self, model: ModelView) -> None:
        self.model = model
        self.spec = model.spec.uprisings
        names = [self.spec.languages.get(c, c) for c in model.countries]
        self.language = np.array([names.index(name) for name in names])
        self.posts = np.zeros(len(model.countries), dtype=np.int64)
        self.falls: list[int] = []

    def regime_fell(self, country: int) -> None:
        """Queue the news of a fall for every other country's media."""
        self.falls.append(country)

    def spread(self, adjacency: "sparse.csr_array") -> None:
        """One step of protest news (phase 4): emboldening fades, protesters post, foreign
        media cover newsworthy streets and falls, and everyone reached is emboldened, the
        more so as the streets are full (news of a protest below `newsworthy` counts for
        its share of it)."""
        model, citizens, spec, rng = self.model, self.model.citizens, self.spec, self.model.rng
        n = len(model.countries)
        citizens.emboldened *= spec.memory
        self.posts[:] = 0
        protesting = citizens.activity == Activity.PROTESTING
        share = citizens.share(protesting, n)
        for country in range(n):
            seeds = []
            if spec.voice_rate:
                draws = rng.random(len(citizens)) < spec.voice_rate
                posters = np.flatnonzero(protesting & (citizens.country == country) & draws)
                self.posts[country] = len(posters)
                seeds.append(posters)
            if spec.coverage and share[country] >= spec.newsworthy:
                outlets = [o for o in range(n) if o != country and rng.random() < spec.coverage]
                seeds.append(np.array([self._outlet(o, country) for o in outlets], dtype=int))
            if seeds and sum(map(len, seeds)):
                full = share[country] >= spec.newsworthy
                impact = spec.news_impact * (1.0 if full else share[country] / spec.newsworthy)
                self._carry(np.concatenate(seeds), country, impact, adjacency)
        for country in self.falls:
            outlets = [self._outlet(o, country) for o in range(n) if o != country]
            self._carry(np.array(outlets, dtype=int), country, spec.fall_impact, adjacency)
        self.falls = []

    def _outlet(self, outlet: int, country: int) -> int:
        """The media account of `outlet`, which covers `country`'s protest (logged)."""
        model = self.model
        model.emit("protest_news", model.countries[outlet], model.countries[country])
        return model.world.accounts.account(AccountKind.MEDIA, model.countries[outlet])

    def _carry(
        self, seeds: np.ndarray, about: int, impact: float, adjacency: "sparse.csr_array"
    ) -> None:
        """Spread news about a country's protest from `seeds` and embolden those reached."""
        model, citizens = self.model, self.model.citizens
        transmissibility = model.spec.information.transmissibility
        reached = reached_from(seeds, adjacency, transmissibility, model.rng)[: len(citizens)]
        weight = language_weights(
            self.language, citizens.country, about, self.spec.foreign_language_weight
        )
        embolden(citizens.emboldened, reached, weight, impact)
        model.count("protest_news_reached", int(reached.sum()))

    def metrics(self) -> dict[str, float]:
        """Protest posts and mean emboldening per country."""
        model, citizens = self.model, self.model.citizens
        bold = citizens.mean_by_country(citizens.emboldened, len(model.countries))
        values: dict[str, float] = {
            "protest_news_reached": float(model.counted("protest_news_reached"))
        }
        for i, country in enumerate(model.countries):
            values[f"protest_posts.{country}"] = float(self.posts[i])
            values[f"emboldened.{country}"] = float(bold[i])
        return values
