"""Follow ties among citizen accounts: homophily by country and heavy-tailed degrees.

A Chung–Lu style generator: each account gets an expected degree drawn from a Pareto law
with the given exponent (so a few accounts have very many followers), and each tie joins
two accounts drawn in proportion to their expected degree, the second end in the same
country with probability `homophily`, otherwise anywhere abroad (again in proportion to
expected degree).

The draws are made in counts, which is the same law: how many ties leave each country and
go to each other country (multinomial), then how many tie ends fall on each account of a
country (multinomial), shuffled and paired block by block. The build goes country by
country in int32 and drops duplicate ties with one COO→CSR conversion, so ten million
accounts and a hundred million ties fit in a few gigabytes.
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
    """Undirected ties (src, dst) without self-loops or duplicates, src < dst, sorted.

    Examples
    --------
    >>> import numpy as np
    >>> src, dst = follow_ties(np.repeat([0, 1], 500), 6.0, 0.9, 2.5, np.random.default_rng(1))
    >>> bool((src < dst).all()), 2 * len(src) / 1000 > 5
    (True, True)
    """
    country_of = np.asarray(country_of)
    n = len(country_of)
    if mean_degree <= 0 or not 0.0 <= homophily <= 1.0 or degree_exponent <= 2.0:
        raise ValueError("need mean_degree > 0, homophily in [0, 1], degree_exponent > 2")
    if n < 2:
        return np.empty(0, np.int32), np.empty(0, np.int32)
    weight = (1.0 - rng.random(n)) ** (-1.0 / (degree_exponent - 1.0))
    weight = np.minimum(weight, np.sqrt(n * mean_degree) / weight.mean())
    flows = _flows(country_of, weight, round(n * mean_degree / 2), homophily, rng)
    members = np.argsort(country_of, kind="stable").astype(np.int32)
    bounds = np.concatenate([[0], np.cumsum(np.bincount(country_of, minlength=len(flows)))])
    ends = [
        _tie_ends(members[bounds[c] : bounds[c + 1]], weight, flows[c].sum(), flows[:, c], rng)
        for c in range(len(flows))
    ]
    first = np.empty(int(flows.sum()), dtype=np.int32)
    second = np.empty_like(first)
    written = 0
    for c in range(len(flows)):
        for d in range(len(flows)):
            k = flows[c, d]
            first[written : written + k] = ends[c][0][flows[c, :d].sum() : flows[c, : d + 1].sum()]
            second[written : written + k] = ends[d][1][flows[:c, d].sum() : flows[: c + 1, d].sum()]
            written += k
    del ends
    return _distinct(first, second, n)


def _flows(
    country_of: np.ndarray,
    weight: np.ndarray,
    n_ties: int,
    homophily: float,
    rng: np.random.Generator,
) -> np.ndarray:
    """`flows[c, d]`: ties from an account of country c to one of country d."""
    mass = np.bincount(country_of, weights=weight)
    leaving = rng.multinomial(n_ties, mass / mass.sum())
    staying = rng.binomial(leaving, homophily)
    flows = np.diag(staying)
    for c in range(len(mass)):
        abroad = np.where(np.arange(len(mass)) == c, 0.0, mass)
        if abroad.sum() > 0:
            flows[c] += rng.multinomial(leaving[c] - staying[c], abroad / abroad.sum())
        else:
            flows[c, c] += leaving[c] - staying[c]
    return flows


def _tie_ends(
    members: np.ndarray,
    weight: np.ndarray,
    as_first: int,
    as_second: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """The ends of ties falling on one country's accounts, in proportion to their weights,
    in random order: those of ties from the country, then those of ties into it."""
    total = as_first + int(as_second.sum())
    share = weight[members] / weight[members].sum()
    ends = np.repeat(members, rng.multinomial(total, share))
    rng.shuffle(ends)
    return ends[:as_first], ends[as_first:]


def _distinct(first: np.ndarray, second: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each pair once as (low, high), self-loops dropped, sorted: the entries of the
    upper-triangular CSR matrix of the pairs."""
    low, high = np.minimum(first, second), np.maximum(first, second)
    del first, second
    keep = low != high
    low, high = low[keep], high[keep]
    ones = np.ones(len(low), dtype=np.int8)
    upper = sparse.coo_array((ones, (low, high)), shape=(n, n)).tocsr()
    del low, high, ones
    upper.sum_duplicates()
    src = np.repeat(np.arange(n, dtype=np.int32), np.diff(upper.indptr))
    return src, upper.indices.astype(np.int32)
