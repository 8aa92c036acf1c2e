"""French and English for every text a person reads, from one gettext catalogue.

English is the source language; French lives in `fr.po`, compiled with Babel when first
used (no build step, so an edited catalogue shows at the next start). The language is
chosen, in order, by `speaking(...)` for the current context (the dashboard, `--lang`),
then `CYBERGEO_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).

Examples
--------
>>> with speaking("fr"):
...     _("Run folder: {folder}").format(folder="runs/x")
'Dossier du run : runs/x'
>>> with speaking("en"):
...     _("Run folder: {folder}").format(folder="runs/x")
'Run folder: runs/x'
"""

import gettext
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "fr")
"""Languages with a catalogue; English is the source text."""
CATALOGUES = Path(__file__).parent

_chosen: ContextVar[str | None] = ContextVar("cybergeo_language", default=None)


def resolve_language(requested: str | None = None) -> str:
    """`requested`, else `CYBERGEO_LANG`, else the locale, as one of LANGUAGES ('en' if
    nothing matches). Raises ValueError for an explicit request of an unknown language."""
    if requested is not None:
        code = requested.strip().lower()[:2]
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {requested!r} (expected one of: en, fr)")
        return code
    for variable in ("CYBERGEO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(variable, "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def language() -> str:
    """The language in force for the current context."""
    return _chosen.get() or resolve_language()


@contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Use `lang` (or the environment's choice when None) inside the block."""
    token = _chosen.set(resolve_language(lang))
    try:
        yield _chosen.get() or "en"
    finally:
        _chosen.reset(token)


def choose_language(lang: str | None) -> str:
    """Use `lang` for the rest of the current context (a CLI command and what it calls)."""
    code = resolve_language(lang)
    _chosen.set(code)
    return code


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English needs none; Babel is imported only
    when a catalogue is first compiled, so commands in English start as fast as before)."""
    if lang == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (CATALOGUES / f"{lang}.po").open("rb") as po:
        messages = read_po(po, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """`message` in the language in force."""
    return catalogue(language()).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet (for constants)."""
    return message
