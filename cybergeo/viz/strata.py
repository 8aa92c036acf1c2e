"""The three strata drawn as stacked layers, with the ties between them."""

import networkx as nx
import numpy as np
from matplotlib.figure import Figure

from cybergeo.world.strata import Stratum
from cybergeo.world.world import World

LAYER_HEIGHT = {
    Stratum.HARDWARE.value: 0.0,
    Stratum.SOFTWARE.value: 1.4,
    Stratum.SEMANTIC.value: 2.8,
}
COLOURS = {
    Stratum.HARDWARE.value: "#4c72b0",
    Stratum.SOFTWARE.value: "#55a868",
    Stratum.SEMANTIC.value: "#8172b2",
}


def strata_figure(world: World, rng: np.random.Generator, citizens: int = 60) -> Figure:
    """Hardware at the bottom, software in the middle, accounts on top.

    Failed nodes are marked with a red cross, compromised systems with an orange ring;
    dashed lines are `hosted_on` and `uses` ties between strata. Layouts are seeded from
    `rng` so the same world draws the same way.
    """
    graph = world.layers(citizens=citizens)
    position: dict[str, tuple[float, float]] = {}
    for stratum, height in LAYER_HEIGHT.items():
        layer = graph.subgraph(n for n, d in graph.nodes(data=True) if d.get("stratum") == stratum)
        layout = nx.spring_layout(layer, seed=int(rng.integers(2**31)))
        for node, (x, y) in layout.items():
            position[node] = (float(x) + 0.25 * float(y), height + 0.35 * float(y))
    figure = Figure(figsize=(10, 9), layout="constrained")
    ax = figure.subplots()
    within = [
        (a, b) for a, b, d in graph.edges(data=True) if d.get("tie") not in ("hosted_on", "uses")
    ]
    across = [(a, b) for a, b, d in graph.edges(data=True) if d.get("tie") in ("hosted_on", "uses")]
    nx.draw_networkx_edges(graph, position, edgelist=within, ax=ax, edge_color="#bbbbbb", width=0.6)
    nx.draw_networkx_edges(
        graph,
        position,
        edgelist=across,
        ax=ax,
        edge_color="#999999",
        width=0.4,
        style="dashed",
        alpha=0.5,
    )
    for stratum, colour in COLOURS.items():
        nodes = [n for n, d in graph.nodes(data=True) if d.get("stratum") == stratum]
        nx.draw_networkx_nodes(
            graph,
            position,
            nodelist=nodes,
            ax=ax,
            node_color=colour,
            node_size=30 if stratum == Stratum.SEMANTIC.value else 60,
            label=stratum,
        )
    failed = [n for n, d in graph.nodes(data=True) if d.get("up") is False]
    compromised = [n for n, d in graph.nodes(data=True) if d.get("compromised")]
    if failed:
        nx.draw_networkx_nodes(
            graph,
            position,
            nodelist=failed,
            ax=ax,
            node_color="red",
            node_shape="X",
            node_size=90,
            label="failed",
        )
    if compromised:
        nx.draw_networkx_nodes(
            graph,
            position,
            nodelist=compromised,
            ax=ax,
            node_color="none",
            edgecolors="orange",
            linewidths=2,
            node_size=160,
            label="compromised",
        )
    software = {
        n: n.removeprefix("sw:")
        for n, d in graph.nodes(data=True)
        if d.get("stratum") == Stratum.SOFTWARE.value
    }
    nx.draw_networkx_labels(graph, {n: position[n] for n in software}, software, ax=ax, font_size=7)
    for stratum, height in LAYER_HEIGHT.items():
        ax.text(-1.6, height, stratum, fontsize=12, va="center", color=COLOURS[stratum])
    ax.set_title("Cyberspace in three strata")
    ax.legend(loc="upper right")
    ax.set_axis_off()
    return figure
