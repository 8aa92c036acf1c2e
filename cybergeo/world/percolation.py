"""Percolation of one network and of two interdependent networks (Buldyrev et al. 2010).

Interdependence is why a failure in the hardware stratum can bring down far more than the
nodes it hits: in two networks whose nodes depend on each other, removing a fraction of
nodes triggers a cascade that collapses the mutual giant component discontinuously, at
p_c·<k> ≈ 2.4554 for two Erdős–Rényi networks of mean degree <k> (Nature 464:1025).
"""

from typing import Any

import networkx as nx
import numpy as np
from scipy import optimize, sparse
from scipy.sparse import csgraph

BULDYREV_CRITICAL_PK = 2.4554
"""p_c·<k> for the mutual giant component of two interdependent ER networks."""


def giant_component_fraction(graph: nx.Graph, p: float, rng: np.random.Generator) -> float:
    """Fraction of all nodes in the giant component after keeping a random fraction `p`.

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> giant_component_fraction(nx.complete_graph(10), 1.0, np.random.default_rng(0))
    1.0
    """
    nodes = list(graph.nodes)
    adjacency = _adjacency(graph, nodes)
    alive = _survivors(len(nodes), p, rng)
    return float(_giant(adjacency, alive).sum() / max(len(nodes), 1))


def mutual_giant_component(
    g_a: nx.Graph, g_b: nx.Graph, p: float, rng: np.random.Generator
) -> float:
    """Fraction of all nodes left in the mutual giant component of two interdependent networks.

    Both graphs have the same nodes, each depending on its namesake in the other. A random
    fraction 1 − p of the nodes of `g_a` is removed; then, until nothing changes, only the
    giant component of A survives, the namesakes of dead A nodes die in B, and only the
    giant component of B survives.

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> ring = nx.cycle_graph(20)
    >>> mutual_giant_component(ring, ring, 1.0, np.random.default_rng(0))
    1.0
    """
    nodes = list(g_a.nodes)
    if set(nodes) != set(g_b.nodes):
        raise ValueError("g_a and g_b must have the same node set")
    a, b = _adjacency(g_a, nodes), _adjacency(g_b, nodes)
    alive = _survivors(len(nodes), p, rng)
    while True:
        updated = _giant(b, _giant(a, alive))
        if np.array_equal(updated, alive):
            return float(alive.sum() / max(len(nodes), 1))
        alive = updated


def er_giant_component_theory(mean_degree: float, p: float) -> float:
    """Giant component of an ER network after site percolation: S = p·(1 − e^{−<k>·S}).

    Examples
    --------
    >>> round(er_giant_component_theory(4.0, 1.0), 4)
    0.9802
    """
    return _largest_root(lambda s: p * (1.0 - np.exp(-mean_degree * s)) - s, p)


def er_mutual_giant_component_theory(mean_degree: float, p: float) -> float:
    """Mutual giant component of two interdependent ER networks with the same <k>:
    the largest root of x = p·(1 − e^{−<k>·x})², zero below p_c = 2.4554/<k>.

    Examples
    --------
    >>> er_mutual_giant_component_theory(4.0, 0.55)
    0.0
    >>> round(er_mutual_giant_component_theory(4.0, 0.9), 3)
    0.838
    """
    return _largest_root(lambda x: p * (1.0 - np.exp(-mean_degree * x)) ** 2 - x, p)


def _largest_root(gap: Any, upper: float) -> float:
    """Largest x in (0, upper] with gap(x) = 0, or 0 when only the trivial root exists;
    `gap` takes an array as well as a number."""
    _check_p(upper)
    grid = np.linspace(upper, 1e-9, 4000)
    values = gap(grid)
    crossing = np.flatnonzero(np.sign(values[1:]) != np.sign(values[:-1]))
    if values[0] == 0.0:
        return float(upper)
    if not len(crossing):
        return 0.0
    i = int(crossing[0])
    return float(optimize.brentq(gap, grid[i + 1], grid[i]))


def _check_p(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], got {p}")


def _survivors(n: int, p: float, rng: np.random.Generator) -> np.ndarray:
    _check_p(p)
    alive = np.ones(n, dtype=bool)
    alive[rng.choice(n, size=round((1.0 - p) * n), replace=False)] = False
    return alive


def _adjacency(graph: nx.Graph, nodes: list[Any]) -> sparse.csr_array:
    return nx.to_scipy_sparse_array(graph, nodelist=nodes, format="csr")


def _giant(adjacency: sparse.csr_array, alive: np.ndarray) -> np.ndarray:
    """Mask of the largest connected component among the alive nodes."""
    kept = np.flatnonzero(alive)
    result = np.zeros(len(alive), dtype=bool)
    if not len(kept):
        return result
    _, labels = csgraph.connected_components(adjacency[kept][:, kept], directed=False)
    result[kept[labels == np.bincount(labels).argmax()]] = True
    return result
