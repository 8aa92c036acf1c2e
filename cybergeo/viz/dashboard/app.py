"""The class dashboard: pick a scenario, set a few sliders, run it and watch.

One Solara component, `Dashboard`, serves both `cybergeo dashboard` (a page on localhost)
and Jupyter (`cybergeo.viz.dashboard.show()`). The model is built exactly as Mesa's
SolaraViz builds it on Reset, `CyberspaceModel(source=..., rng=..., **overrides)`, and the
same cards plug into SolaraViz (see `mesa_view`).
"""

import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import solara

from cybergeo.i18n import _, resolve_language, speaking
from cybergeo.model import CyberspaceModel
from cybergeo.run import RunResult, run_folder_name
from cybergeo.scenario import bundled_scenarios, load_scenario
from cybergeo.viz.dashboard.cards import IncidentCard, PanelCard, StrataCard
from cybergeo.viz.dashboard.odd_link import OddDocument
from cybergeo.viz.dashboard_server import SCENARIO_VARIABLE
from cybergeo.viz.knobs import SEED, Knob, class_knobs
from cybergeo.viz.panels import PANELS
from cybergeo.viz.strata import strata_layout

FRAME_STEPS = 3
"""Steps run between two redraws while playing: smooth enough, and a class sees days pass."""
RUNS = Path("runs")


def scenario_choices(extra: str | Path | None = None) -> dict[str, str]:
    """The bundled scenarios by name, the default first, and `extra` before them when given
    (its own file wins over a bundled one of the same name)."""
    files = sorted(bundled_scenarios().glob("*.yaml"), key=lambda p: (p.stem != "default", p.stem))
    choices = {p.stem: str(p) for p in files}
    if extra is None:
        return choices
    name = Path(extra).stem
    return {name: str(extra), **{k: v for k, v in choices.items() if k != name}}


def build_model(source: str, settings: dict[str, Any]) -> CyberspaceModel:
    """A model as SolaraViz would make it: a file, a seed and dotted overrides."""
    overrides = {k: v for k, v in settings.items() if k != SEED}
    return CyberspaceModel(source=source, rng=int(settings[SEED]), **overrides)


def model_as_run(model: CyberspaceModel) -> RunResult:
    """The steps a model has run so far, as a run result to save as a run folder."""
    now = datetime.now(UTC)
    return RunResult(
        scenario=model.spec,
        seed=int(model.scenario.rng),
        steps=model.steps,
        metrics=model.recorder.metrics_frame(),
        events=model.recorder.events_frame(),
        model=model,
        started=now,
        finished=now,
    )


def knob_values(knobs: list[Knob]) -> dict[str, Any]:
    return {k.path: k.value for k in knobs}


@solara.component
def Slider(knob: Knob, value: float, on_value: Any, lang: str) -> None:
    """A slider with its help text underneath."""
    with speaking(lang):
        caption, help_text = knob.caption(), knob.explanation()
    if knob.path == SEED:
        solara.SliderInt(caption, value=int(value), min=0, max=99, on_value=on_value)
    else:
        solara.SliderFloat(
            caption, value=value, min=knob.low, max=knob.high, step=knob.step, on_value=on_value
        )
    solara.Text(help_text, style={"font-size": "0.8em", "color": "#555"})


