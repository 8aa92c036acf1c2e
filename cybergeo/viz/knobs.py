"""The parameters a class plays with: each a dotted scenario path, a range and a help text.

The dashboard shows them as sliders; Mesa's SolaraViz gets them as `model_params`, which
the model accepts as keyword overrides (see `cybergeo.scenario.keywords`).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cybergeo.i18n import N_, _
from cybergeo.scenario import Scenario

SEED = "rng"


@dataclass(frozen=True)
class Knob:
    """One slider: the scenario path it sets, its range, and what it means."""

    path: str
    label: str
    help: str
    value: float
    low: float
    high: float
    step: float
    country: str | None = None

    def caption(self) -> str:
        """The slider's label in the language in force."""
        return _(self.label).format(country=self.country)

    def explanation(self) -> str:
        """The help text in the language in force."""
        return _(self.help).format(country=self.country)


COUNTRY_KNOBS = (
    (
        "doctrine.attribution_threshold",
        N_("{country}: confidence needed to blame"),
        N_(
            "How sure {country} must be before it names a culprit in public. Low: quick "
            "blame and more mistakes; high: long silences."
        ),
        (0.3, 0.99, 0.01),
    ),
    (
        "capabilities.censorship",
        N_("{country}: censorship"),
        N_(
            "How hard {country} filters platforms and cuts ties at home when protest rises; "
            "circumvention tools leak through."
        ),
        (0.0, 1.0, 0.05),
    ),
    (
        "capabilities.offence",
        N_("{country}: offensive capability"),
        N_("How able {country} is to break into foreign systems, and to find zero-days."),
        (0.0, 1.0, 0.05),
    ),
)


def class_knobs(spec: Scenario, seed: int) -> list[Knob]:
    """The seed, then three sliders per country, set at the scenario's values."""
    knobs = [
        Knob(
            SEED,
            N_("seed"),
            N_("The same seed replays exactly the same run; change it to see another one."),
            seed,
            0,
            99,
            1,
        )
    ]
    for country in spec.countries:
        for path, caption, help_text, (low, high, step) in COUNTRY_KNOBS:
            section, key = path.split(".")
            value = float(getattr(getattr(country, section), key))
            knobs.append(
                Knob(
                    f"countries.{country.id}.{path}",
                    caption,
                    help_text,
                    value,
                    low,
                    high,
                    step,
                    country.id,
                )
            )
    return knobs


def mesa_model_params(source: str | Path, spec: Scenario) -> dict[str, Any]:
    """The same knobs as `model_params` for Mesa's SolaraViz (a fixed `source`)."""
    params: dict[str, Any] = {"source": str(source)}
    for knob in class_knobs(spec, spec.seed):
        params[knob.path] = {
            "type": "SliderInt" if knob.path == SEED else "SliderFloat",
            "label": knob.caption(),
            "value": int(knob.value) if knob.path == SEED else knob.value,
            "min": knob.low,
            "max": knob.high,
            "step": knob.step,
        }
    return params
