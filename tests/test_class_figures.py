"""Figures fit for a class: labelled axes with units, days on the time axis, distinct
colours, legends beside the data, a stable strata layout, and HTML views for Jupyter."""

import matplotlib.colors as mcolors
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import cybergeo
from cybergeo.i18n import speaking
from cybergeo.viz.odd import odd_link, odd_text
from cybergeo.viz.overview import overview_figure
from cybergeo.viz.panels import PANELS
from cybergeo.viz.strata import strata_figure, strata_layout
from cybergeo.viz.style import ClassFigure


def run_overview(result: cybergeo.RunResult):
    return overview_figure(result.metrics, result.scenario.name, result.scenario.step_days)


@pytest.fixture(scope="module")
def result() -> cybergeo.RunResult:
    return cybergeo.simulate("default.yaml", seed=2, steps=70)


def test_every_panel_has_units_days_distinct_colours_and_a_legend_beside_it(result) -> None:
    figure = run_overview(result)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    for ax in figure.axes:
        assert ax.get_xlabel() == "day of the run"
        assert "(" in ax.get_ylabel() or ax.get_yticklabels()[0].get_text() == "none"
        if "(count)" in ax.get_ylabel():
            assert all(float(tick).is_integer() for tick in ax.get_yticks()), ax.get_title()
        colours = [mcolors.to_hex(line.get_color()) for line in ax.get_lines()]
        assert len(colours) == len(set(colours)), ax.get_title()
        legend = ax.get_legend()
        assert legend is not None, ax.get_title()
        box, frame = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
        assert box.x0 >= frame.x1, f"legend covers the data in {ax.get_title()!r}"


def test_time_axis_is_in_days_when_a_step_lasts_a_week() -> None:
    weekly = cybergeo.simulate({"steps": 4, "step_days": 7}, seed=1)
    ax = run_overview(weekly).axes[0]
    assert ax.get_lines()[0].get_xdata()[-1] == 28


def test_figure_titles_follow_the_language(result) -> None:
    with speaking("fr"):
        axes = run_overview(result).axes
    assert "Tension entre États" in [ax.get_title() for ax in axes]
    assert all(ax.get_xlabel() == "jour du run" for ax in axes)


def test_strata_layout_is_stable_and_shows_every_country() -> None:
    model = cybergeo.CyberspaceModel("default.yaml", rng=3)
    layout = strata_layout(model.world)
    state = model.rng.bit_generator.state
    figure = strata_figure(model.world, layout)
    assert model.rng.bit_generator.state == state, "drawing must not draw on the run's generator"
    texts = {t.get_text() for t in figure.axes[0].texts}
    assert set(model.countries) <= texts
    for _step in range(20):
        model.step()
    assert strata_layout(model.world) == layout
    xs = {c: np.mean([x for n, (x, _y) in layout.items() if c in n]) for c in model.countries}
    assert sorted(xs, key=xs.__getitem__) == model.countries


def test_run_and_model_show_a_table_and_the_overview_in_jupyter(result) -> None:
    page = result._repr_html_()
    assert "<table>" in page and "data:image/png;base64," in page
    assert result.scenario.name in page
    model = cybergeo.CyberspaceModel("default.yaml", rng=1)
    assert "<img" not in model._repr_html_()
    model.step()
    assert "<img" in model._repr_html_()


def test_a_figure_shows_itself_in_jupyter_without_pyplot(result) -> None:
    assert isinstance(run_overview(result), ClassFigure)
    figure = ClassFigure(figsize=(2, 1))
    figure.subplots().plot([0, 1])
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_each_panel_links_to_a_section_of_the_odd() -> None:
    for panel in PANELS:
        text = odd_text(panel.odd_section)
        assert text is not None and text.lstrip("#").strip().startswith(panel.odd_section)
        assert odd_link(panel.odd_section).startswith("docs/ODD.md#7")
    assert odd_link("7.25 Tension") == "docs/ODD.md#725-tension"