@solara.component
def Dashboard(source: str | None = None, lang: str | None = None) -> None:
    """The whole dashboard: controls on the left, the run on the right."""
    choices = solara.use_memo(lambda: scenario_choices(source), [source])
    chosen = solara.use_reactive(next(iter(choices)))
    language = solara.use_reactive(resolve_language(lang))
    spec = solara.use_memo(lambda: load_scenario(choices[chosen.value]), [chosen.value])
    knobs = class_knobs(spec, spec.seed)
    settings = solara.use_reactive(knob_values(knobs))
    first = solara.use_memo(lambda: build_model(choices[chosen.value], settings.value), [])
    model: solara.Reactive[CyberspaceModel] = solara.use_reactive(first)
    layout = solara.use_memo(lambda: strata_layout(model.value.world), [model.value])
    tick = solara.use_reactive(0)
    lock = solara.use_memo(threading.RLock, [])
    playing = solara.use_reactive(False)
    reveal = solara.use_reactive(False)
    saved = solara.use_reactive("")

    def setup(values: dict[str, Any] | None = None, name: str | None = None) -> None:
        playing.value = False
        saved.value = ""
        model.value = build_model(choices[name or chosen.value], values or settings.value)
        tick.value += 1

    def pick(name: str) -> None:
        fresh = knob_values(class_knobs(load_scenario(choices[name]), spec.seed))
        chosen.value = name
        settings.value = fresh
        setup(fresh, name)

    def step() -> None:
        with lock:
            model.value.step()
        tick.value += 1

    def play(cancel: threading.Event) -> None:
        while playing.value and not cancel.is_set():
            current = model.value
            if current.steps >= current.spec.steps:
                playing.value = False
                return
            with lock:
                for _step in range(min(FRAME_STEPS, current.spec.steps - current.steps)):
                    current.step()
            tick.value += 1

    solara.use_thread(play, dependencies=[playing.value, model.value], intrusive_cancel=False)

    def save() -> None:
        with lock:
            run = model_as_run(model.value)
        folder = RUNS / run_folder_name(run.scenario, run.seed, datetime.now(UTC))
        saved.value = str(run.save(folder))

    current = model.value
    days = current.spec.step_days
    with lock:
        metrics = current.recorder.metrics_frame()
        events = current.recorder.events_frame()
    with speaking(language.value):
        solara.Title(_("cybergeo — a class dashboard"))
        texts = {
            "setup": _("Setup"),
            "step": _("Step"),
            "run": _("Run"),
            "pause": _("Pause"),
            "save": _("Save this run"),
            "reveal": _("Reveal the truth"),
            "scenario": _("Scenario"),
            "day": _("Day {day} of {days}").format(
                day=current.steps * current.spec.step_days,
                days=current.spec.steps * current.spec.step_days,
            ),
            "countries": _("Countries: {names}").format(names=", ".join(current.countries)),
            "saved": _("Saved in {folder}").format(folder=saved.value),
            "sliders": _("Sliders take effect at the next Setup."),
        }
    with solara.Columns([1, 3], classes=["cg-dashboard"]):
        with solara.Column():
            with solara.ToggleButtonsSingle(value=language, classes=["cg-lang"]):
                solara.Button("English", value="en")
                solara.Button("Français", value="fr")
            solara.Select(
                texts["scenario"],
                values=list(choices),
                value=chosen.value,
                on_value=pick,
                classes=["cg-scenario"],
            )
            solara.Markdown(f"**{spec.name}** — {spec.description_in(language.value)}")
            with solara.Row(gap="6px"):
                solara.Button(texts["setup"], on_click=setup, classes=["cg-setup"])
                solara.Button(
                    texts["step"], on_click=step, disabled=playing.value, classes=["cg-step"]
                )
                solara.Button(
                    texts["run"],
                    on_click=lambda: playing.set(True),
                    disabled=playing.value,
                    color="primary",
                    classes=["cg-run"],
                )
                solara.Button(
                    texts["pause"], on_click=lambda: playing.set(False), classes=["cg-pause"]
                )
            solara.Text(texts["day"], classes=["cg-day"])
            solara.Text(texts["countries"], classes=["cg-countries"])
            solara.Switch(label=texts["reveal"], value=reveal, classes=["cg-reveal"])
            solara.Button(texts["save"], on_click=save, outlined=True, classes=["cg-save"])
            if saved.value:
                solara.Success(texts["saved"], classes=["cg-saved"])
            solara.Text(texts["sliders"], style={"font-style": "italic"})
            for knob in knobs:
                Slider(
                    knob,
                    settings.value.get(knob.path, knob.value),
                    lambda v, path=knob.path: settings.set({**settings.value, path: v}),
                    language.value,
                )
        with solara.Column():
            OddDocument()
            StrataCard(current.world, layout, tick.value, language.value, lock)
            IncidentCard(events, tick.value, language.value, reveal.value)
            for first_panel, second_panel in zip(PANELS[::2], PANELS[1::2], strict=True):
                with solara.Columns([1, 1]):
                    for panel in (first_panel, second_panel):
                        PanelCard(panel, metrics, days, tick.value, language.value)


@solara.component
def Page() -> None:
    """The page `cybergeo dashboard` serves (its scenario and language from the environment)."""
    Dashboard(os.environ.get(SCENARIO_VARIABLE) or None, os.environ.get("CYBERGEO_LANG"))
