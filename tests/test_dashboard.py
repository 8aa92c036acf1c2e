"""The model is built the way Mesa's SolaraViz builds and resets it, and the dashboard's
pieces work without a browser (the browser test drives the served page)."""

import inspect
import json

import pytest

pytest.importorskip("solara", reason="the dashboard needs the teach extra")

import ipyvuetify as v
import ipywidgets
import pandas as pd
import solara

from cybergeo import CyberspaceModel, load_scenario
from cybergeo.i18n import speaking
from cybergeo.viz.dashboard.app import build_model, model_as_run, scenario_choices
from cybergeo.viz.dashboard.odd_link import odd_html
from cybergeo.viz.incident_view import class_incidents
from cybergeo.viz.knobs import class_knobs, mesa_model_params
from cybergeo.viz.odd import odd_anchor
from cybergeo.viz.panels import PANELS


def test_solaraviz_reset_rebuilds_the_model_from_its_sliders() -> None:
    from mesa.visualization.solara_viz import _build_model_init_kwargs, _check_model_params

    spec = load_scenario("doctrine.yaml")
    params = mesa_model_params("doctrine.yaml", spec)
    model = CyberspaceModel(source="doctrine.yaml", rng=spec.seed)
    _check_model_params(model, params)
    chosen = {k: (p["value"] if isinstance(p, dict) else p) for k, p in params.items()}
    chosen["countries.Eastmark.doctrine.attribution_threshold"] = 0.95
    kwargs = _build_model_init_kwargs(
        model, chosen, add_scenario_when_empty=True, require_model_accepts_scenario=True
    )
    assert "scenario" in kwargs, "Mesa hands its own Scenario on Reset"
    reset = type(model)(**kwargs)
    assert reset.spec.name == "doctrine"
    assert reset.spec.countries[1].doctrine.attribution_threshold == 0.95
    reset.step()


def test_solaraviz_page_shows_the_strata_the_incidents_and_every_plot() -> None:
    from cybergeo.viz.dashboard import mesa_view

    _box, rendered = solara.render(mesa_view("default.yaml"), handle_error=False)
    images = rendered.find(ipywidgets.Image).widgets
    assert len(images) == 1 + len(PANELS)
    rendered.find(v.Html, children=["No operation yet: press Run."]).assert_single()
    links = rendered.find(solara.widgets.HTML, tag="a").widgets
    anchors = {link.attributes["data-odd"] for link in links}
    assert anchors >= {odd_anchor(panel.odd_section) for panel in PANELS}
    page = odd_html()
    assert page is not None, "the ODD ships with the package or is read from the checkout"
    rendered.find(v.VuetifyTemplate, html=page).assert_single()
    for anchor in anchors:
        assert f'id="{anchor}"' in page, f"no heading for the link #{anchor}"


def test_every_slider_says_what_it_does_in_both_languages() -> None:
    spec = load_scenario("default.yaml")
    knobs = class_knobs(spec, 1)
    assert {k.country for k in knobs} == {None, *spec.country_ids()}
    for knob in knobs:
        assert knob.low <= knob.value <= knob.high
        with speaking("fr"):
            french = knob.explanation()
        assert len(knob.explanation()) > 30 and french != knob.explanation()


def test_dashboard_models_are_built_like_solaraviz_builds_them() -> None:
    assert list(scenario_choices())[:1] and "default" in scenario_choices()
    assert "CyberspaceModel(source=" in inspect.getsource(build_model)
    model = build_model("default.yaml", {"rng": 4, "countries.Northland.capabilities.offence": 0.1})
    assert model.spec.countries[0].capabilities.offence == 0.1
    assert int(model.scenario.rng) == 4


def test_the_truth_is_hidden_until_revealed() -> None:
    model = build_model("default.yaml", {"rng": 1})
    for _step in range(60):
        model.step()
    events = model.recorder.events_frame()
    hidden, shown = class_incidents(events), class_incidents(events, reveal=True)
    assert len(hidden) > 0 and "true author" not in hidden.columns
    assert "true author" in shown.columns
    with speaking("fr"):
        assert "véritable auteur" in class_incidents(events, reveal=True).columns


@pytest.mark.slow
def test_the_dashboard_shows_inline_in_jupyter_with_one_call() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    cell = nbformat.v4.new_code_cell("from cybergeo.viz import dashboard\ndashboard.show()")
    notebook = nbformat.v4.new_notebook(cells=[cell])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = [output.get("data", {}) for output in notebook.cells[0].outputs]
    assert any("application/vnd.jupyter.widget-view+json" in data for data in shown), shown


def test_save_this_run_writes_an_ordinary_run_folder(tmp_path) -> None:
    model = build_model("default.yaml", {"rng": 2})
    for _step in range(5):
        model.step()
    folder = model_as_run(model).save(tmp_path / "saved")
    assert {p.name for p in folder.iterdir()} >= {
        "manifest.json",
        "metrics.parquet",
        "events.parquet",
    }
    assert len(pd.read_parquet(folder / "metrics.parquet")) == 5
    assert json.loads((folder / "manifest.json").read_text())["seed"] == 2


def test_a_scenario_file_given_on_the_command_line_comes_first_and_wins(tmp_path) -> None:
    mine = tmp_path / "default.yaml"
    mine.write_text("name: mine\nsteps: 5\n", encoding="utf-8")
    choices = scenario_choices(mine)
    assert next(iter(choices.items())) == ("default", str(mine))
    assert "doctrine" in choices
