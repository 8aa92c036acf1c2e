"""The kinds the rules and the measures of facts share: kinds of operation and the rungs of
the escalation ladder. Kept apart from the rules (no numpy) so that validating a scenario's
facts, whose parameters name them, imports nothing heavy."""

from enum import IntEnum, StrEnum


class OperationKind(StrEnum):
    ESPIONAGE = "espionage"
    SABOTAGE = "sabotage"
    DDOS = "ddos"
    INFLUENCE = "influence"
    HACK_AND_LEAK = "hack_and_leak"
    DEFACEMENT = "defacement"
    DOXXING = "doxxing"


class Escalation(IntEnum):
    """The rungs of the ladder a pair of states can climb after incidents."""

    NONE = 0
    PROTEST = 1
    SANCTIONS = 2
    INDICTMENTS = 3
    COUNTER_OPERATION = 4
