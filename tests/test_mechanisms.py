"""The mechanisms reproduce the theory they come from, at finite size."""

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize

from cybergeo.actors import zero_day_threshold
from cybergeo.dynamics import (
    arrest_probability,
    bounded_confidence,
    civil_violence,
    opinion_clusters,
    spread_final_size,
)

# -- Epstein's civil violence ------------------------------------------------------------


@given(cops=st.integers(0, 200), actives=st.integers(1, 200))
def test_arrest_probability_is_epsteins_formula(cops: int, actives: int) -> None:
    expected = 1.0 - math.exp(-2.3 * math.floor(cops / actives))
    assert float(arrest_probability(cops, actives)) == pytest.approx(expected)


def test_arrest_probability_refuses_no_actives() -> None:
    with pytest.raises(ValueError, match="actives >= 1"):
        arrest_probability(3, 0)


def _outbursts(shares: np.ndarray, high: float = 0.05, quiet: float = 0.01) -> int:
    """Episodes above `high` that start after a quiet spell."""
    count, calm = 0, True
    for share in shares:
        if share <= quiet:
            calm = True
        elif share > high and calm:
            count, calm = count + 1, False
    return count


def test_civil_violence_is_punctuated_at_low_legitimacy() -> None:
    runs = [civil_violence(0.6, 400, np.random.default_rng(seed))[20:] for seed in range(1, 5)]
    assert sum(_outbursts(shares) for shares in runs) >= 6
    for shares in runs:
        assert np.mean(shares <= 0.01) > 0.5, "outbursts are brief; quiet is the rule"
        assert shares.max() > 0.2


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_civil_violence_stays_quiet_at_high_legitimacy(seed: int) -> None:
    assert civil_violence(0.9, 300, np.random.default_rng(seed)).max() == 0.0


# -- information spreading ----------------------------------------------------------------


def _final_sizes(graph: nx.Graph, t: float, runs: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    nodes = list(graph.nodes)
    seeds = [nodes[int(i)] for i in rng.integers(len(nodes), size=runs)]
    return np.array([spread_final_size(graph, t, [seed], rng) for seed in seeds])


@pytest.fixture(scope="module")
def random_graph() -> nx.Graph:
    return nx.gnp_random_graph(4000, 4.0 / 4000, seed=11)


def test_spread_has_no_large_outbreak_below_the_threshold(random_graph: nx.Graph) -> None:
    degrees = np.array([d for _, d in random_graph.degree()], dtype=float)
    critical = degrees.mean() / ((degrees**2).mean() - degrees.mean())
    sizes = _final_sizes(random_graph, 0.6 * critical, runs=60, seed=1)
    assert sizes.max() < 0.05


def test_spread_reaches_the_expected_final_size_above_the_threshold(
    random_graph: nx.Graph,
) -> None:
    mean_degree = 2 * random_graph.number_of_edges() / random_graph.number_of_nodes()
    t = 0.6
    # Newman (2002): on an Erdős–Rényi graph the outbreak size S solves S = 1 − exp(−<k>·T·S),
    # and a single seed starts a large outbreak with probability S.
    expected = optimize.brentq(lambda s: s - 1 + math.exp(-mean_degree * t * s), 1e-6, 1.0)
    sizes = _final_sizes(random_graph, t, runs=60, seed=2)
    large = sizes[sizes > 0.1]
    assert abs(large.mean() - expected) < 0.03
    assert abs(len(large) / len(sizes) - expected) < 0.2


# -- bounded confidence -------------------------------------------------------------------


@pytest.mark.parametrize("bound", [0.1, 0.15, 0.2, 0.3, 0.5])
def test_bounded_confidence_gives_about_one_cluster_per_two_bounds(bound: float) -> None:
    rng = np.random.default_rng(4)
    clusters = [
        opinion_clusters(bounded_confidence(rng.uniform(size=1000), bound, 0.5, 150, rng))
        for _ in range(5)
    ]
    expected = math.floor(1 / (2 * bound))
    assert all(abs(c - expected) <= 1 for c in clusters)
    if bound >= 0.15:
        assert int(np.median(clusters)) == expected


@settings(max_examples=40, deadline=None)
@given(
    opinions=st.lists(st.floats(0.0, 1.0), min_size=2, max_size=60),
    bound=st.floats(0.0, 1.0),
    convergence=st.floats(0.01, 0.5),
    seed=st.integers(0, 2**16),
)
def test_bounded_confidence_keeps_the_mean_and_never_widens(
    opinions: list[float], bound: float, convergence: float, seed: int
) -> None:
    start = np.array(opinions)
    final = bounded_confidence(start, bound, convergence, 5, np.random.default_rng(seed))
    assert final.mean() == pytest.approx(start.mean(), abs=1e-9)
    assert final.min() >= start.min() - 1e-12 and final.max() <= start.max() + 1e-12
    assert np.array_equal(start, np.array(opinions)), "the input is not modified"


# -- zero-day timing ----------------------------------------------------------------------


@given(stealth=st.floats(0, 1), persistence=st.floats(0, 1), discount=st.floats(0, 0.99))
def test_zero_day_used_at_once_when_stealth_is_at_least_persistence(
    stealth: float, persistence: float, discount: float
) -> None:
    threshold = zero_day_threshold(stealth, persistence, discount)
    assert 0.0 <= threshold <= 1.0
    if stealth >= persistence:
        assert threshold == 0.0


@given(stealth=st.floats(0, 0.9), gap=st.floats(0.01, 0.1), persistence=st.floats(0.5, 1.0))
def test_zero_day_threshold_falls_with_stealth(
    stealth: float, gap: float, persistence: float
) -> None:
    lower = zero_day_threshold(stealth, persistence, 0.95)
    higher = zero_day_threshold(min(1.0, stealth + gap), persistence, 0.95)
    assert higher <= lower + 1e-9


@pytest.mark.parametrize(
    ("stealth", "persistence", "discount"), [(0.1, 0.99, 0.95), (0.5, 0.9, 0.9), (0.3, 0.97, 0.98)]
)
def test_zero_day_threshold_is_the_best_waiting_rule(
    stealth: float, persistence: float, discount: float
) -> None:
    """Among rules "use when stakes >= t", the threshold maximises the discounted payoff
    V(t) = E[S; S >= t] / (1 − w·(t·persistence + (1 − t)·stealth))."""

    def value(t: float) -> float:
        return (1 - t**2) / 2 / (1 - discount * (t * persistence + (1 - t) * stealth))

    grid = np.linspace(0, 1, 2001)
    best = grid[np.argmax([value(t) for t in grid])]
    assert zero_day_threshold(stealth, persistence, discount) == pytest.approx(best, abs=1e-3)
