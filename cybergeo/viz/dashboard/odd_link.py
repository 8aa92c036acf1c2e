"""A real hyperlink from each plot to the ODD rule behind it, that works offline.

The dashboard carries the model description once, rendered to a standalone HTML page
whose headings have GitHub's anchors (`odd_anchor`). In the browser, `OddDocument` makes
that page a blob URL and aims every `OddLink` on the page at its rule's heading
(`blob:...#725-tension`, opened in a new tab). No server route is needed, so the same
link works under `cybergeo dashboard` and inline in Jupyter. Without the ODD file the
link is plain text.
"""

import html
from functools import cache

import solara

from cybergeo.viz.odd import odd_anchor, odd_file, odd_link

STYLE = """
body { max-width: 52em; margin: 1em auto; padding: 0 1em; font: 16px/1.5 sans-serif; }
table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; }
code, pre { background: #f4f4f4; } pre { padding: 0.5em; overflow-x: auto; }
:target { background: #fff3c4; }
"""


@cache
def odd_html() -> str | None:
    """The whole ODD as one HTML page, headings anchored as on GitHub; None without it."""
    import markdown

    source = odd_file()
    if source is None:
        return None
    body = markdown.markdown(
        source.read_text(encoding="utf-8"),
        extensions=["tables", "fenced_code", "toc"],
        extension_configs={"toc": {"slugify": lambda value, _separator: odd_anchor(value)}},
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>cybergeo — model description (ODD)</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


@solara.component_vue("odd_document.vue")
def OddVue(html: str) -> None:
    """The ODD page as a blob URL; every link with `data-odd`, now or later on the page,
    is aimed into it."""


@solara.component
def OddDocument() -> None:
    """Once per dashboard: the ODD for the links of its plots (nothing without the file)."""
    page = odd_html()
    if page is not None:
        OddVue(html=page)


@solara.component
def OddLink(section: str, label: str) -> None:
    """`label` as a link that opens the ODD in a new tab at `section`."""
    anchor = odd_anchor(section)
    if odd_html() is None:
        solara.Text(f"{label} ({odd_link(section)})")
        return
    solara.HTML(
        tag="a",
        unsafe_innerHTML=html.escape(label),
        classes=["cg-odd-link"],
        attributes={"href": f"#{anchor}", "data-odd": anchor, "target": "_blank"},
    )
