"""French and English: every message has a French translation with the same placeholders,
and the language is chosen by --lang, CYBERGEO_LANG or the locale."""

import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from typer.testing import CliRunner

import cybergeo
from cybergeo.cli import app
from cybergeo.experiments import compare_policies, load_batch, sensitivity_indices
from cybergeo.experiments.compare import comparison_figure
from cybergeo.experiments.sensitivity import sensitivity_figure
from cybergeo.i18n import CATALOGUES, _, resolve_language, speaking
from cybergeo.viz.stories import incident_stories

SOURCE = Path(cybergeo.__file__).parent


def _marked_messages() -> set[str]:
    found = extract_from_dir(str(SOURCE), keywords={"_": None, "N_": None})
    return {message for _file, _line, message, _comments, _context in found}


def _fields(message: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(message) if name}


def test_every_message_has_a_french_translation_with_the_same_placeholders() -> None:
    with (CATALOGUES / "fr.po").open("rb") as po:
        french = {m.id: m.string for m in read_po(po) if m.id}
    marked = _marked_messages()
    assert len(marked) > 50, "messages marked for translation were not found"
    missing = sorted(m for m in marked if not french.get(m))
    assert not missing, f"not translated in fr.po: {missing}"
    for message in marked:
        assert _fields(french[message]) == _fields(message), message
    assert not set(french) - marked, f"stale entries in fr.po: {sorted(set(french) - marked)}"


def test_language_comes_from_request_then_environment_then_locale(monkeypatch) -> None:
    for variable in ("CYBERGEO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert resolve_language() == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert resolve_language() == "fr"
    monkeypatch.setenv("CYBERGEO_LANG", "en")
    assert resolve_language() == "en"
    assert resolve_language("FR") == "fr"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        resolve_language("de")


def test_stories_are_told_in_the_language_in_force() -> None:
    result = cybergeo.simulate("default.yaml", seed=1, steps=60)
    with speaking("fr"):
        stories = incident_stories(result.events)
        assert _("Reveal the truth") == "Révéler la vérité"
    assert stories and all("Vérité : " in s and "jour" in s for s in stories)
    with speaking("en"):
        assert all("Truth: " in s for s in incident_stories(result.events))


POLICY = "countries.A.doctrine.attribution_threshold"
TINY = """
name: {name}
steps: 6
countries:
  - {{id: A, citizens: 20, rivals: [B], operations_rate: 0.4}}
  - {{id: B, citizens: 20, rivals: [A], operations_rate: 0.4}}
experiment: {experiment}
facts:
  - {{id: some-detected, measure: detected_share, compare: "<=", value: 1.0,
     claim: Some operations are seen, source: a test}}
"""
FACTORIAL = f"{{replications: 2, parameters: {{{POLICY}: {{values: [0.6, 0.95]}}}}}}"
MORRIS = f"{{design: morris, samples: 2, seed: 3, parameters: {{{POLICY}: {{range: [0.5, 1]}}}}}}"


def _batch(folder, name: str, experiment: str, runner: CliRunner) -> tuple[Path, str]:
    """A tiny batch run in French: its folder and what `batch` printed."""
    scenario = folder / f"{name}.yaml"
    scenario.write_text(TINY.format(name=name, experiment=experiment), encoding="utf-8")
    args = ["batch", str(scenario), "--executor", "serial", "--out", str(folder), "--lang", "fr"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return next(folder.glob(f"{name}*/")), result.output


def test_every_command_prints_in_the_language_asked(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CYBERGEO_LANG", "en")
    runner = CliRunner()

    def french(*args: str) -> str:
        result = runner.invoke(app, [*args, "--lang", "fr"])
        assert result.exit_code == 0, result.output
        return result.output

    factorial, batch = _batch(tmp_path, "policies", FACTORIAL, runner)
    assert "Dossier du lot" in batch and "terminés 4, échoués 0, déjà faits 0" in batch
    compare = french("compare", str(factorial), "--by", POLICY, "--metric", "mean_tension")
    assert "moyenne par run (par défaut pour la nature « niveau »)" in compare
    assert all(word in compare for word in ("politique", "écart", "(réf.)", "Tableaux et figures"))
    morris, _printed = _batch(tmp_path, "morris", MORRIS, runner)
    sensitivity = french("sensitivity", str(morris), "--metric", "mean_tension")
    assert "sensibilité de mean_tension (moyenne par run, morris" in sensitivity
    assert "paramètre" in sensitivity
    with speaking("fr"):
        table = compare_policies(load_batch(factorial), [POLICY], "mean_tension")
        compared = comparison_figure(table, load_batch(factorial))
        indices = sensitivity_figure(sensitivity_indices(load_batch(morris), "mean_tension"))
    assert compared.get_suptitle().startswith(f"mean_tension selon {POLICY} — moyenne par run")
    assert compared.axes[0].get_xlabel() == "jour du run"
    assert indices.axes[0].get_title().startswith("Sensibilité de mean_tension (moyenne par run")
    scenario = str(tmp_path / "policies.yaml")
    facts = french("facts", scenario, "--replications", "2", "--workers", "1")
    assert "faits du scénario policies sur 2 runs" in facts
    assert "verdict" in facts and "tient" in facts
    assert "some-detected" in facts, "the fact as the scenario names it"
    assert "Métriques" in french("metrics") and "diplomatie numérique" in french("metrics")
    assert "correct" in french("validate", scenario)
    assert "Metrics" in runner.invoke(app, ["metrics"]).output, "English by default here"
    wrong = runner.invoke(app, ["metrics", "--lang", "de"])
    assert wrong.exit_code == 2 and "unknown language 'de'" in wrong.output


def test_cli_prints_its_summary_in_the_language_asked(tmp_path) -> None:
    runner = CliRunner()
    args = ["run", "--steps", "3", "--no-figures", "--out", str(tmp_path)]
    french = runner.invoke(app, ["--lang", "fr", *args])
    assert french.exit_code == 0, french.output
    assert "Dossier du run" in french.output and "opérations lancées" in french.output
    english = runner.invoke(app, ["--lang", "en", *args])
    assert "Run folder" in english.output and "operations launched" in english.output
    wrong = runner.invoke(app, ["--lang", "de", *args])
    assert wrong.exit_code == 2
