"""The teaching notebooks: the same set in English and French, each running top to bottom
in a fresh kernel within the class's patience, and stored in git without outputs."""

import json
import os
import time
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*/*.ipynb"))
BUDGET_SECONDS = 120
"""What CI allows one notebook on two cores."""


def test_both_languages_have_the_same_numbered_notebooks() -> None:
    numbers = {
        lang: sorted(p.name[:2] for p in (NOTEBOOKS / lang).glob("*.ipynb"))
        for lang in ("en", "fr")
    }
    assert numbers["en"] == numbers["fr"]
    assert numbers["en"][:4] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, (
                f"{path.name}: outputs"
            )
    assert "widgets" not in notebook["metadata"]


@pytest.mark.slow
@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason="notebooks need the teach extra")
    nbclient = pytest.importorskip("nbclient", reason="notebooks need the teach extra")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=BUDGET_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    client.execute(env={**os.environ, "MPLBACKEND": "agg"})
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_SECONDS, f"{path.name} took {elapsed:.0f} s"
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {}) or "text/html" in output.get("data", {})
    ]
    assert images, f"{path.name} shows no figure or table"
