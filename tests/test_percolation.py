"""Percolation theory at finite size: one ER network, and two interdependent ones."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cybergeo.world import mutual_giant_component
from cybergeo.world.percolation import (
    BULDYREV_CRITICAL_PK,
    er_giant_component_theory,
    er_mutual_giant_component_theory,
    giant_component_fraction,
)

N, K = 20_000, 4.0


@pytest.fixture(scope="module")
def pair() -> tuple[nx.Graph, nx.Graph]:
    a = nx.fast_gnp_random_graph(N, K / (N - 1), seed=1)
    b = nx.fast_gnp_random_graph(N, K / (N - 1), seed=2)
    return a, b


@pytest.mark.parametrize("p", [0.4, 0.7, 1.0])
def test_single_network_matches_er_theory(pair, p):
    measured = giant_component_fraction(pair[0], p, np.random.default_rng(3))
    assert measured == pytest.approx(er_giant_component_theory(K, p), abs=0.02)


@pytest.mark.parametrize("p", [0.8, 0.9])
def test_mutual_component_well_above_pc_matches_theory(pair, p):
    measured = mutual_giant_component(*pair, p, np.random.default_rng(4))
    assert measured == pytest.approx(er_mutual_giant_component_theory(K, p), abs=0.02)


@pytest.mark.parametrize("p", [0.4, 0.5])
def test_mutual_component_well_below_pc_vanishes(pair, p):
    assert mutual_giant_component(*pair, p, np.random.default_rng(5)) < 0.01
    # while one network alone still has a large giant component: the collapse is interdependence
    assert giant_component_fraction(pair[0], p, np.random.default_rng(5)) > 0.2


def test_theory_jumps_discontinuously_at_buldyrev_pc():
    pc = BULDYREV_CRITICAL_PK / K
    below = er_mutual_giant_component_theory(K, pc * 0.999)
    above = er_mutual_giant_component_theory(K, pc * 1.001)
    assert below == 0.0
    assert above > 0.25  # the jump: about 0.51·p_c·... nodes appear at once, no gradual growth


def test_same_seed_same_result(pair):
    a = mutual_giant_component(*pair, 0.75, np.random.default_rng(9))
    b = mutual_giant_component(*pair, 0.75, np.random.default_rng(9))
    assert a == b


def test_errors_are_clear():
    ring = nx.cycle_graph(5)
    with pytest.raises(ValueError, match="p must be in"):
        mutual_giant_component(ring, ring, 1.5, np.random.default_rng(0))
    with pytest.raises(ValueError, match="same node set"):
        mutual_giant_component(ring, nx.cycle_graph(6), 0.5, np.random.default_rng(0))


@given(k=st.floats(0.5, 10), p=st.floats(0, 1), q=st.floats(0, 1))
def test_theory_is_a_fraction_and_monotone_in_p(k, p, q):
    low, high = sorted((p, q))
    for theory in (er_giant_component_theory, er_mutual_giant_component_theory):
        assert 0.0 <= theory(k, low) <= theory(k, high) + 1e-9 <= 1.0 + 1e-9


@given(seed=st.integers(0, 1000), p=st.floats(0, 1))
def test_mutual_never_exceeds_single(seed, p):
    g = nx.fast_gnp_random_graph(200, 0.02, seed=seed)
    h = nx.fast_gnp_random_graph(200, 0.02, seed=seed + 1)
    mutual = mutual_giant_component(g, h, p, np.random.default_rng(seed))
    single = giant_component_fraction(g, p, np.random.default_rng(seed))
    assert 0.0 <= mutual <= single <= 1.0
