"""The `facts:` section of a scenario: what the record says the scenario's runs must show.

Each fact names a measure from the catalogue (`cybergeo.facts`), compares it with a bound,
a range or another measure, and cites where the claim comes from (pattern-oriented
modelling, Grimm et al. 2005). The measures themselves are computed by `cybergeo.facts`.
"""

from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from cybergeo.scenario.spec import Identifier, Spec

Comparison = Literal["<=", ">=", "range", "above", "below"]
"""`<=`, `>=`: against `value`; `range`: `value` is [low, high]; `above`, `below`: the
measure against the measure `than`, run by run."""
ParamValue = str | int | float | list[str] | list[float]


class MeasureRef(Spec):
    """A measure of the catalogue and its parameters (`detected_share`,
    `{name: dwell_time, params: {operation: espionage}}`)."""

    name: Identifier
    params: dict[str, ParamValue] = {}

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        """A bare name stands for the measure with its default parameters."""
        return {"name": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _in_catalogue(self) -> Self:
        from cybergeo.facts.registry import measure_problem

        problem = measure_problem(self.name, self.params)
        if problem:
            raise ValueError(problem)
        return self


class FactSpec(Spec):
    """One stylised fact: a measure, a comparison, its source and what it claims."""

    id: Identifier
    measure: MeasureRef
    compare: Comparison
    value: float | Annotated[list[float], Field(min_length=2, max_length=2)] | None = Field(
        None, description="the bound, or [low, high] for a range"
    )
    than: MeasureRef | None = Field(None, description="the other measure, for above and below")
    source: Annotated[str, Field(min_length=1)]
    claim: Annotated[str, Field(min_length=1)]

    @model_validator(mode="after")
    def _comparison_complete(self) -> Self:
        if self.compare in ("above", "below"):
            if self.than is None or self.value is not None:
                raise ValueError(f"compare: {self.compare} needs `than:` (a measure), no value")
        elif self.compare == "range":
            if not isinstance(self.value, list) or not self.value[0] <= self.value[1]:
                raise ValueError("compare: range needs value: [low, high] with low <= high")
        elif not isinstance(self.value, float | int) or self.than is not None:
            raise ValueError(f"compare: {self.compare} needs a number as value, no `than:`")
        return self

    def bound(self) -> str:
        """The comparison as text: `<= 0.7`, `in [0, 0.1]`, `above dwell_time(...)`."""
        if self.compare == "range" and isinstance(self.value, list):
            return f"in [{self.value[0]:g}, {self.value[1]:g}]"
        if self.than is not None:
            return f"{self.compare} {describe(self.than)}"
        return f"{self.compare} {self.value:g}"


def describe(measure: MeasureRef) -> str:
    """A measure as a short label: `dwell_time(operation=espionage)`."""
    args = ", ".join(f"{k}={_text(v)}" for k, v in measure.params.items())
    return f"{measure.name}({args})" if args else measure.name


def _text(value: ParamValue) -> str:
    return "/".join(map(str, value)) if isinstance(value, list) else str(value)


def _unique_ids(facts: list[FactSpec]) -> list[FactSpec]:
    ids = [f.id for f in facts]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"fact ids must be unique: {', '.join(repeated)}")
    return facts


Facts = Annotated[list[FactSpec], AfterValidator(_unique_ids)]
"""A scenario's facts, each id once."""
