"""The three strata: cascades across them, routing and transit, exports."""

import json

import networkx as nx
import numpy as np
import pytest

from cybergeo import load_scenario
from cybergeo.world import HardwareKind, SoftwareKind, Stratum, build_world
from cybergeo.world.export import export_world

THREE = [
    {"id": "A", "citizens": 120, "rivals": ["B"]},
    {"id": "B", "citizens": 120, "rivals": ["A"]},
    {"id": "C", "citizens": 120},
]


def world_of(raw, seed=0):
    return build_world(load_scenario(raw), np.random.default_rng(seed))


@pytest.fixture
def world():
    return world_of(
        {
            "countries": THREE,
            "firms": [{"id": "Cloudy", "home": "A"}, {"id": "Pipes", "kind": "isp", "home": "C"}],
        }
    )


def cross_border(world, country):
    ac = world.accounts
    src, dst = ac.tie_src_country, ac.tie_dst_country
    return (src != dst) & ((src == country) | (dst == country))


def test_strata_have_their_kinds_and_ties(world):
    hardware, software, semantic = world.hardware, world.software, world.semantic
    kinds = {d["kind"] for _, d in hardware.nodes(data=True)}
    assert kinds == {k.value for k in HardwareKind}
    assert {d["tie"] for *_, d in hardware.edges(data=True)} == {"link", "cable"}
    assert {d["kind"] for _, d in software.nodes(data=True)} >= {
        SoftwareKind.OPERATING_SYSTEM.value,
        SoftwareKind.CLOUD_PLATFORM.value,
        SoftwareKind.SOCIAL_PLATFORM.value,
        SoftwareKind.GOVERNMENT_NETWORK.value,
        SoftwareKind.INDUSTRIAL_CONTROL.value,
    }
    assert semantic.number_of_nodes() == len(world.accounts.kind)
    layers = world.layers(citizens=30)
    ties = {d["tie"] for *_, d in layers.edges(data=True) if "tie" in d}
    assert {"hosted_on", "uses", "depends_on"} <= ties
    owners = {d["owner"] for _, d in hardware.nodes(data=True)}
    assert {"Pipes", "Cloudy", "A"} <= owners


def test_cutting_every_landing_station_isolates_a_country(world):
    c = 2
    stations = world.infrastructure.nodes_of(c, HardwareKind.LANDING_STATION)
    assert cross_border(world, c).any() and world.accounts.open[cross_border(world, c)].all()
    world.infrastructure.damaged[stations] = True
    world.refresh()
    assert not world.routes.connected[c, [0, 1]].any()
    assert world.routes.connected[0, 1]
    assert not world.accounts.open[cross_border(world, c)].any()
    by_country = world.availability_by_country()
    assert by_country[Stratum.HARDWARE][c] < 1.0
    assert by_country[Stratum.HARDWARE][0] == 1.0


def test_redundant_cloud_survives_one_data_centre_not_all(world):
    systems = world.systems
    cloud = systems.name.index("Cloudy-cloud")
    platform = systems.name.index("Cloudy")
    centres = world.infrastructure.nodes_of(0, HardwareKind.DATA_CENTRE)
    assert systems.redundant[cloud] and len(centres) >= 2
    world.infrastructure.damaged[centres[0]] = True
    world.refresh()
    assert systems.up[cloud] and systems.up[platform]
    world.infrastructure.damaged[centres] = True
    world.refresh()
    assert not systems.up[cloud]
    assert not systems.up[platform]  # depends on the cloud
    over_platform = world.accounts.tie_platform == platform
    assert over_platform.any() and not world.accounts.open[over_platform].any()
    assert world.availability()[Stratum.SEMANTIC] < 1.0


def test_supply_chain_carries_a_compromise_downstream(world):
    systems = world.systems
    cloud = systems.name.index("Cloudy-cloud")
    systems.breached[cloud] = True
    world.refresh()
    assert systems.compromised[systems.name.index("Cloudy")]
    assert not systems.compromised[systems.name.index("A-gov")]
    systems.breached[systems.name.index("OS")] = True
    world.refresh()
    assert systems.compromised.all()


