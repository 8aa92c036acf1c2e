"""A catalogue of bad inputs and faults: each ends in exit code 2, a one-line message naming
what is wrong and where (file, line and field when they apply), and nothing written.

Each case sets up files in a fresh folder, runs one command, and checks that the folder holds
exactly what it held before. Cases on batch folders start from a copy of a small batch.
"""

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cybergeo.cli import app
from cybergeo.experiments import plan_batch, run_batch
from cybergeo.experiments.store import locked
from cybergeo.scenario import load_scenario
from cybergeo.scenario.reading import MAX_FILE_BYTES

SMALL = """\
name: small
steps: 5
countries:
  - id: A
    citizens: 20
    rivals: [B]
  - id: B
    citizens: 20
"""
"""A scenario that runs in a blink; cases append to it or replace a line of it."""

POLICY = "countries.A.doctrine.attribution_threshold"
EXPERIMENT = (
    SMALL
    + f"""\
experiment:
  seed: 3
  replications: 2
  parameters:
    {POLICY}: {{values: [0.6, 0.9]}}
"""
)


def small(extra: str = "", replace: tuple[str, str] | None = None) -> str:
    text = SMALL if replace is None else SMALL.replace(*replace)
    return text + extra


@dataclass(frozen=True)
class Case:
    """Files to write (relative to the case's folder), the command, and the words one line
    of the error must hold (`{dir}` stands for the case's folder)."""

    files: dict[str, str | bytes]
    args: list[str]
    words: tuple[str, ...]
    batch: bool = False
    prepare: Callable[[Path], None] | None = field(default=None, compare=False)


def validate(text: str | bytes, *words: str) -> Case:
    return Case({"s.yaml": text}, ["validate", "{dir}/s.yaml"], words)


def run(text: str | bytes, *words: str, args: tuple[str, ...] = ()) -> Case:
    return Case({"s.yaml": text}, ["run", "{dir}/s.yaml", *args, "--out", "{dir}/out"], words)


def run_default(*args: str, words: tuple[str, ...]) -> Case:
    return Case({}, ["run", *args, "--out", "{dir}/out"], words)


def batch(text: str, *args: str, words: tuple[str, ...]) -> Case:
    files = {"e.yaml": text}
    return Case(
        files, ["batch", "{dir}/e.yaml", "--executor", "serial", *args, "--out", "{dir}/out"], words
    )


def on_batch(command: list[str], words: tuple[str, ...], prepare=None) -> Case:
    return Case({}, command, words, batch=True, prepare=prepare)


def cut(name: str, keep: int) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        path = folder / "b" / name
        path.write_bytes(path.read_bytes()[:keep])

    return prepare


def write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        path = folder / "b" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())

    return prepare


def deep_block(levels: int) -> str:
    return (
        "description: x\n"
        + "".join(f"{'  ' * i}k{i}:\n" for i in range(levels))
        + "  " * levels
        + "v: 1\n"
    )


BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f"], "abcdefg", strict=True)
)


def vary_a_second_factor(case_folder: Path) -> None:
    """Turn the batch's replications into a second factor, so a comparison by the policy
    alone would pool over it."""
    folder = case_folder / "b"
    manifest = json.loads((folder / "manifest.json").read_text())
    rate = "attribution.laundering_rate"
    manifest["experiment"]["parameters"][rate] = {"values": [0.1, 0.2]}
    for entry in manifest["runs"]:
        entry["params"][rate] = 0.1 + 0.1 * entry["replication"]
    (folder / "manifest.json").write_text(json.dumps(manifest))


FLOW_BOMB = (
    "[&a [x, x, x, x, x, x, x, x, x], "
    + ", ".join(
        f"&{name} [{', '.join([f'*{prev}'] * 9)}]"
        for prev, name in zip("abcdef", "bcdefg", strict=True)
    )
    + "]"
)
RUN_IN_BATCH = ["compare", "{dir}/b", "--by", POLICY, "--metric", "operations_launched"]

