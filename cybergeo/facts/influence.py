"""Measures of influence: standing won abroad by trust in one's own government, and whom a
blocked platform still reaches (cases.md S6)."""

from typing import Literal

from cybergeo.facts.registry import measure
from cybergeo.facts.run_data import RunData
from cybergeo.facts.series import _series


@measure
def standing_gain(
    run: RunData, sender: str, host: str, trust: Literal["low", "high"], days: int = 30
) -> float:
    """How far host citizens now of low (or high) trust in their own government think better
    of the sender at step `days` than all host citizens did at step 1 (attitudes start
    independent of trust, so both groups start there). Record (cases.md S6): foreign voices
    move those who distrust their own government."""
    pair = f"{sender}.{host}"
    group = _series(run, f"standing_{trust}_trust.{pair}").get(days, float("nan"))
    start = _series(run, f"standing_in_host.{pair}").get(1, float("nan"))
    return float(group - start)


@measure
def audience_share(
    run: RunData, account: str, platform: str, where: Literal["home", "abroad"] = "home"
) -> float:
    """Mean over the run of the share of an account's followers on a platform it can reach
    over open ties, at home (its owner's country) or abroad (followers elsewhere, pooled).
    `account` is `<kind>.<owner>`, e.g. `state_channel.Iran`. Record (cases.md S6): a state
    blocking a platform keeps its reach abroad."""
    owner = account.split(".", 1)[1]
    prefix = f"audience.{account}."
    columns = [
        c
        for c in run.metrics.columns
        if c.startswith(prefix)
        and c.endswith(f".{platform}")
        and (c.removeprefix(prefix).startswith(f"{owner}.") == (where == "home"))
    ]
    if not columns:
        return float("nan")
    return float(run.metrics[columns].mean(axis=1).mean())


@measure
def audience_beyond_circumvention(run: RunData, account: str, platform: str) -> float:
    """An account's home audience on a platform (as `audience_share`) less the share of its
    owner's citizens who circumvent censorship. Record (cases.md S6): at home, a state that
    blocks a platform reaches over it about those who circumvent."""
    owner = account.split(".", 1)[1]
    circumvention = float(_series(run, f"circumvention.{owner}").mean())
    return audience_share(run, account, platform, "home") - circumvention