def test_blocked_platform_darkens_ties_except_for_circumvention(world):
    platform = world.systems.name.index("Cloudy")
    world.blocked[platform, 1] = True
    world.refresh()
    ac = world.accounts
    touching = (ac.tie_platform == platform) & (
        (ac.tie_src_country == 1) | (ac.tie_dst_country == 1)
    )
    src_free = (ac.tie_src_country != 1) | ac.circumvents[ac.tie_src]
    dst_free = (ac.tie_dst_country != 1) | ac.circumvents[ac.tie_dst]
    through = touching & src_free & dst_free
    assert touching.any()
    assert ac.open[through].all()
    assert not ac.open[touching & ~through].any()


def corridor(extra_countries=(), extra_cables=()):
    countries = [{"id": c, "citizens": 30} for c in ("A", "B", "C", *extra_countries)]
    cables = [{"ends": ["A", "C"]}, {"ends": ["C", "B"]}, *({"ends": e} for e in extra_cables)]
    return world_of(
        {
            "countries": countries,
            "world": {"hardware": {"generate_cables": False, "cables": cables}},
        }
    )


def test_traffic_between_two_countries_crossing_a_third_gives_it_transit():
    world = corridor()
    assert world.routes.path[0][1] == [0, 2, 1]
    assert set(world.routes.transit(2)) == {(0, 1), (1, 0)}
    assert world.routes.transit(0) == []


def test_cutting_the_transit_path_disconnects_or_reroutes():
    world = corridor()
    world.infrastructure.damaged[world.infrastructure.nodes_of(2, HardwareKind.LANDING_STATION)] = (
        True
    )
    world.refresh()
    assert world.routes.path[0][1] is None
    detour = corridor(("D",), (["A", "D"], ["D", "B"]))
    detour.infrastructure.damaged[
        detour.infrastructure.nodes_of(2, HardwareKind.LANDING_STATION)
    ] = True
    detour.refresh()
    assert detour.routes.path[0][1] == [0, 3, 1]


def test_named_nodes_and_cables_from_the_scenario():
    world = world_of(
        {
            "countries": [{"id": "A", "citizens": 10}, {"id": "B", "citizens": 10}],
            "firms": [{"id": "Wet", "kind": "isp", "home": "A"}],
            "world": {
                "hardware": {
                    "generate_cables": False,
                    "nodes": [
                        {
                            "id": "Marseille-LS",
                            "kind": "landing_station",
                            "country": "A",
                            "owner": "Wet",
                            "capacity": 40,
                        }
                    ],
                    "cables": [{"id": "SEA-ME-WE", "ends": ["Marseille-LS", "B"]}],
                }
            },
        }
    )
    graph = world.hardware
    assert graph.nodes["hw:Marseille-LS"]["owner"] == "Wet"
    assert graph.nodes["hw:Marseille-LS"]["capacity"] == 40
    cables = [(a, b) for a, b, d in graph.edges(data=True) if d["tie"] == "cable"]
    assert len(cables) == 1 and "hw:Marseille-LS" in cables[0]


def test_dangling_cable_end_is_a_scenario_error():
    from cybergeo.scenario import ScenarioError

    with pytest.raises(
        ScenarioError, match=r"world\.hardware\.cables\.0\.ends\.1: unknown country or node"
    ):
        load_scenario(
            {
                "countries": [{"id": "A"}, {"id": "B"}],
                "world": {"hardware": {"cables": [{"ends": ["A", "Atlantis"]}]}},
            }
        )


def test_same_seed_builds_the_same_world_node_for_node():
    raw = {"countries": THREE, "firms": [{"id": "Cloudy", "home": "A"}]}
    a, b = world_of(raw, seed=5), world_of(raw, seed=5)
    assert nx.utils.graphs_equal(a.hardware, b.hardware)
    assert nx.utils.graphs_equal(a.semantic, b.semantic)
    assert not nx.utils.graphs_equal(a.semantic, world_of(raw, seed=6).semantic)


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_for_gephi(world, tmp_path, fmt):
    files = export_world(world, tmp_path, fmt)
    assert [f.name for f in files] == [
        f"{n}.{fmt}" for n in ("hardware", "software", "semantic", "layers")
    ]
    if fmt == "graphml":
        hardware = nx.read_graphml(files[0])
        assert hardware.number_of_nodes() == len(world.infrastructure)
    else:
        data = json.loads(files[2].read_text())
        assert len(data["nodes"]) == len(world.accounts.kind)
