"""Each incident told as a short story, for teaching: what happened, what the victim came
to believe and when, what it said and did, and the truth."""

import pandas as pd

from cybergeo.i18n import _
from cybergeo.i18n.labels import label
from cybergeo.measures import belief_over_time, incident_table


def incident_story(events: pd.DataFrame, row: pd.Series) -> str:
    """A few sentences about one incident (a row of `incident_table`)."""
    face = row["face"]
    author = row["true_author"]
    outcome = _("succeeded") if row["succeeded"] else _("failed")
    lines = [
        _(
            "Incident {incident} — day {day}: {kind} against {target} in {victim} "
            "({outcome}); its traffic seemed to come from {origin}."
        ).format(
            incident=row["incident"],
            day=row["launched"],
            kind=label(row["kind"]),
            target=row["target"],
            victim=row["victim"],
            outcome=outcome,
            origin=row["apparent_origin"],
        )
    ]
    if pd.isna(row["detected"]):
        lines.append("  " + _("Nobody noticed it."))
    else:
        victim = row["victim"]
        lines.append(
            "  "
            + _("{victim} detected it on day {day} (after {days} day(s) unseen).").format(
                victim=victim, day=row["detected"], days=row["detected"] - row["launched"]
            )
        )
        beliefs = belief_over_time(events, int(row["incident"]))
        if len(beliefs):
            shown = beliefs.iloc[[0, len(beliefs) // 2, -1]].drop_duplicates("step")
            for _row, belief in shown.iterrows():
                ranked = belief.drop("step").astype(float).sort_values(ascending=False)
                top = ", ".join(
                    f"{label(str(name))} {share:.0%}" for name, share in ranked.head(2).items()
                )
                lines.append(
                    "  "
                    + _("Day {day}: {victim} suspects {top}.").format(
                        day=int(belief["step"]), victim=victim, top=top
                    )
                )
        if pd.notna(row["blamed"]):
            response = label(row["response"]) if isinstance(row["response"], str) else None
            lines.append(
                "  "
                + _(
                    "Day {day}: {victim} publicly blamed {blamed} (confidence {confidence:.0%}); "
                    "response: {response}."
                ).format(
                    day=row["attributed"],
                    victim=victim,
                    blamed=label(row["blamed"]),
                    confidence=row["confidence"],
                    response=response or _("no response"),
                )
            )
        elif row["closed_unanswered"]:
            lines.append("  " + _("{victim} never named anyone.").format(victim=victim))
        else:
            lines.append(
                "  "
                + _("At the end of the run {victim} was still investigating.").format(victim=victim)
            )
    truth = (
        label(author)
        if face == author
        else _("{author}, acting through {face}").format(author=label(author), face=face)
    )
    verdict = ""
    if pd.notna(row["correct"]):
        verdict = (
            _(" — the attribution was right, at the {level} level.").format(
                level=label(str(row["level"]))
            )
            if row["correct"]
            else _(" — the attribution was wrong.")
        )
    lines.append("  " + _("Truth: {truth}{verdict}").format(truth=truth, verdict=verdict))
    return "\n".join(lines)


def incident_stories(events: pd.DataFrame) -> list[str]:
    """The story of every operation of a run, in launch order."""
    table = incident_table(events)
    return [incident_story(events, row) for _row, row in table.iterrows()]
