"""Names people read for the keys in metrics, measures and the event log."""

from cybergeo.i18n import N_, _

LABELS = {
    "operations_launched": N_("operations launched"),
    "operations_succeeded": N_("operations succeeded"),
    "operations_detected": N_("operations detected"),
    "attributions_correct": N_("correct attributions"),
    "attributions_wrong": N_("wrong attributions"),
    "leaks": N_("leaks"),
    "final_mean_tension": N_("final mean tension"),
    "peak_escalation": N_("peak escalation (rung)"),
    "operations": N_("operations"),
    "detection_rate": N_("detection rate"),
    "mean_time_to_detection": N_("mean time to detection (days)"),
    "attribution_accuracy": N_("attribution accuracy"),
    "operator_level": N_("right attributions that named the operator (share)"),
    "responsible": N_("responsible"),
    "operator": N_("operator"),
    "false_attribution_rate": N_("false attribution rate"),
    "never_attributed": N_("never attributed"),
    "mean_time_to_attribution": N_("mean time to attribution (days)"),
    "retaliations_against_innocents": N_("retaliations against innocents"),
    "hardware": N_("hardware"),
    "software": N_("software"),
    "semantic": N_("semantic"),
    "espionage": N_("espionage"),
    "sabotage": N_("sabotage"),
    "ddos": N_("denial of service"),
    "influence": N_("influence"),
    "hack_and_leak": N_("hack and leak"),
    "defacement": N_("defacement"),
    "doxxing": N_("doxxing"),
    "statement": N_("statement"),
    "protest": N_("protest"),
    "sanctions": N_("sanctions"),
    "indictments": N_("indictments"),
    "counter_operation": N_("counter-operation"),
    "arrests": N_("arrests"),
    "unknown": N_("an unknown non-state actor"),
}
"""Every key with a label of its own; anything else (a country, a firm) is a proper name."""


def label(key: str) -> str:
    """The name of `key` in the language in force (proper names pass unchanged)."""
    return _(LABELS[key]) if key in LABELS else key
