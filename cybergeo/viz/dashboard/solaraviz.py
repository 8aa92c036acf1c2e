"""The same cards inside Mesa's own SolaraViz, for those who know it: its Reset, play and
Step controls, its sliders built from `model_params`, our plots, strata and incidents."""

from collections.abc import Callable
from pathlib import Path

import reacton.core
import solara
from mesa.visualization import SolaraViz
from mesa.visualization.utils import update_counter

from cybergeo.i18n import resolve_language
from cybergeo.model import CyberspaceModel
from cybergeo.scenario import load_scenario
from cybergeo.scenario.loader import DEFAULT_SCENARIO
from cybergeo.viz.dashboard.cards import IncidentCard, PanelCard, StrataCard
from cybergeo.viz.dashboard.odd_link import OddDocument
from cybergeo.viz.knobs import mesa_model_params
from cybergeo.viz.panels import PANELS, Panel
from cybergeo.viz.strata import strata_layout


def mesa_view(
    source: str | Path = DEFAULT_SCENARIO, lang: str | None = None
) -> reacton.core.Element:
    """`SolaraViz` over a scenario file; Reset rebuilds the model from the sliders.

    Cards redraw on Mesa's own `update_counter`, which moves at every step and Reset.
    """
    code = resolve_language(lang)
    spec = load_scenario(source)
    model = CyberspaceModel(source=source, rng=spec.seed)

    def strata(model: CyberspaceModel) -> reacton.core.Element:
        with solara.Column() as column:
            OddDocument()
            StrataCard(model.world, strata_layout(model.world), update_counter.value, code)
        return column

    def incidents(model: CyberspaceModel) -> reacton.core.Element:
        return IncidentCard(model.recorder.events_frame(), update_counter.value, code, False)

    def plot(panel: Panel) -> Callable[[CyberspaceModel], reacton.core.Element]:
        return lambda model: PanelCard(
            panel, model.recorder.metrics_frame(), model.spec.step_days, update_counter.value, code
        )

    return SolaraViz(
        model,
        components=[strata, incidents, *(plot(p) for p in PANELS)],
        model_params=mesa_model_params(source, spec),
        name=f"cybergeo — {spec.name}",
    )
