"""The dashboard's cards: one plot with a link to its ODD rule, the three strata, the
incidents.

Each card takes a snapshot of the run (tables copied while the model was not stepping) and
a `tick` that changes whenever the model has stepped, and redraws only then (or when the
language changes).
"""

import threading
from contextlib import AbstractContextManager

import pandas as pd
import solara

from cybergeo.i18n import _, speaking
from cybergeo.viz.dashboard.odd_link import OddLink
from cybergeo.viz.incident_view import class_incidents
from cybergeo.viz.odd import odd_text
from cybergeo.viz.panels import Panel
from cybergeo.viz.strata import Layout, strata_figure
from cybergeo.viz.style import ClassFigure, figure_png
from cybergeo.world.world import World


def panel_png(panel: Panel, metrics: pd.DataFrame, step_days: int) -> bytes:
    """One panel drawn alone, legend beside it."""
    figure = ClassFigure(figsize=(6.2, 3.2), layout="constrained")
    if len(metrics):
        panel.draw(figure.subplots(), metrics, step_days)
    return figure_png(figure, dpi=80)


@solara.component
def OddRule(section: str, lang: str) -> None:
    """A link that opens the ODD at the rule that produces a plot, and a fold-out with
    the rule's text right here."""
    with speaking(lang):
        link = _("Rule behind this plot: ODD §{section}").format(section=section)
        summary = _("Read the rule here")
    OddLink(section, link)
    text = odd_text(section)
    if text is not None:
        with solara.Details(summary=summary):
            solara.Markdown(text)


@solara.component
def PanelCard(panel: Panel, metrics: pd.DataFrame, step_days: int, tick: int, lang: str) -> None:
    """A live plot of the run so far."""

    def draw() -> bytes:
        with speaking(lang):
            return panel_png(panel, metrics, step_days)

    png = solara.use_memo(draw, [tick, lang])
    with solara.Card(margin=0, classes=["cg-plot", f"cg-plot-{panel.key}"]):
        solara.Image(png, width="100%")
        OddRule(panel.odd_section, lang)


@solara.component
def StrataCard(
    world: World,
    layout: Layout,
    tick: int,
    lang: str,
    guard: AbstractContextManager[object] | None = None,
) -> None:
    """The three strata, country by country, with outages and compromised systems; drawn
    under `guard` (the lock the stepping thread holds) so a step never lands mid-drawing."""

    def draw() -> bytes:
        with guard or threading.Lock(), speaking(lang):
            return figure_png(strata_figure(world, layout), dpi=70)

    png = solara.use_memo(draw, [world, tick, lang])
    with speaking(lang):
        title = _("The three strata")
    with solara.Card(title, margin=0, classes=["cg-strata"]):
        solara.Image(png, width="100%")
        OddRule("2. Entities, state variables and scales", lang)


@solara.component
def IncidentCard(events: pd.DataFrame, tick: int, lang: str, reveal: bool) -> None:
    """Every operation so far; the true author only once the truth is revealed."""

    def table() -> pd.DataFrame:
        with speaking(lang):
            return class_incidents(events, reveal)

    frame = solara.use_memo(table, [tick, lang, reveal])
    with speaking(lang):
        title = _("Incidents")
        empty = _("No operation yet: press Run.")
        count = _("{n} operations so far").format(n=len(frame))
    with solara.Card(title, subtitle=count, margin=0, classes=["cg-incidents"]):
        if len(frame):
            solara.DataFrame(frame, items_per_page=8)
        else:
            solara.Text(empty)
