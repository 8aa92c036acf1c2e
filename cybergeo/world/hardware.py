"""The hardware stratum: infrastructure nodes in jurisdictions, domestic links and cables."""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.scenario.schema import FirmKind, HardwareSpec, Scenario
from cybergeo.world.strata import HARDWARE_KINDS, HardwareKind


@dataclass
class Infrastructure:
    """Infrastructure as arrays: one entry per node, one per link.

    `up` is the state after the last cascade; `failed_until` holds the step until which a
    node stays down after an attack or an outage (repairs may bring it back sooner).
    """

    name: list[str]
    kind: np.ndarray
    country: np.ndarray
    owner: list[str]
    capacity: np.ndarray
    link_src: np.ndarray
    link_dst: np.ndarray
    is_cable: np.ndarray
    damaged: np.ndarray = field(init=False)
    up: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.damaged = np.zeros(len(self.kind), dtype=bool)
        self.up = np.ones(len(self.kind), dtype=bool)

    def __len__(self) -> int:
        return len(self.kind)

    def nodes_of(self, country: int, kind: HardwareKind | None = None) -> np.ndarray:
        """Indices of a country's nodes, optionally of one kind."""
        mask = self.country == country
        if kind is not None:
            mask &= self.kind == HARDWARE_KINDS.index(kind)
        return np.flatnonzero(mask)


def build_infrastructure(scenario: Scenario, rng: np.random.Generator) -> Infrastructure:
    """Generate each country's infrastructure and the cables that join countries.

    Domestic topology: backbone routers in a ring, each tied to the IXPs; data centres,
    landing stations and control nodes hang off random routers. Cables: a random spanning
    tree over countries (so the world starts connected), then more cables until every
    country has `cables_per_country` of them. Named nodes and cables of the scenario are
    added to these (or replace the generated cables when `generate_cables` is false).
    """
    spec = scenario.world.hardware
    index = {c.id: i for i, c in enumerate(scenario.countries)}
    names: list[str] = []
    kinds: list[int] = []
    countries: list[int] = []
    owners: list[str] = []
    links: list[tuple[int, int]] = []
    landing: list[list[int]] = []
    routers_of: list[list[int]] = []
    for c, country in enumerate(scenario.countries):
        operators = _operators(scenario, country.id)
        nodes = {}
        for kind, count in _counts(spec).items():
            start = len(kinds)
            nodes[kind] = list(range(start, start + count))
            names += [f"{country.id}-{kind.value}-{i}" for i in range(count)]
            kinds += [HARDWARE_KINDS.index(kind)] * count
            countries += [c] * count
            owners += [operators.get(kind, country.id)] * count
        routers = nodes[HardwareKind.BACKBONE_ROUTER]
        links += [(a, b) for a, b in zip(routers, routers[1:] + routers[:1], strict=True) if a != b]
        links += [(r, x) for r in routers for x in nodes[HardwareKind.IXP]]
        for kind in (
            HardwareKind.DATA_CENTRE,
            HardwareKind.LANDING_STATION,
            HardwareKind.CONTROL_NODE,
        ):
            links += [(n, routers[int(rng.integers(len(routers)))]) for n in nodes[kind]]
        landing.append(nodes[HardwareKind.LANDING_STATION])
        routers_of.append(routers)
    for node in spec.nodes:
        c = index[node.country]
        names.append(node.id)
        kinds.append(HARDWARE_KINDS.index(HardwareKind(node.kind)))
        countries.append(c)
        owners.append(node.owner or node.country)
        links.append((len(names) - 1, int(rng.choice(routers_of[c]))))
        if node.kind == HardwareKind.LANDING_STATION:
            landing[c].append(len(names) - 1)
    generated = (
        _cables(len(scenario.countries), spec.cables_per_country, rng)
        if spec.generate_cables
        else []
    )
    for a, b in generated:
        links.append((int(rng.choice(landing[a])), int(rng.choice(landing[b]))))
    for cable in spec.cables:
        ends = [
            int(rng.choice(landing[index[end]])) if end in index else names.index(end)
            for end in cable.ends
        ]
        links.append((ends[0], ends[1]))
    src, dst = np.array(links, dtype=np.int64).reshape(-1, 2).T
    kind_array = np.array(kinds, dtype=np.int8)
    capacity = np.where(kind_array == HARDWARE_KINDS.index(HardwareKind.IXP), 10.0, 1.0)
    capacity = capacity * rng.uniform(0.5, 1.5, len(kinds))
    for offset, node in enumerate(spec.nodes):
        capacity[len(kinds) - len(spec.nodes) + offset] = node.capacity
    country_array = np.array(countries, dtype=np.int64)
    return Infrastructure(
        name=names,
        kind=kind_array,
        country=country_array,
        owner=owners,
        capacity=capacity,
        link_src=src,
        link_dst=dst,
        is_cable=country_array[src] != country_array[dst],
    )


def _counts(spec: HardwareSpec) -> dict[HardwareKind, int]:
    return {
        HardwareKind.IXP: spec.ixps,
        HardwareKind.BACKBONE_ROUTER: spec.backbone_routers,
        HardwareKind.DATA_CENTRE: spec.data_centres,
        HardwareKind.LANDING_STATION: spec.landing_stations,
        HardwareKind.CONTROL_NODE: spec.control_nodes,
    }


def _operators(scenario: Scenario, country: str) -> dict[HardwareKind, str]:
    """Who owns each kind of node: home firms where there are some, else the state."""
    isp = next((f.id for f in scenario.firms if f.home == country and f.kind == FirmKind.ISP), None)
    host = next(
        (f.id for f in scenario.firms if f.home == country and f.kind == FirmKind.PLATFORM), None
    )
    owners: dict[HardwareKind, str] = {}
    if isp:
        owners |= {k: isp for k in (HardwareKind.IXP, HardwareKind.BACKBONE_ROUTER)}
        owners[HardwareKind.LANDING_STATION] = isp
    if host:
        owners[HardwareKind.DATA_CENTRE] = host
    return owners


def _cables(n_countries: int, per_country: int, rng: np.random.Generator) -> list[tuple[int, int]]:
    order = rng.permutation(n_countries)
    cables = [(int(order[i]), int(order[rng.integers(i)])) for i in range(1, n_countries)]
    degree = np.zeros(n_countries, dtype=int)
    for a, b in cables:
        degree[[a, b]] += 1
    target = min(per_country, n_countries - 1)
    for country in rng.permutation(n_countries):
        while degree[country] < target:
            others = np.flatnonzero(np.arange(n_countries) != country)
            other = int(rng.choice(others, p=_prefer_few(degree[others])))
            cables.append((int(country), other))
            degree[[country, other]] += 1
    return cables


def _prefer_few(degrees: np.ndarray) -> np.ndarray:
    weights = 1.0 / (1.0 + degrees)
    return weights / weights.sum()
