"""The ODD rule behind a figure: the section of the model description that produces it."""

from importlib import resources
from pathlib import Path


def odd_file() -> Path | None:
    """`docs/ODD.md`: shipped in the package (`cybergeo/_docs`), or read from a source
    checkout; None when neither is there."""
    installed = resources.files("cybergeo") / "_docs" / "ODD.md"
    if installed.is_file():
        return Path(str(installed))
    checkout = Path(__file__).resolve().parents[2] / "docs" / "ODD.md"
    return checkout if checkout.is_file() else None


def odd_anchor(section: str) -> str:
    """The anchor of an ODD heading, as GitHub makes it: '7.25 Tension' -> '725-tension'."""
    kept = "".join(ch for ch in section.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def odd_link(section: str) -> str:
    """`docs/ODD.md#<anchor>` for a section title such as '7.25 Tension'."""
    return f"docs/ODD.md#{odd_anchor(section)}"


def odd_text(section: str, odd: Path | None = None) -> str | None:
    """The markdown of a section, heading included, or None where the file is absent."""
    odd = odd or odd_file()
    if odd is None or not odd.is_file():
        return None
    lines = odd.read_text(encoding="utf-8").splitlines()
    heading = next((i for i, line in enumerate(lines) if line.lstrip("#").strip() == section), None)
    if heading is None:
        raise KeyError(f"{odd}: no section titled {section!r}")
    level = len(lines[heading]) - len(lines[heading].lstrip("#"))
    end = next(
        (
            i
            for i in range(heading + 1, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[heading:end]).strip()
