"""The language of every command (`cybergeo --lang fr ...`) and `cybergeo dashboard`."""

from typing import Annotated

import typer

from cybergeo.cli.common import Lang, ScenarioFile, app, fail, load_or_exit, speak


@app.callback()
def main(lang: Lang = None) -> None:
    """Simulate cyberspace geopolitics from YAML scenarios."""
    speak(lang)


@app.command()
def dashboard(
    scenario: ScenarioFile = None,
    port: Annotated[int, typer.Option(help="port on localhost", min=1, max=65535)] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="serve only; do not open a browser")
    ] = False,
    lang: Lang = None,
) -> None:
    """Serve the class dashboard on localhost (needs the teach extra: ./dev dashboard)."""
    from cybergeo.viz.dashboard_server import serve

    chosen = speak(lang, keep=True)
    if scenario is not None:
        load_or_exit(scenario, None)
    try:
        serve(scenario, port, not no_browser, chosen)
    except ModuleNotFoundError as error:
        raise fail(
            f"the dashboard needs the teach extra ({error.name} is missing): "
            "run ./dev dashboard, or pip install 'cybergeo[teach]'"
        ) from None
