"""The semantic stratum: accounts and the follow ties that carry information over platforms."""

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from cybergeo.scenario.schema import Scenario
from cybergeo.world.adjacency import OpenAdjacency
from cybergeo.world.follow_graph import follow_ties
from cybergeo.world.software import Systems
from cybergeo.world.strata import ACCOUNT_KINDS, AccountKind, SoftwareKind
from cybergeo.world.tie_classes import TieClasses

STATE_REACH = 0.10
"""Share of its own citizens following a state channel; foreign publics follow at a tenth."""
MEDIA_REACH = 0.25
"""Share of its own citizens following a country's media outlet."""


@dataclass
class Accounts:
    """Accounts and ties as arrays; citizens come first (account i is citizen i).

    Every tie runs over a social platform (the follower's). A tie is open when its platform
    is up, not blocked where either end lives (unless that end circumvents), and the two
    countries are connected through the hardware. Ties fall into classes by platform and
    the countries of their ends; `update_open` recomputes only the ties of classes whose
    state changed and of accounts that took up circumvention, and changes the shared
    adjacency (`open_adjacency()`) in place.
    """

    kind: np.ndarray
    country: np.ndarray
    owner: list[str]
    platform: np.ndarray
    circumvents: np.ndarray
    tie_src: np.ndarray
    tie_dst: np.ndarray
    tie_platform: np.ndarray
    open: np.ndarray = field(init=False)
    tie_src_country: np.ndarray = field(init=False)
    tie_dst_country: np.ndarray = field(init=False)
    cross_border: np.ndarray = field(init=False, repr=False)
    """The ties between accounts of different countries."""
    adjacency: OpenAdjacency = field(init=False, repr=False)
    _classes: TieClasses = field(init=False, repr=False)
    _circumvents_seen: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.open = np.ones(len(self.tie_src), dtype=bool)
        self.tie_src_country = self.country[self.tie_src].astype(np.int16)
        self.tie_dst_country = self.country[self.tie_dst].astype(np.int16)
        cross = np.flatnonzero(self.tie_src_country != self.tie_dst_country)
        self.cross_border = cross.astype(np.int32 if len(self.tie_src) < 2**31 else np.int64)
        n_countries = int(self.country.max(initial=0)) + 1
        self._classes = TieClasses.build(
            self.tie_platform, self.tie_src_country, self.tie_dst_country, n_countries
        )
        self.adjacency = OpenAdjacency.build(
            len(self.kind), self.n_citizens, self.tie_src, self.tie_dst, self.tie_dst_country
        )
        self._circumvents_seen = self.circumvents.copy()

    @property
    def n_citizens(self) -> int:
        return int(np.count_nonzero(self.kind == ACCOUNT_KINDS.index(AccountKind.CITIZEN)))

    def account(self, kind: AccountKind, owner: str) -> int:
        """Index of the account of a kind owned by an actor (a state channel, a media outlet)."""
        matches = np.flatnonzero(self.kind == ACCOUNT_KINDS.index(kind))
        for index in matches:
            if self.owner[index] == owner:
                return int(index)
        raise KeyError(f"no {kind} account for {owner!r}")

    def open_adjacency(self) -> sparse.csr_array:
        """Symmetric adjacency of all ties, 1.0 where open and 0.0 where closed; the same
        matrix every call, kept up to date by `update_open`."""
        return self.adjacency.matrix

    def update_open(self, reachable: np.ndarray, blocked: np.ndarray) -> None:
        """Bring the open state of ties up to date. `reachable[system, country]`: the
        platform is up and reachable from the country; `blocked[system, country]`: blocked
        there by censorship."""
        ties = self._classes.changed(reachable, blocked)
        turned = np.flatnonzero(self.circumvents != self._circumvents_seen)
        if len(turned):
            self._circumvents_seen[turned] = self.circumvents[turned]
            theirs = np.unique(self.adjacency.ties_of(turned))
            theirs = theirs[~self._classes.in_changed(theirs)]
            ties = np.concatenate([ties, theirs])
        if len(ties) == 0:
            return
        now_open = self._open_now(ties, reachable, blocked)
        flip = now_open != self.open[ties]
        ties, now_open = ties[flip], now_open[flip]
        self.open[ties] = now_open
        self.adjacency.set_open(ties, now_open, self.tie_src, self.tie_dst, self.tie_dst_country)

    def _open_now(self, ties: np.ndarray, reachable: np.ndarray, blocked: np.ndarray) -> np.ndarray:
        """Whether some ties carry information now: the platform is reachable from both
        ends' countries, and not blocked at an end that does not circumvent."""
        platform = self.tie_platform[ties]
        src_country, dst_country = self.tie_src_country[ties], self.tie_dst_country[ties]
        open_ = reachable[platform, src_country] & reachable[platform, dst_country]
        src_blocked = blocked[platform, src_country] & ~self.circumvents[self.tie_src[ties]]
        dst_blocked = blocked[platform, dst_country] & ~self.circumvents[self.tie_dst[ties]]
        return open_ & ~(src_blocked | dst_blocked)

    def open_share(self) -> float:
        """Share of ties open."""
        return self.adjacency.open_ties / len(self.open) if len(self.open) else 1.0

    def open_share_by_country(self, n_countries: int) -> np.ndarray:
        """Per country, the share of ties open, counted at the follower's end."""
        total, good = np.zeros(n_countries), np.zeros(n_countries)
        total[: len(self.adjacency.ties_by_country)] = self.adjacency.ties_by_country
        good[: len(self.adjacency.open_by_country)] = self.adjacency.open_by_country
        return np.divide(good, total, out=np.ones(n_countries), where=total > 0)


