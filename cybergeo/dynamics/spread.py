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
) -> np.ndarray:
    """Accounts reached from `seeds` over a CSR adjacency, frontier by frontier.

    Returns a boolean array over all nodes. Vectorised: each frontier's outgoing ties are
    gathered and tried at once.
    """
    if not 0.0 <= transmissibility <= 1.0:
        raise ValueError(f"transmissibility must be in [0, 1], got {transmissibility}")
    n = len(indptr) - 1
    reached = np.zeros(n, dtype=bool)
    frontier = np.unique(np.asarray(seeds, dtype=np.int64))
    reached[frontier] = True
    while len(frontier):
        starts, ends = indptr[frontier], indptr[frontier + 1]
        counts = ends - starts
        if counts.sum() == 0:
            break
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        neighbours = indices[offsets]
        passed = neighbours[rng.random(len(neighbours)) < transmissibility]
        fresh = np.unique(passed[~reached[passed]])
        reached[fresh] = True
        frontier = fresh
    return reached


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
