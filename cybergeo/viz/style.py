"""Figures fit for a class: one colour-blind-safe palette, days on the time axis, legends
beside the data, and figures that show themselves in Jupyter without `%matplotlib inline`."""

import io
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from cybergeo.i18n import _

PALETTE = (
    "#332288",
    "#CC6677",
    "#117733",
    "#DDCC77",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)
"""Paul Tol's 'muted' qualitative scheme, ordered to keep neighbours apart: distinct for the
common colour-vision deficiencies. No panel draws more lines than it has colours, so no colour
repeats within a panel."""
STRATUM_COLOURS = {"hardware": "#0072B2", "software": "#009E73", "semantic": "#CC79A7"}
"""Okabe and Ito's blue, bluish green and reddish purple, one per stratum everywhere."""
FAILED = "#D55E00"
COMPROMISED = "#E69F00"
NEUTRAL = "#555555"


class ClassFigure(Figure):
    """A matplotlib figure that Jupyter displays as a PNG in any kernel, with no pyplot
    state and no `%matplotlib inline` needed."""

    def _repr_png_(self) -> bytes:
        return figure_png(self)


def figure_png(figure: Figure, dpi: int = 100) -> bytes:
    """The figure rendered as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def colour_of(index: int) -> str:
    """The palette's colour for the index-th series of a panel (countries keep their
    scenario order, so a country has the same colour in every panel)."""
    return PALETTE[index % len(PALETTE)]


def days_axis(ax: Axes, step_days: int, ylabel: str) -> None:
    """Label the time axis in days and the value axis with its unit."""
    ax.set_xlabel(_("day of the run"))
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.margins(x=0)
    if step_days > 1:
        ax.set_title(ax.get_title() + " " + _("(one step = {days} days)").format(days=step_days))


def legend_beside(ax: Axes, title: str | None = None, of: Axes | None = None) -> None:
    """A legend outside the plotting area, to its right, so it never covers data; it names
    the series of `of` when given (one legend for panels that share their colours)."""
    handles, labels = (of or ax).get_legend_handles_labels()
    if handles:
        ax.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            title=title,
        )


def strongest(columns: Sequence[str], peaks: Sequence[float]) -> list[str]:
    """At most as many columns as the palette has colours, the highest peaks first."""
    ranked = sorted(zip(peaks, columns, strict=True), key=lambda pair: -pair[0])
    kept = {column for _peak, column in ranked[: len(PALETTE)]}
    return [column for column in columns if column in kept]
