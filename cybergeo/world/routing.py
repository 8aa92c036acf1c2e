"""Routes between countries over working hardware: who carries whose traffic."""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from cybergeo.world.hardware import Infrastructure
from cybergeo.world.strata import HARDWARE_KINDS, HardwareKind


@dataclass(frozen=True)
class Routes:
    """Country-level paths: `path[a][b]` lists the countries crossed from a to b, ends
    included, or is None when the hardware no longer joins them."""

    path: list[list[list[int] | None]]

    @property
    def connected(self) -> np.ndarray:
        return np.array([[p is not None for p in row] for row in self.path], dtype=bool)

    def transit(self, country: int) -> list[tuple[int, int]]:
        """Pairs of other countries whose traffic crosses `country` (transit interception)."""
        return list(self._transit[country])

    @cached_property
    def _transit(self) -> list[list[tuple[int, int]]]:
        """`transit` of every country, worked out once: several phases ask it each step."""
        return [
            [
                (a, b)
                for a, row in enumerate(self.path)
                for b, p in enumerate(row)
                if p is not None and country in p[1:-1]
            ]
            for country in range(len(self.path))
        ]


def route(infrastructure: Infrastructure) -> Routes:
    """Shortest paths (fewest hops) between countries over the nodes that are up.

    Each country is entered at its first working IXP (or any working node) so paths follow
    the real topology: through cables and transit countries' backbones.
    """
    hw = infrastructure
    n_countries = int(hw.country.max()) + 1
    keep = hw.up[hw.link_src] & hw.up[hw.link_dst]
    src, dst = hw.link_src[keep], hw.link_dst[keep]
    graph = sparse.csr_array((np.ones(len(src)), (src, dst)), shape=(len(hw), len(hw)))
    entries = [_entry(hw, c) for c in range(n_countries)]
    sources = [e for e in entries if e is not None]
    predecessors = (
        csgraph.shortest_path(
            graph, directed=False, unweighted=True, indices=sources, return_predecessors=True
        )[1]
        if sources
        else np.empty((0, len(hw)), dtype=np.int32)
    )
    row_of = {entry: i for i, entry in enumerate(sources)}
    paths: list[list[list[int] | None]] = []
    for a in range(n_countries):
        row: list[list[int] | None] = []
        for b in range(n_countries):
            start, end = entries[a], entries[b]
            if start is None or end is None:
                row.append(None)
            else:
                row.append(_countries_on(predecessors[row_of[start]], start, end, hw.country))
        paths.append(row)
    return Routes(paths)


def _entry(hw: Infrastructure, country: int) -> int | None:
    working = (hw.country == country) & hw.up
    ixps = np.flatnonzero(working & (hw.kind == HARDWARE_KINDS.index(HardwareKind.IXP)))
    candidates = ixps if len(ixps) else np.flatnonzero(working)
    return int(candidates[0]) if len(candidates) else None


def _countries_on(
    predecessor: np.ndarray, start: int, end: int, country: np.ndarray
) -> list[int] | None:
    if start == end:
        return [int(country[start])]
    nodes = [end]
    while nodes[-1] != start:
        previous = int(predecessor[nodes[-1]])
        if previous < 0:
            return None
        nodes.append(previous)
    crossed: list[int] = []
    for node in reversed(nodes):
        if not crossed or crossed[-1] != country[node]:
            crossed.append(int(country[node]))
    return crossed
