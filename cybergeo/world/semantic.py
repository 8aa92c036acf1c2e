"""The semantic stratum: accounts and the follow ties that carry information over platforms."""

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from cybergeo.scenario.schema import Scenario
from cybergeo.world.follow_graph import follow_ties
from cybergeo.world.software import Systems
from cybergeo.world.strata import ACCOUNT_KINDS, AccountKind, SoftwareKind

STATE_REACH = 0.10
"""Share of its own citizens following a state channel; foreign publics follow at a tenth."""
MEDIA_REACH = 0.25
"""Share of its own citizens following a country's media outlet."""


@dataclass
class Accounts:
    """Accounts and ties as arrays; citizens come first (account i is citizen i).

    Every tie runs over a social platform (the follower's). A tie is open when its platform
    is up, not blocked where either end lives (unless that end circumvents), and the two
    countries are connected through the hardware.
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

    def __post_init__(self) -> None:
        self.open = np.ones(len(self.tie_src), dtype=bool)
        self.tie_src_country = self.country[self.tie_src].astype(np.int16)
        self.tie_dst_country = self.country[self.tie_dst].astype(np.int16)

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
        """Symmetric adjacency of open ties, for spreading information."""
        src, dst = self.tie_src[self.open], self.tie_dst[self.open]
        n = len(self.kind)
        data = np.ones(2 * len(src), dtype=np.int8)
        return sparse.csr_array(
            (data, (np.concatenate([src, dst]), np.concatenate([dst, src]))), shape=(n, n)
        )


def build_accounts(scenario: Scenario, systems: Systems, rng: np.random.Generator) -> Accounts:
    """Citizens with follow ties (homophily by country, heavy-tailed degrees), plus state
    channels, media, firm and group accounts followed by part of the public."""
    spec = scenario.world.semantic
    sizes = np.array([c.citizens for c in scenario.countries])
    citizen_country = np.repeat(np.arange(len(sizes)), sizes)
    platforms = systems.of_kind(SoftwareKind.SOCIAL_PLATFORM)
    shares = systems.users[platforms]
    citizen_platform = _pick_platforms(citizen_country, platforms, shares, rng)
    src, dst = follow_ties(
        citizen_country, spec.mean_degree, spec.homophily, spec.degree_exponent, rng
    )
    kinds = [AccountKind.CITIZEN] * len(citizen_country)
    countries: list[int] = citizen_country.tolist()
    owners = [""] * len(citizen_country)
    index = {c.id: i for i, c in enumerate(scenario.countries)}
    institutions = [(AccountKind.STATE_CHANNEL, c.id, index[c.id]) for c in scenario.countries]
    institutions += [(AccountKind.MEDIA, c.id, index[c.id]) for c in scenario.countries]
    institutions += [(AccountKind.FIRM, f.id, index[f.home]) for f in scenario.firms]
    institutions += [(AccountKind.GROUP, g.id, index[g.home]) for g in scenario.groups]
    institutions += [
        (AccountKind.PUBLISHER, p.id, index[p.home]) for p in scenario.publishing.publishers
    ]
    extra_src, extra_dst = [src], [dst]
    for kind, owner, home in institutions:
        account = len(kinds)
        kinds.append(kind)
        countries.append(home)
        owners.append(owner)
        reach = np.where(citizen_country == home, 1.0, 0.1) * _reach(kind)
        followers = np.flatnonzero(rng.random(len(citizen_country)) < reach)
        extra_src.append(np.full(len(followers), account, dtype=src.dtype))
        extra_dst.append(followers.astype(src.dtype))
    tie_src = np.concatenate(extra_src)
    tie_dst = np.concatenate(extra_dst)
    n_accounts = len(kinds)
    account_platform = np.concatenate(
        [citizen_platform, np.full(n_accounts - len(citizen_country), -1, dtype=np.int64)]
    )
    follower = np.where(account_platform[tie_dst] >= 0, tie_dst, tie_src)
    return Accounts(
        kind=np.array([ACCOUNT_KINDS.index(k) for k in kinds], dtype=np.int8),
        country=np.array(countries, dtype=np.int64),
        owner=owners,
        platform=account_platform,
        circumvents=np.concatenate(
            [
                rng.random(len(citizen_country)) < spec.circumvention,
                np.ones(len(institutions), bool),
            ]
        ),
        tie_src=tie_src,
        tie_dst=tie_dst,
        tie_platform=account_platform[follower],
    )


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
