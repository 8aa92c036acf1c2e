"""The layered cyberspace: the three strata, their ties, and what works after a cascade."""

from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from cybergeo.scenario.schema import Scenario
from cybergeo.world.cascade import hosting_holds, propagate_compromise, propagate_down
from cybergeo.world.hardware import Infrastructure, build_infrastructure
from cybergeo.world.routing import Routes, route
from cybergeo.world.semantic import Accounts, build_accounts
from cybergeo.world.software import Systems, build_systems
from cybergeo.world.strata import (
    ACCOUNT_KINDS,
    HARDWARE_KINDS,
    SOFTWARE_KINDS,
    AccountKind,
    Stratum,
)

ROUTES_REMEMBERED = 64
"""States of the hardware whose routes a world keeps."""


@dataclass
class World:
    """Hardware, software and semantic strata as arrays, with the links between them.

    `blocked[system, country]` marks a platform blocked in a jurisdiction by censorship.
    `refresh()` recomputes, from the direct damage, what is up, compromised and open.
    The properties `hardware`, `software` and `semantic` give each stratum as a networkx
    graph for inspection and export.
    """

    countries: list[str]
    infrastructure: Infrastructure
    systems: Systems
    accounts: Accounts
    blocked: np.ndarray = field(init=False)
    routes: Routes = field(init=False)
    _routes_by_hardware: dict[bytes, Routes] = field(default_factory=dict, init=False, repr=False)
    """Routes over each state of the hardware met lately: an outage ends where it began."""
    _damage: np.ndarray | None = field(default=None, init=False, repr=False)
    """The direct damage the cascade was last run from."""
    _reachable: np.ndarray = field(init=False, repr=False)
    """Whether each platform works and is reachable from each country, after the cascade."""
    _up_shares: dict[Stratum, tuple[float, np.ndarray]] = field(init=False, repr=False)
    """Share of hardware and of software up after the cascade, overall and per country."""

    def __post_init__(self) -> None:
        self.blocked = np.zeros((len(self.systems), len(self.countries)), dtype=bool)
        self.refresh()

    def refresh(self) -> None:
        """Run the cascade to its fixed point: hardware -> routes -> software -> ties. The
        cascade is a function of the direct damage, so it is run again only when that
        changed; ties are brought up to date in any case (blocking and circumvention)."""
        hw, sw = self.infrastructure, self.systems
        hw.up = ~hw.damaged
        damage = np.concatenate([hw.damaged, sw.disrupted, sw.breached])
        if self._damage is None or not np.array_equal(self._damage, damage):
            self.routes = self._routes_over(hw)
            sw.up = propagate_down(hosting_holds(hw, sw) & ~sw.disrupted, sw.depends_on)
            sw.compromised = propagate_compromise(sw.breached, sw.depends_on)
            self._reachable = sw.up[:, None] & self.routes.connected[sw.country]
            self._damage = damage
            n = len(self.countries)
            self._up_shares = {
                Stratum.HARDWARE: (float(hw.up.mean()), _share(hw.up, hw.country, n)),
                Stratum.SOFTWARE: (float(sw.up.mean()), _share(sw.up, sw.country, n)),
            }
        self.accounts.update_open(self._reachable, self.blocked)

    def _routes_over(self, hw: Infrastructure) -> Routes:
        """The routes over the hardware up now, computed once per state of the hardware
        among the last `ROUTES_REMEMBERED`."""
        seen = self._routes_by_hardware
        key = hw.up.tobytes()
        if key not in seen:
            if len(seen) == ROUTES_REMEMBERED:
                del seen[next(iter(seen))]
            seen[key] = route(hw)
        return seen[key]

    def availability(self) -> dict[Stratum, float]:
        """Share of each stratum that works: nodes up, systems up, ties open."""
        return {
            Stratum.HARDWARE: self._up_shares[Stratum.HARDWARE][0],
            Stratum.SOFTWARE: self._up_shares[Stratum.SOFTWARE][0],
            Stratum.SEMANTIC: self.accounts.open_share(),
        }

    def availability_by_country(self) -> dict[Stratum, np.ndarray]:
        """The same shares per country (ties counted at the follower's end)."""
        return {
            Stratum.HARDWARE: self._up_shares[Stratum.HARDWARE][1].copy(),
            Stratum.SOFTWARE: self._up_shares[Stratum.SOFTWARE][1].copy(),
            Stratum.SEMANTIC: self.accounts.open_share_by_country(len(self.countries)),
        }

    @property
    def hardware(self) -> nx.Graph:
        """The hardware stratum: nodes with kind, country, owner, capacity and state."""
        hw = self.infrastructure
        graph: nx.Graph = nx.Graph(stratum=Stratum.HARDWARE.value)
        for i in range(len(hw)):
            graph.add_node(
                f"hw:{hw.name[i]}",
                stratum=Stratum.HARDWARE.value,
                kind=HARDWARE_KINDS[hw.kind[i]].value,
                country=self.countries[hw.country[i]],
                owner=hw.owner[i],
                capacity=float(hw.capacity[i]),
                up=bool(hw.up[i]),
            )
        for a, b, cable in zip(hw.link_src, hw.link_dst, hw.is_cable, strict=True):
            graph.add_edge(f"hw:{hw.name[a]}", f"hw:{hw.name[b]}", tie="cable" if cable else "link")
        return graph

    @property
    def software(self) -> nx.DiGraph:
        """The software stratum: systems and `depends_on` edges (supplier <- dependant)."""
        sw = self.systems
        graph: nx.DiGraph = nx.DiGraph(stratum=Stratum.SOFTWARE.value)
        for i, name in enumerate(sw.name):
            graph.add_node(
                f"sw:{name}",
                stratum=Stratum.SOFTWARE.value,
                kind=SOFTWARE_KINDS[sw.kind[i]].value,
                owner=sw.owner[i],
                country=self.countries[sw.country[i]],
                redundant=bool(sw.redundant[i]),
                up=bool(sw.up[i]),
                compromised=bool(sw.compromised[i]),
            )
        for i, needs in enumerate(sw.depends_on):
            for j in needs:
                graph.add_edge(f"sw:{sw.name[i]}", f"sw:{sw.name[j]}", tie="depends_on")
        return graph

    @property
    def semantic(self) -> nx.Graph:
        """The semantic stratum: accounts and follow ties, with each tie's platform and state."""
        ac, sw = self.accounts, self.systems
        graph: nx.Graph = nx.Graph(stratum=Stratum.SEMANTIC.value)
        kinds = [ACCOUNT_KINDS[k].value for k in ac.kind]
        graph.add_nodes_from(
            (
                f"acc:{i}",
                {
                    "stratum": Stratum.SEMANTIC.value,
                    "kind": kinds[i],
                    "country": self.countries[ac.country[i]],
                    "owner": ac.owner[i],
                },
            )
            for i in range(len(kinds))
        )
        graph.add_edges_from(
            (f"acc:{a}", f"acc:{b}", {"platform": sw.name[p], "open": bool(o)})
            for a, b, p, o in zip(ac.tie_src, ac.tie_dst, ac.tie_platform, ac.open, strict=True)
        )
        return graph

    def layers(self, citizens: int = 0) -> nx.Graph:
        """All three strata in one graph with the ties between them: `hosted_on` (system ->
        hardware) and `uses` (account -> platform). Only about `citizens` citizen accounts
        are kept, the first of each country, so the picture stays legible."""
        graph = nx.compose(self.hardware, self.software.to_undirected())
        ac = self.accounts
        is_citizen = ac.kind == ACCOUNT_KINDS.index(AccountKind.CITIZEN)
        per_country = citizens // max(len(self.countries), 1)
        rank = np.zeros(len(ac.kind), dtype=np.int64)
        for c in range(len(self.countries)):
            members = np.flatnonzero(is_citizen & (ac.country == c))
            rank[members] = np.arange(len(members))
        chosen = np.flatnonzero(~is_citizen | (rank < per_country))
        keep = [f"acc:{i}" for i in chosen]
        graph = nx.compose(graph, self.semantic.subgraph(keep))
        sw = self.systems
        for i, hosts in enumerate(sw.hosts):
            for h in hosts:
                graph.add_edge(
                    f"sw:{sw.name[i]}", f"hw:{self.infrastructure.name[h]}", tie="hosted_on"
                )
        for index in chosen:
            platform = ac.platform[index]
            if platform >= 0:
                graph.add_edge(f"acc:{index}", f"sw:{sw.name[platform]}", tie="uses")
        return graph


def _share(values: np.ndarray, country: np.ndarray, n: int) -> np.ndarray:
    total = np.bincount(country, minlength=n)
    good = np.bincount(country, weights=values.astype(float), minlength=n)
    return np.divide(good, total, out=np.ones(n), where=total > 0)


def build_world(scenario: Scenario, rng: np.random.Generator) -> World:
    """Generate the three strata of a scenario from the run's generator."""
    infrastructure = build_infrastructure(scenario, rng)
    systems = build_systems(scenario, infrastructure)
    accounts = build_accounts(scenario, systems, rng)
    return World(scenario.country_ids(), infrastructure, systems, accounts)
