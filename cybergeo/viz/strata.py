"""The three strata drawn as stacked layers, one column per country, with the ties between
them, outages and compromised systems.

The layout is computed once per world (`strata_layout`) from a fixed seed and reused for
every snapshot, so nodes stay where they are while a run goes on.
"""

import networkx as nx
import numpy as np
from matplotlib.axes import Axes

from cybergeo.i18n import N_, _
from cybergeo.i18n.labels import label
from cybergeo.viz.style import COMPROMISED, FAILED, STRATUM_COLOURS, ClassFigure
from cybergeo.world.strata import HardwareKind
from cybergeo.world.world import World

LAYER_HEIGHT = {"hardware": 0.0, "software": 1.0, "semantic": 2.0}
LAYER_SPREAD = 0.36
"""Half the height a stratum takes around its level."""
COLUMN_WIDTH = 1.0
HARDWARE_MARKERS = {
    HardwareKind.IXP.value: ("s", N_("exchange point (IXP)")),
    HardwareKind.BACKBONE_ROUTER.value: ("o", N_("backbone router")),
    HardwareKind.DATA_CENTRE.value: ("D", N_("data centre")),
    HardwareKind.LANDING_STATION.value: ("^", N_("cable landing station")),
    HardwareKind.CONTROL_NODE.value: ("p", N_("critical-infrastructure control")),
}
CITIZENS_SHOWN = 60
LAYOUT_SEED = 1
"""Layouts never draw on a run's generator: the picture must not change the run."""

Layout = dict[str, tuple[float, float]]


def strata_layout(world: World, citizens: int = CITIZENS_SHOWN) -> Layout:
    """Position of every node drawn: its stratum sets the height, its country the column,
    and a seeded spring layout of the nodes of that country and stratum the rest."""
    graph = world.layers(citizens=citizens)
    column = {country: i for i, country in enumerate(world.countries)}
    position: Layout = {}
    for stratum, height in LAYER_HEIGHT.items():
        for country, index in column.items():
            members = [
                n
                for n, d in graph.nodes(data=True)
                if d.get("stratum") == stratum and d.get("country") == country
            ]
            if not members:
                continue
            layout = nx.spring_layout(graph.subgraph(members), seed=LAYOUT_SEED)
            coords = np.array(list(layout.values())).reshape(-1, 2)
            span = np.maximum(np.abs(coords).max(axis=0), 1e-9)
            for node, (x, y) in zip(layout, coords / span, strict=True):
                position[node] = (
                    index * COLUMN_WIDTH + 0.4 * COLUMN_WIDTH * float(x),
                    height + LAYER_SPREAD * float(y),
                )
    return position


def strata_figure(world: World, layout: Layout | None = None) -> ClassFigure:
    """Hardware at the bottom, software in the middle, accounts on top, countries side by
    side. Failed nodes carry a vermillion cross, compromised systems an orange ring;
    dashed lines are `hosted_on` and `uses` ties between strata."""
    layout = layout if layout is not None else strata_layout(world)
    graph = world.layers(citizens=CITIZENS_SHOWN).subgraph(layout)
    figure = ClassFigure(figsize=(4 + 2.6 * len(world.countries), 7), layout="constrained")
    ax = figure.subplots()
    _draw_ties(ax, graph, layout)
    nodes = graph.nodes(data=True)
    for kind, (marker, name) in HARDWARE_MARKERS.items():
        chosen = [n for n, d in nodes if d.get("stratum") == "hardware" and d["kind"] == kind]
        nx.draw_networkx_nodes(
            graph,
            layout,
            nodelist=chosen,
            ax=ax,
            node_color=STRATUM_COLOURS["hardware"],
            node_shape=marker,
            node_size=70,
            label=_(name),
        )
    for stratum in ("software", "semantic"):
        chosen = [n for n, d in nodes if d.get("stratum") == stratum]
        nx.draw_networkx_nodes(
            graph,
            layout,
            nodelist=chosen,
            ax=ax,
            node_color=STRATUM_COLOURS[stratum],
            node_size=70 if stratum == "software" else 22,
            label=label(stratum),
        )
    failed = [n for n, d in nodes if d.get("up") is False]
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=failed,
        ax=ax,
        node_color=FAILED,
        node_shape="X",
        node_size=110,
        label=_("out of service"),
    )
    compromised = [n for n, d in nodes if d.get("compromised")]
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=compromised,
        ax=ax,
        node_color="none",
        edgecolors=COMPROMISED,
        linewidths=2,
        node_size=190,
        label=_("compromised"),
    )
    software = {n: n.removeprefix("sw:") for n, d in nodes if d.get("stratum") == "software"}
    nx.draw_networkx_labels(graph, layout, software, ax=ax, font_size=7)
    _frame(ax, world.countries)
    ax.set_title(_("Cyberspace in three strata, country by country"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, markerscale=0.8)
    ax.set_axis_off()
    return figure


def _draw_ties(ax: Axes, graph: nx.Graph, layout: Layout) -> None:
    within = [
        (a, b) for a, b, d in graph.edges(data=True) if d.get("tie") not in ("hosted_on", "uses")
    ]
    across = [(a, b) for a, b, d in graph.edges(data=True) if d.get("tie") in ("hosted_on", "uses")]
    closed = [(a, b) for a, b, d in graph.edges(data=True) if d.get("open") is False]
    nx.draw_networkx_edges(graph, layout, edgelist=within, ax=ax, edge_color="#bbbbbb", width=0.6)
    nx.draw_networkx_edges(
        graph,
        layout,
        edgelist=across,
        ax=ax,
        edge_color="#999999",
        width=0.4,
        style="dashed",
        alpha=0.5,
    )
    nx.draw_networkx_edges(graph, layout, edgelist=closed, ax=ax, edge_color=FAILED, width=1.0)


def _frame(ax: Axes, countries: list[str]) -> None:
    """Country names under their columns, stratum names at the left, light bands between."""
    for index, country in enumerate(countries):
        x = index * COLUMN_WIDTH
        ax.text(x, -0.62, country, ha="center", va="top", fontsize=11, fontweight="bold")
        if index:
            ax.axvline(x - COLUMN_WIDTH / 2, color="#dddddd", linewidth=1, zorder=0)
    for stratum, height in LAYER_HEIGHT.items():
        ax.text(
            -0.62 * COLUMN_WIDTH,
            height,
            label(stratum),
            ha="right",
            va="center",
            fontsize=12,
            color=STRATUM_COLOURS[stratum],
        )
    ax.set_xlim(-1.1 * COLUMN_WIDTH, (len(countries) - 0.45) * COLUMN_WIDTH)
    ax.set_ylim(-0.8, 2.5)
