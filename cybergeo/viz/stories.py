"""Each incident told as a short story, for teaching: what happened, what the victim came
to believe and when, what it said and did, and the truth."""

import pandas as pd

from cybergeo.measures import belief_over_time, incident_table


def incident_story(events: pd.DataFrame, row: pd.Series) -> str:
    """A few sentences about one incident (a row of `incident_table`)."""
    face = row["face"]
    author = row["true_author"]
    kind = row["kind"].replace("_", " ")
    article = "an" if kind[0] in "aeiou" else "a"
    lines = [
        f"Incident {row['incident']} — day {row['launched']}: {article} {kind} "
        f"operation against {row['target']} in {row['victim']} "
        f"({'succeeded' if row['succeeded'] else 'failed'}); "
        f"its traffic seemed to come from {row['apparent_origin']}."
    ]
    if pd.isna(row["detected"]):
        lines.append("  Nobody noticed it.")
    else:
        victim = row["victim"]
        lines.append(
            f"  {victim} detected it on day {row['detected']} "
            f"(after {row['detected'] - row['launched']} day(s) unseen)."
        )
        beliefs = belief_over_time(events, int(row["incident"]))
        if len(beliefs):
            shown = beliefs.iloc[[0, len(beliefs) // 2, -1]].drop_duplicates("step")
            for _, belief in shown.iterrows():
                ranked = belief.drop("step").astype(float).sort_values(ascending=False)
                top = ", ".join(f"{name} {share:.0%}" for name, share in ranked.head(2).items())
                lines.append(f"  Day {int(belief['step'])}: {victim} suspects {top}.")
        if pd.notna(row["blamed"]):
            response = row["response"] if isinstance(row["response"], str) else "no response"
            lines.append(
                f"  Day {row['attributed']}: {victim} publicly blamed {row['blamed']} "
                f"(confidence {row['confidence']:.0%}); response: {response.replace('_', ' ')}."
            )
        elif row["closed_unanswered"]:
            lines.append(f"  {victim} never named anyone.")
        else:
            lines.append(f"  At the end of the run {victim} was still investigating.")
    truth = author if face == author else f"{author}, acting through {face}"
    verdict = ""
    if pd.notna(row["correct"]):
        verdict = (
            f" — the attribution was right, at the {row['level']} level."
            if row["correct"]
            else " — the attribution was wrong."
        )
    lines.append(f"  Truth: {truth}{verdict}")
    return "\n".join(lines)


def incident_stories(events: pd.DataFrame) -> list[str]:
    """The story of every operation of a run, in launch order."""
    table = incident_table(events)
    return [incident_story(events, row) for _, row in table.iterrows()]
