"""Follow ties among citizen accounts: homophily by country and heavy-tailed degrees.

A Chung–Lu style generator: each account gets an expected degree drawn from a Pareto law
with the given exponent (so a few accounts have very many followers), and each tie joins
two accounts drawn in proportion to their expected degree, the second end in the same
country with probability `homophily`, otherwise anywhere abroad. Fully vectorised, so a
million accounts and ten million ties build in seconds.
"""

import numpy as np
from scipy import sparse


def follow_ties(
    country_of: np.ndarray,
    mean_degree: float,
    homophily: float,
    degree_exponent: float,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Undirected ties (src, dst) without self-loops or duplicates, src < dst.

    Examples
    --------
    >>> import numpy as np
    >>> src, dst = follow_ties(np.repeat([0, 1], 500), 6.0, 0.9, 2.5, np.random.default_rng(1))
    >>> bool((src < dst).all()), 2 * len(src) / 1000 > 5
    (True, True)
    """
    country_of = np.asarray(country_of, dtype=np.int64)
    n = len(country_of)
    if mean_degree <= 0 or not 0.0 <= homophily <= 1.0 or degree_exponent <= 2.0:
        raise ValueError("need mean_degree > 0, homophily in [0, 1], degree_exponent > 2")
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    weight = (1.0 - rng.random(n)) ** (-1.0 / (degree_exponent - 1.0))
    weight = np.minimum(weight, np.sqrt(n * mean_degree) / weight.mean())
    n_ties = round(n * mean_degree / 2)
    order = np.argsort(country_of, kind="stable")
    sorted_country = country_of[order]
    bounds = np.searchsorted(sorted_country, np.arange(sorted_country.max() + 2))
    cumulative = np.cumsum(weight[order])
    edges = np.concatenate([[0.0], cumulative])
    src = order[_draw(cumulative, 0.0, cumulative[-1], n_ties, rng)]
    home = country_of[src]
    low, high = edges[bounds[home]], edges[bounds[home + 1]]
    same = rng.random(n_ties) < homophily
    dst = np.empty(n_ties, dtype=np.int64)
    dst[same] = order[_draw(cumulative, low[same], high[same], int(same.sum()), rng)]
    abroad = ~same
    outside = cumulative[-1] - (high[abroad] - low[abroad])
    point = rng.random(int(abroad.sum())) * outside
    point = np.where(point >= low[abroad], point + (high[abroad] - low[abroad]), point)
    dst[abroad] = order[np.minimum(np.searchsorted(cumulative, point, side="right"), n - 1)]
    a, b = np.minimum(src, dst), np.maximum(src, dst)
    keep = a != b
    pairs = np.unique(a[keep] * n + b[keep])
    return pairs // n, pairs % n


def _draw(cumulative: np.ndarray, low, high, size: int, rng: np.random.Generator) -> np.ndarray:
    points = low + rng.random(size) * (np.asarray(high) - low)
    return np.minimum(np.searchsorted(cumulative, points, side="right"), len(cumulative) - 1)


def to_csr(n: int, src: np.ndarray, dst: np.ndarray) -> sparse.csr_array:
    """Symmetric adjacency matrix of undirected ties."""
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    return sparse.csr_array((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
