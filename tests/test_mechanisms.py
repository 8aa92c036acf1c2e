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
    independent_cascade,
    opinion_clusters,
)
from cybergeo.dynamics.rebellion import MOVE_TRIES, Lattice, neighbourhoods

# -- Epstein's civil violence ------------------------------------------------------------


@given(cops=st.integers(0, 200), actives=st.integers(1, 200))
def test_arrest_probability_is_epsteins_formula(cops: int, actives: int) -> None:
    expected = 1.0 - math.exp(-2.3 * math.floor(cops / actives))
    assert float(arrest_probability(cops, actives)) == pytest.approx(expected)


def test_arrest_probability_refuses_no_actives() -> None:
    with pytest.raises(ValueError, match="actives >= 1"):
        arrest_probability(3, 0)


def _outbursts(shares: np.ndarray, high: float = 0.1, quiet: float = 0.03) -> int:
    """Episodes above `high` that start after a quiet spell."""
    count, calm = 0, True
    for share in shares:
        if share <= quiet:
            calm = True
        elif share > high and calm:
            count, calm = count + 1, False
    return count


SMALL_LATTICE = 20
"""A 20 × 20 torus (280 citizens, 16 cops) is the smallest where vision 7 still leaves
local pockets; 40 × 40 runs in `benchmarks/bench_rebellion.py`."""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_civil_violence_is_punctuated_at_the_canonical_defaults(seed: int) -> None:
    """Legitimacy 0.82, density 0.7, cops 0.04, vision 7, jail 30: long quiet spells broken
    by outbursts that reach a quarter of the citizens (NetLogo Rebellion)."""
    shares = civil_violence(0.82, 200, np.random.default_rng(seed), size=SMALL_LATTICE)
    assert _outbursts(shares) >= 2
    assert shares.max() > 0.2
    assert np.median(shares) < 0.02, "quiet is the rule"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_civil_violence_stays_quiet_at_high_legitimacy(seed: int) -> None:
    shares = civil_violence(0.9, 100, np.random.default_rng(seed), size=SMALL_LATTICE)
    assert shares.max() == 0.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_sudden_drop_in_legitimacy_sets_off_a_large_outburst(seed: int) -> None:
    legitimacy = np.r_[np.full(30, 0.9), np.full(30, 0.7)]
    shares = civil_violence(legitimacy, 60, np.random.default_rng(seed), size=SMALL_LATTICE)
    assert shares[:30].max() == 0.0
    assert shares[30:].max() > 0.4


def test_vision_is_euclidean_and_wraps() -> None:
    """NetLogo's `in-radius 7` holds 149 patches; the torus wraps at the edges."""
    seen = neighbourhoods(40, 7)
    assert seen.shape == (1600, 149)
    corner = set(seen[0].tolist())
    assert {1599, 7, 7 * 40, 39} <= corner and 5 * 40 + 5 not in corner  # (5, 5) is 7.07 away
    with pytest.raises(ValueError, match="wider than twice the vision"):
        neighbourhoods(14, 7)


def test_an_active_citizen_counts_itself_among_the_actives() -> None:
    """NetLogo's A is 1 + the active citizens in vision, the citizen itself included: an
    active citizen alone with one cop estimates P = 1 − exp(−2.3·⌊1/2⌋) = 0 and stays
    active, while a quiet one estimates 0.9 and stays quiet."""
    world = Lattice.populate(15, 1 / 225, 1 / 225, 7, np.random.default_rng(0))
    world.hardship[:] = 1.0
    world.risk_aversion[:] = 0.5
    world.blocking_at[:] = 1  # nowhere to move
    world.cop_cell[:] = (world.citizen_cell[0] + 1) % 225
    world.cops_seen = np.bincount(world.cop_cell, minlength=225)[world.neighbourhood].sum(axis=1)
    draws = np.zeros(MOVE_TRIES + 1)
    world.citizen_acts(0, draws, legitimacy=0.5, k=2.3, threshold=0.1)
    assert not world.active[0]  # 0.5 − 0.5·0.9 = 0.05 < 0.1
    world.active[0] = True
    world.actives_seen[world.neighbourhood[world.citizen_cell[0]]] += 1
    world.citizen_acts(0, draws, legitimacy=0.5, k=2.3, threshold=0.1)
    assert world.active[0]  # 0.5 − 0 > 0.1


# -- information spreading ----------------------------------------------------------------


def _final_sizes(graph: nx.Graph, t: float, runs: int, seed: int) -> np.ndarray:
    """Final sizes of `runs` spreads, each from one node drawn at random, over the graph's
    ties in CSR form (built once: that is `spread_final_size`, less the conversion each
    call, which cost more than the spreads themselves)."""
    rng = np.random.default_rng(seed)
    ties = nx.to_scipy_sparse_array(graph, format="csr")
    starts = rng.integers(graph.number_of_nodes(), size=runs)
    sizes = [independent_cascade(ties.indptr, ties.indices, t, [s], rng).mean() for s in starts]
    return np.array(sizes)


@pytest.fixture(scope="module")
def random_graph() -> nx.Graph:
    return nx.fast_gnp_random_graph(4000, 4.0 / 4000, seed=11)


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