CASES: dict[str, Case] = {
    # text that is not UTF-8 YAML
    "latin-1 text": validate("name: caf\xe9\n".encode("latin-1"), "s.yaml:1", "UTF-8"),
    "binary file": validate(bytes(range(256)), "s.yaml:1", "NUL byte"),
    "NUL byte in text": validate(b"steps: 5\nname: a\x00b\n", "s.yaml:2", "NUL byte"),
    "UTF-16 text": validate("steps: 5\n".encode("utf-16"), "s.yaml", "not a text file"),
    "file too large": validate("#" * (MAX_FILE_BYTES + 1), "s.yaml", "too large"),
    "alias bomb": validate(BOMB, "s.yaml", "too many values"),
    # 500 levels already overflow the parser's recursion (about 300 do); thousands only make
    # the parser take seconds to fail the same way.
    "deep flow nesting": validate("description: " + "[" * 500 + "]" * 500, "nested too deeply"),
    "deep block nesting": validate(deep_block(60), "s.yaml", "nested too deeply"),
    "YAML tag": validate("steps: !!python/object:os.system 5\n", "s.yaml:1", "tags"),
    "YAML syntax error": validate("steps: 5\n  name: [a\n", "s.yaml", "YAML syntax error"),
    "duplicate key": validate("steps: 5\nsteps: 6\n", "s.yaml:2", "YAML syntax error"),
    "tab indentation": validate("countries:\n\t- id: A\n", "s.yaml:2", "YAML syntax error"),
    "top-level list": validate("- steps: 5\n", "s.yaml:1", "mapping of keys"),
    "top-level scalar": validate("just words\n", "s.yaml:1", "mapping of keys"),
    "a folder, not a file": Case({"d/x": ""}, ["validate", "{dir}/d"], ("d", "no such scenario")),
    "missing file": Case({}, ["validate", "{dir}/nope.yaml"], ("nope.yaml", "no such scenario")),
    # types: no booleans or strings as numbers, no floats as counts, finite numbers only
    "steps: true": run(small(replace=("steps: 5", "steps: true")), "s.yaml:2", "steps", "True"),
    "steps quoted": run(small(replace=("steps: 5", 'steps: "7"')), "s.yaml:2", "steps", "'7'"),
    "steps: 7.5": run(small(replace=("steps: 5", "steps: 7.5")), "s.yaml:2", "steps", "integer"),
    "citizens as float": run(
        small(replace=("citizens: 20\n    rivals", "citizens: 2.0e1\n    rivals")),
        "s.yaml:5",
        "countries.A.citizens",
    ),
    "legitimacy quoted": run(small("  - {id: C, legitimacy: '0.5'}\n"), "s.yaml:9", "legitimacy"),
    "legitimacy: yes": run(small("  - {id: C, legitimacy: true}\n"), "s.yaml:9", "legitimacy"),
    "boolean as 1": run(small("  - {id: C, mass_surveillance: 1}\n"), "mass_surveillance"),
    "regime as number": run(small("  - {id: C, regime: 3}\n"), "s.yaml:9", "regime"),
    "arrest rate above 1": run(small("society: {arrest_rate: 1.5}\n"), "society.arrest_rate"),
    "arrest rate of no regime": run(
        small("society: {arrest_rate: {monarchy: 0.1}}\n"), "society.arrest_rate.monarchy"
    ),
    "id as number": run(small("  - {id: 12}\n"), "s.yaml:9", "id", "string"),
    ".inf threshold": run(
        small("groups: [{id: G, home: A, outrage_threshold: .inf}]\n"),
        "s.yaml:9",
        "groups.G.outrage_threshold",
        "finite",
    ),
    ".nan legitimacy": run(small("  - {id: C, legitimacy: .nan}\n"), "legitimacy", "finite"),
    "-.inf capacity": run(
        small("world: {hardware: {nodes: [{id: N, kind: ixp, country: A, capacity: -.inf}]}}\n"),
        "world.hardware.nodes.N.capacity",
    ),
    # sizes: every one bounded
    "steps: 0": run(small(replace=("steps: 5", "steps: 0")), "s.yaml:2", "steps"),
    "steps huge": run(small(replace=("steps: 5", "steps: 1000000000")), "s.yaml:2", "steps"),
    "seed negative": run(small("seed: -1\n"), "s.yaml:9", "seed"),
    "seed beyond 64 bits": run(small("seed: 99999999999999999999\n"), "s.yaml:9", "seed"),
    "citizens huge": run(small("  - {id: C, citizens: 1000000000}\n"), "s.yaml:9", "citizens"),
    "event step huge": run(
        small("events: [{step: 10000000, kind: leak, actor: A}]\n"), "events.0.step"
    ),
    "event duration huge": run(
        small("events: [{step: 1, kind: censorship, actor: A, duration: 10000000}]\n"),
        "events.0.duration",
    ),
    "step_days huge": run(small("step_days: 100000\n"), "s.yaml:9", "step_days"),
    "description huge": run(small(f"description: {'x' * 20_000}\n"), "s.yaml:9", "description"),
    "too many countries": run(
        "countries:\n" + "".join(f"  - {{id: C{i}}}\n" for i in range(101)), "countries"
    ),
    "replications huge": batch(
        EXPERIMENT.replace("replications: 2", "replications: 10000000"),
        words=("experiment.replications",),
    ),
    "samples huge": batch(
        small(
            "experiment: {design: sobol, samples: 100000000, parameters: {seed: {range: [0, 1]}}}\n"
        ),
        words=("experiment.samples",),
    ),
    "experiment steps huge": batch(
        EXPERIMENT.replace("seed: 3", "seed: 3\n  steps: 100000000"), words=("experiment.steps",)
    ),
    "too many runs": batch(
        EXPERIMENT.replace("replications: 2", "replications: 100000").replace(
            "values: [0.6, 0.9]", "values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.55]"
        ),
        words=("experiment", "at most 1000000"),
    ),
    # references, paths and extends
    "unknown key": run(small("stepz: 3\n"), "s.yaml:9", "stepz", "did you mean 'steps'"),
    "dangling rival": run(small(replace=("rivals: [B]", "rivals: [Bee]")), "s.yaml:6", "Bee"),
    "duplicate id": run(small("  - {id: A}\n"), "s.yaml:9", "countries.A.id", "already"),
    "extends missing": run("extends: nope.yaml\n", "s.yaml:1", "extends", "no such file"),
    "extends not a name": run("extends: [a]\n", "s.yaml:1", "extends", "file name"),
    "extends outside the tree": run(
        "extends: /etc/passwd\n", "s.yaml:1", "extends", "outside", args=()
    ),
    "--set unknown id": run_default(
        "--set",
        "countries.Eastmak.doctrine.attribution_threshold=0.5",
        words=("--set", "countries.Eastmak", "did you mean 'Eastmark'", "+Eastmak"),
    ),
    "--set unknown key": run_default(
        "--set", "countries.Eastmark.legitimcy=0.5", words=("legitimcy", "did you mean")
    ),
    "--set without =": run_default("--set", "steps", words=("--set", "path.to.key=value")),
    "--set bad YAML": run_default("--set", "steps=[1", words=("--set", "steps", "YAML")),
    "--set alias bomb": run_default(
        "--set", f"description={FLOW_BOMB}", words=("too many values",)
    ),
    "--set inside a value": run_default("--set", "steps.x=1", words=("steps.x", "inside a value")),
    "--set +existing id": run_default(
        "--set", "countries.+Eastmark.legitimacy=0.5", words=("Eastmark", "already exists")
    ),
    "--set non-finite": run_default(
        "--set", "countries.Eastmark.legitimacy=.inf", words=("finite",)
    ),
    "--vary unknown id": batch(
        EXPERIMENT,
        "--vary",
        "countries.Aa.legitimacy=[0.2, 0.3]",
        words=("countries.Aa", "did you mean 'A'"),
    ),
    "--vary out of range": batch(
        EXPERIMENT, "--vary", "countries.A.legitimacy=[0.2, 3]", words=("legitimacy", "3")
    ),
    "varied seed": batch(
        EXPERIMENT, "--vary", "seed=[1, 2]", words=("experiment.parameters.seed", "replications")
    ),
    "varied steps with fixed steps": batch(
        EXPERIMENT.replace("seed: 3", "seed: 3\n  steps: 4"),
        "--vary",
        "steps=[3, 5]",
        words=("experiment.parameters.steps", "fixes"),
    ),
    "experiment path typo": batch(
        EXPERIMENT.replace(POLICY, "countries.AA.doctrine.attribution_threshold"),
        words=("experiment.parameters", "countries.AA", "did you mean 'A'"),
    ),
    # command-line sizes
    "--steps 0": run_default("--steps", "0", words=("--steps",)),
    "--steps huge": run_default("--steps", "1000000000", words=("--steps",)),
    "--seed negative": run_default("--seed", "-1", words=("--seed",)),
    "--replications huge": batch(
        EXPERIMENT, "--replications", "100000000", words=("--replications",)
    ),
    "--workers 0": batch(EXPERIMENT, "--workers", "0", words=("--workers",)),
    "facts --replications huge": Case(
        {}, ["facts", "default.yaml", "--replications", "100000000"], ("--replications",)
    ),
    "facts --workers huge": Case(
        {}, ["facts", "default.yaml", "--workers", "100000"], ("--workers",)
    ),
    "--executor unknown": batch(EXPERIMENT, "--executor", "cloud", words=("--executor", "cloud")),
    # batch folders: missing, cut, corrupt, busy
    "resume a non-batch": Case({}, ["batch", "--resume", "{dir}"], ("not a batch folder",)),
    "resume a cut manifest": on_batch(
        ["batch", "--resume", "{dir}/b"], ("manifest.json", "damaged"), cut("manifest.json", 40)
    ),
    "manifest not an object": on_batch(
        ["batch", "--resume", "{dir}/b"],
        ("manifest.json", "damaged"),
        write("manifest.json", "[1]"),
    ),
    "manifest runs incomplete": on_batch(
        ["batch", "--resume", "{dir}/b"],
        ("manifest.json", "damaged"),
        write("manifest.json", json.dumps({"experiment": {}, "runs": [{"run": 0}]})),
    ),
    "manifest not UTF-8": on_batch(
        ["compare", "{dir}/b", "--by", POLICY],
        ("manifest.json", "damaged"),
        write("manifest.json", b"\xff\xfe{"),
    ),
    "compare a cut manifest": on_batch(
        RUN_IN_BATCH, ("manifest.json", "damaged"), cut("manifest.json", 100)
    ),
    "compare a non-batch": Case({}, ["compare", "{dir}", "--by", "x"], ("not a batch folder",)),
    "compare unknown metric": on_batch(
        ["compare", "{dir}/b", "--by", POLICY, "--metric", "tensoin"], ("unknown metric 'tensoin'",)
    ),
    "compare unknown factor": on_batch(
        ["compare", "{dir}/b", "--by", "countries.A.legitimacy"], ("not a parameter of this batch",)
    ),
    "compare silently pooled": on_batch(
        ["compare", "{dir}/b", "--by", POLICY], ("also varies", "--pool"), vary_a_second_factor
    ),
    "compare with a bad statistic": on_batch(
        [*RUN_IN_BATCH, "--statistic", "median"], ("--statistic",)
    ),
    "sensitivity of a factorial batch": on_batch(
        ["sensitivity", "{dir}/b"], ("needs a sobol or morris experiment",)
    ),
    "busy batch": on_batch(["batch", "--resume", "{dir}/b"], ("already being run",)),
    "incidents of a non-run": Case({}, ["incidents", "{dir}"], ("not a run folder",)),
    "incidents of a corrupt log": Case(
        {"r/events.parquet": b"PAR1 not really"},
        ["incidents", "{dir}/r"],
        ("events.parquet", "damaged"),
    ),
    "incidents table suffix": Case(
        {"r/events.parquet": b""}, ["incidents", "{dir}/r", "--table", "{dir}/t.xlsx"], ("--table",)
    ),
    "discover without a side": on_batch(
        ["discover", "{dir}/b", "--metric", "operations_launched"], ("--above", "--below")
    ),
    "discover with both sides": on_batch(
        ["discover", "{dir}/b", "--metric", "leaks", "--above", "1", "--below", "2"],
        ("exactly one",),
    ),
    "discover above nan": on_batch(
        ["discover", "{dir}/b", "--metric", "leaks", "--above", "nan"], ("finite",)
    ),
    "discover unknown metric": on_batch(
        ["discover", "{dir}/b", "--metric", "nope", "--above", "1"], ("unknown metric 'nope'",)
    ),
}


@pytest.fixture(scope="module")
def finished_batch(tmp_path_factory) -> Path:
    """A small two-policy, two-factor batch, run serially once for every case to copy."""
    root = tmp_path_factory.mktemp("batch")
    (root / "e.yaml").write_text(EXPERIMENT)
    folder = plan_batch(load_scenario(root / "e.yaml"), root / "runs")
    assert run_batch(folder, executor="serial").completed == 4
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(folder.rglob("*"))
    }


def test_the_catalogue_is_long_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("name", CASES)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(name, tmp_path, finished_batch):
    case = CASES[name]
    for relative, content in case.files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    if case.batch:
        shutil.copytree(finished_batch, tmp_path / "b")
        if case.prepare is not None:
            case.prepare(tmp_path)
    before = snapshot(tmp_path)
    args = [arg.replace("{dir}", str(tmp_path)) for arg in case.args]
    if name == "busy batch":
        with locked(tmp_path / "b"):
            before = snapshot(tmp_path)
            result = CliRunner().invoke(app, args)
    else:
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    words = [w.replace("{dir}", str(tmp_path)) for w in case.words]
    lines = result.output.splitlines()
    assert any(all(w in line for w in words) for line in lines), (words, result.output)
    assert snapshot(tmp_path) == before
