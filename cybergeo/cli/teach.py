"""The language of every command (`cybergeo --lang fr ...`) and `cybergeo dashboard`."""

from typing import Annotated

import typer

from cybergeo.cli.common import ScenarioFile, app, fail, load_or_exit
from cybergeo.i18n import choose_language, language


@app.callback()
def main(
    lang: Annotated[
        str | None,
        typer.Option(help="language of what is printed: en or fr (default: CYBERGEO_LANG, locale)"),
    ] = None,
) -> None:
    """Simulate cyberspace geopolitics from YAML scenarios."""
    try:
        choose_language(lang)
    except ValueError as error:
        raise fail(f"--lang: {error}") from None


@app.command()
def dashboard(
    scenario: ScenarioFile = None,
    port: Annotated[int, typer.Option(help="port on localhost", min=1, max=65535)] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="serve only; do not open a browser")
    ] = False,
    lang: Annotated[str | None, typer.Option(help="en or fr (default: as for --lang)")] = None,
) -> None:
    """Serve the class dashboard on localhost (needs the teach extra: ./dev dashboard)."""
    if scenario is not None:
        load_or_exit(scenario, None)
    try:
        chosen = choose_language(lang) if lang else language()
        from cybergeo.viz.dashboard.serve import serve
    except ValueError as error:
        raise fail(f"--lang: {error}") from None
    except ModuleNotFoundError as error:
        raise fail(
            f"the dashboard needs the teach extra ({error.name} is missing): "
            "run ./dev dashboard, or pip install 'cybergeo[teach]'"
        ) from None
    raise typer.Exit(serve(scenario, port, not no_browser, chosen))