def build_accounts(scenario: Scenario, systems: Systems, rng: np.random.Generator) -> Accounts:
    """Citizens with follow ties (homophily by country, heavy-tailed degrees), plus state
    channels, media, firm, group, embassy and NGO accounts followed by part of the public."""
    spec = scenario.world.semantic
    sizes = np.array([c.citizens for c in scenario.countries])
    citizen_country = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    n_citizens = len(citizen_country)
    platforms = systems.of_kind(SoftwareKind.SOCIAL_PLATFORM)
    shares = systems.users[platforms]
    citizen_platform = _pick_platforms(citizen_country, platforms, shares, rng)
    src, dst = follow_ties(
        citizen_country, spec.mean_degree, spec.homophily, spec.degree_exponent, rng
    )
    index = {c.id: i for i, c in enumerate(scenario.countries)}
    institutions = [(AccountKind.STATE_CHANNEL, c.id, index[c.id]) for c in scenario.countries]
    institutions += [(AccountKind.MEDIA, c.id, index[c.id]) for c in scenario.countries]
    institutions += [(AccountKind.FIRM, f.id, index[f.home]) for f in scenario.firms]
    institutions += [(AccountKind.GROUP, g.id, index[g.home]) for g in scenario.groups]
    voices = _voices(scenario, index)
    institutions += [(kind, owner, home) for kind, owner, home, _ in voices]
    reach_of = {(kind, owner): reach for kind, owner, _, reach in voices}
    institutions += [
        (AccountKind.PUBLISHER, p.id, index[p.home]) for p in scenario.publishing.publishers
    ]
    extra_src, extra_dst = [src], [dst]
    for number, (kind, owner, home) in enumerate(institutions):
        share = reach_of.get((kind, owner), _reach(kind))
        reach = np.where(citizen_country == home, 1.0, 0.1) * share
        followers = np.flatnonzero(rng.random(n_citizens) < reach).astype(np.int32)
        extra_src.append(np.full(len(followers), n_citizens + number, dtype=np.int32))
        extra_dst.append(followers)
    tie_src = np.concatenate(extra_src)
    tie_dst = np.concatenate(extra_dst)
    del src, dst, extra_src, extra_dst
    account_platform = np.concatenate([citizen_platform, np.full(len(institutions), -1)]).astype(
        np.int16
    )
    follower = np.where(account_platform[tie_dst] >= 0, tie_dst, tie_src)
    kinds = [ACCOUNT_KINDS.index(kind) for kind, _, _ in institutions]
    return Accounts(
        kind=np.concatenate(
            [np.full(n_citizens, ACCOUNT_KINDS.index(AccountKind.CITIZEN)), kinds]
        ).astype(np.int8),
        country=np.concatenate([citizen_country, [home for _, _, home in institutions]]).astype(
            np.int32
        ),
        owner=[""] * n_citizens + [owner for _, owner, _ in institutions],
        platform=account_platform,
        circumvents=np.concatenate(
            [rng.random(n_citizens) < spec.circumvention, np.ones(len(institutions), bool)]
        ),
        tie_src=tie_src,
        tie_dst=tie_dst,
        tie_platform=account_platform[follower],
    )


def _voices(scenario: Scenario, index: dict[str, int]) -> list[tuple[AccountKind, str, int, float]]:
    """Embassies (living in their host's public) and NGOs, with the share of that public
    following each."""
    influence = scenario.influence
    embassies = [(AccountKind.EMBASSY, e.id, index[e.host], e.reach) for e in influence.embassies]
    ngos = [(AccountKind.NGO, n.id, index[n.home], n.reach) for n in influence.ngos]
    return embassies + ngos


def _reach(kind: AccountKind) -> float:
    return {AccountKind.STATE_CHANNEL: STATE_REACH, AccountKind.MEDIA: MEDIA_REACH}.get(kind, 0.02)


def _pick_platforms(
    citizen_country: np.ndarray, platforms: np.ndarray, shares: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Each citizen's main platform, drawn from the platforms' user shares in their country."""
    weights = shares[:, citizen_country].T
    cumulative = np.cumsum(weights, axis=1)
    draws = rng.random(len(citizen_country)) * cumulative[:, -1]
    chosen = (cumulative < draws[:, None]).sum(axis=1)
    return platforms[np.minimum(chosen, len(platforms) - 1)]
