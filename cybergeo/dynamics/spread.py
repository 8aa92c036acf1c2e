"""Information spreading as an independent cascade (SIR with one chance per tie).

Each newly reached account passes the message once to each neighbour, succeeding with the
transmissibility T. The final reach is the bond-percolation cluster of the seeds
(Newman 2002, Phys. Rev. E 66:016128): on a random graph there is no large outbreak below
T_c = <k> / (<k²> − <k>).
"""

from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np


def independent_cascade(
    indptr: np.ndarray,
    indices: np.ndarray,
    transmissibility: float,
    seeds: np.ndarray,
    rng: np.random.Generator,
    open_: np.ndarray | None = None,
) -> np.ndarray:
    """Accounts reached from `seeds` over a CSR adjacency, frontier by frontier.

    `open_` (one value per entry, as the CSR's data) marks ties that carry the message:
    a tie whose value is 0 is tried like any other and never passes. Returns a boolean
    array over all nodes. The trials of a frontier's ties are Bernoulli(T) in a row, so
    only the successes are drawn, as geometric gaps between them: the cost follows the
    T·(ties tried) that pass, not every tie tried.
    """
    if not 0.0 <= transmissibility <= 1.0:
        raise ValueError(f"transmissibility must be in [0, 1], got {transmissibility}")
    n = len(indptr) - 1
    reached = np.zeros(n, dtype=bool)
    frontier = np.unique(np.asarray(seeds, dtype=np.int64))
    reached[frontier] = True
    while len(frontier) and transmissibility > 0:
        starts = indptr[frontier].astype(np.int64)
        counts = indptr[frontier + 1] - starts
        total = int(counts.sum())
        if total == 0:
            break
        trials = _successes(total, transmissibility, rng)
        ends = np.cumsum(counts)
        owner = np.searchsorted(ends, trials, side="right")
        entries = starts[owner] + trials - (ends[owner] - counts[owner])
        if open_ is not None:
            entries = entries[open_[entries] > 0]
        passed = indices[entries]
        frontier = _distinct(passed[~reached[passed]], n)
        reached[frontier] = True
    return reached


def _distinct(accounts: np.ndarray, n: int) -> np.ndarray:
    """The distinct values among account numbers below n, sorted: by a sort when they are
    few, by marking an array of n otherwise (no sort of millions)."""
    if len(accounts) < n // 32:
        return np.unique(accounts)
    marked = np.zeros(n, dtype=bool)
    marked[accounts] = True
    return np.flatnonzero(marked)


def _successes(trials: int, probability: float, rng: np.random.Generator) -> np.ndarray:
    """Positions of the successes among `trials` Bernoulli(probability) trials in a row."""
    if probability >= 1.0:
        return np.arange(trials)
    expected = trials * probability
    gaps = rng.geometric(probability, size=int(expected + 5 * np.sqrt(expected) + 10))
    positions = np.cumsum(gaps) - 1
    while positions[-1] < trials:
        more = rng.geometric(probability, size=len(positions) // 4 + 10)
        positions = np.concatenate([positions, positions[-1] + np.cumsum(more)])
    return positions[: np.searchsorted(positions, trials)]


def spread_final_size(
    graph: nx.Graph, transmissibility: float, initial: Iterable[Any], rng: np.random.Generator
) -> float:
    """Fraction of all nodes ever reached by a spread started from the nodes in `initial`.

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> spread_final_size(nx.path_graph(10), 1.0, [0], np.random.default_rng(0))
    1.0
    >>> spread_final_size(nx.path_graph(10), 0.0, [0, 9], np.random.default_rng(0))
    0.2
    """
    nodes = list(graph.nodes)
    if not nodes:
        raise ValueError("graph has no nodes")
    position = {node: i for i, node in enumerate(nodes)}
    missing = [node for node in initial if node not in position]
    if missing:
        raise ValueError(f"initial nodes not in graph: {missing[:5]}")
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=nodes, format="csr")
    seeds = np.array([position[node] for node in initial], dtype=np.int64)
    reached = independent_cascade(adjacency.indptr, adjacency.indices, transmissibility, seeds, rng)
    return float(reached.mean())
