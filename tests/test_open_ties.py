"""The shared adjacency stays equal to a rebuild from scratch whatever changes, in any order,
and so do the counts taken over it."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse, stats

from cybergeo import load_scenario
from cybergeo.world import HardwareKind, build_world
from cybergeo.world.follow_graph import follow_ties

WORLD = {
    "countries": [
        {"id": "A", "citizens": 150},
        {"id": "B", "citizens": 100},
        {"id": "C", "citizens": 50},
    ],
    "firms": [{"id": "Cloudy", "home": "A"}, {"id": "Chatter", "home": "B"}],
}

change = st.tuples(
    st.sampled_from(["cut", "repair", "block", "unblock", "circumvent", "shutdown", "restore"]),
    st.integers(0, 2),
    st.integers(0, 10_000),
)


def expected_open(world) -> np.ndarray:
    """Every tie's state computed from scratch, as the model description states it."""
    ac, sw = world.accounts, world.systems
    reachable = sw.up[:, None] & world.routes.connected[sw.country]
    p, a, b = ac.tie_platform, ac.tie_src_country, ac.tie_dst_country
    blocked_a = world.blocked[p, a] & ~ac.circumvents[ac.tie_src]
    blocked_b = world.blocked[p, b] & ~ac.circumvents[ac.tie_dst]
    return reachable[p, a] & reachable[p, b] & ~(blocked_a | blocked_b)


@settings(max_examples=25, deadline=None)
@given(st.lists(change, min_size=1, max_size=12))
def test_open_ties_and_counts_match_a_rebuild(changes):
    world = build_world(load_scenario(WORLD), np.random.default_rng(3))
    ac = world.accounts
    platforms = [world.systems.name.index(name) for name in ("Cloudy", "Chatter")]
    for action, country, pick in changes:
        stations = world.infrastructure.nodes_of(country, HardwareKind.LANDING_STATION)
        platform = platforms[pick % 2]
        if action in ("cut", "repair"):
            world.infrastructure.damaged[stations] = action == "cut"
        elif action in ("block", "unblock"):
            world.blocked[platform, country] = action == "block"
        elif action in ("shutdown", "restore"):
            world.systems.disrupted[platform] = action == "shutdown"
        else:
            ac.circumvents[pick % ac.n_citizens] = True
        world.refresh()
        np.testing.assert_array_equal(ac.open, expected_open(world))
        matrix = ac.open_adjacency()
        n = len(ac.kind)
        src, dst = ac.tie_src[ac.open], ac.tie_dst[ac.open]
        rebuilt = sparse.coo_array(
            (np.ones(2 * len(src)), (np.r_[src, dst], np.r_[dst, src])), shape=(n, n)
        ).tocsr()
        assert abs(matrix - rebuilt).sum() == 0
        citizens = ac.n_citizens
        among = rebuilt[:citizens, :citizens]
        np.testing.assert_array_equal(ac.adjacency.citizen_degree, among.sum(axis=1))
        for share in (0.01, 0.5):  # few marked: their own rows; many: one SpMV
            marked = np.random.default_rng(pick).random(citizens) < share
            seen = ac.adjacency.count_among_contacts(marked)
            np.testing.assert_array_equal(seen, among @ marked.astype(float))
        assert ac.open_share() == ac.open.mean()
        shares = ac.open_share_by_country(3)
        for c in range(3):
            assert np.isclose(shares[c], ac.open[ac.tie_dst_country == c].mean())


def test_contacts_are_picked_uniformly_among_open_ones():
    """A citizen with four contacts of which two are closed names each open one half the
    time (chi-squared), never a closed one."""
    world = build_world(load_scenario(WORLD), np.random.default_rng(3))
    adjacency = world.accounts.adjacency
    citizen = int(np.flatnonzero(adjacency.citizen_degree >= 4)[0])
    start = adjacency.matrix.indptr[citizen]
    closed = adjacency.entry_tie[start : start + 2]
    adjacency.set_open(
        closed,
        np.zeros(2, bool),
        world.accounts.tie_src,
        world.accounts.tie_dst,
        world.accounts.tie_dst_country,
    )
    rng = np.random.default_rng(0)
    open_contacts = adjacency.contacts_of(citizen)
    picks = [
        adjacency.matrix.indices[adjacency._pick_open(np.array([citizen]), rng)[0]]
        for _ in range(2000)
    ]
    counts = [picks.count(c) for c in open_contacts]
    assert sum(counts) == 2000
    assert stats.chisquare(counts).pvalue > 0.001


def test_follow_ties_keep_homophily_and_mean_degree():
    """Drawn in counts, the ties still keep the asked share at home and the mean degree
    (less the few duplicates and self-loops dropped)."""
    country = np.repeat([0, 1, 2], [5000, 3000, 2000])
    src, dst = follow_ties(country, 10.0, 0.8, 2.5, np.random.default_rng(4))
    assert bool((src < dst).all())
    assert len(np.unique(src.astype(np.int64) * len(country) + dst)) == len(src)
    assert 9.0 < 2 * len(src) / len(country) <= 10.0
    same = np.mean(country[src] == country[dst])
    assert abs(same - 0.8) < 0.02
