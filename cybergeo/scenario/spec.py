"""Building blocks shared by every scenario section: strict types with upper bounds."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from cybergeo.scenario.limits import MAX_SEED, MAX_STEPS

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
Rate = Annotated[float, Field(ge=0.0, le=1.0, description="probability per step")]
Identifier = Annotated[
    str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$")
]
Steps = Annotated[int, Field(ge=1, le=MAX_STEPS)]
Seed = Annotated[int, Field(ge=0, le=MAX_SEED)]

UNKNOWN_ACTOR = "unknown"
"""The suspect standing for an unidentified non-state actor in attribution."""


class Spec(BaseModel):
    """Base of every scenario section: unknown keys are errors, values are immutable, types
    are strict (no `true` for 1, no `"0.5"` for 0.5) and numbers finite. Enumerated choices
    opt out of strictness with `Field(strict=False)` so that their YAML strings are read."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)
