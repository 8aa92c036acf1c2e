"""Export the strata as graph files for tools such as Gephi or Cytoscape."""

import json
from pathlib import Path
from typing import Literal

import networkx as nx

from cybergeo.world.world import World

GraphFormat = Literal["graphml", "json"]

LAYER_CITIZENS = 200
"""Citizen accounts kept in the combined `layers` graph, so it stays a readable size."""


def export_world(world: World, folder: Path, fmt: GraphFormat = "graphml") -> list[Path]:
    """Write `hardware`, `software`, `semantic` and the combined `layers` graph to `folder`.

    GraphML keeps attributes typed for Gephi; JSON is networkx's node-link format.
    Returns the files written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    graphs = {
        "hardware": world.hardware,
        "software": world.software,
        "semantic": world.semantic,
        "layers": world.layers(citizens=LAYER_CITIZENS),
    }
    written = []
    for name, graph in graphs.items():
        path = folder / f"{name}.{fmt}"
        if fmt == "graphml":
            nx.write_graphml(graph, path)
        else:
            path.write_text(json.dumps(nx.node_link_data(graph, edges="edges")), encoding="utf-8")
        written.append(path)
    return written
