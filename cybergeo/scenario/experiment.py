"""The `experiment:` section of a scenario: which parameters vary, how, and how often."""

import math
from typing import Annotated, Any, Literal, Self

from pydantic import Field, model_validator

from cybergeo.scenario.limits import MAX_RUNS
from cybergeo.scenario.spec import Identifier, Seed, Spec, Steps

Design = Literal["factorial", "latin_hypercube", "sobol", "morris"]


class ParameterSpec(Spec):
    """One varied parameter: a list of values (factorial) or a range [low, high] (sampled)."""

    values: Annotated[list[Any], Field(max_length=1000)] | None = None
    range: Annotated[list[float], Field(min_length=2, max_length=2)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.values is None) == (self.range is None):
            raise ValueError("give either values: [...] or range: [low, high]")
        if self.values is not None and not self.values:
            raise ValueError("values must not be empty")
        if self.range is not None and not self.range[0] < self.range[1]:
            raise ValueError("range must be [low, high] with low < high")
        return self


class ExperimentSpec(Spec):
    """A batch of runs: a design over parameters (named by dotted path), replications, and
    the reference policy that comparisons are made against.

    `samples` is the number of points for a Latin hypercube, the base sample size N for
    Sobol (N·(d+2) runs) and the number of trajectories for Morris (N·(d+1) runs).
    """

    name: Identifier | None = None
    seed: Seed = 0
    replications: Annotated[int, Field(ge=1, le=100_000)] = 1
    design: Design = "factorial"
    samples: Annotated[int, Field(ge=1, le=1_000_000)] = 16
    steps: Steps | None = None
    parameters: Annotated[dict[str, ParameterSpec], Field(max_length=100)] = {}
    reference: dict[str, Any] | None = Field(
        None, description="parameter values of the reference policy (default: the first level)"
    )

    @model_validator(mode="after")
    def _fits_design(self) -> Self:
        if not self.parameters:
            return self
        kinds = {name: p.values is not None for name, p in self.parameters.items()}
        if self.design == "factorial" and not all(kinds.values()):
            ranged = [n for n, listed in kinds.items() if not listed]
            raise ValueError(f"a factorial design needs values for every parameter: {ranged}")
        if self.design != "factorial" and any(kinds.values()):
            listed = [n for n, is_listed in kinds.items() if is_listed]
            raise ValueError(f"a {self.design} design needs a range for every parameter: {listed}")
        unknown = set(self.reference or {}) - set(self.parameters)
        if unknown:
            raise ValueError(f"reference names parameters not in the experiment: {sorted(unknown)}")
        if self.run_count() > MAX_RUNS:
            raise ValueError(f"{self.run_count()} runs; a batch holds at most {MAX_RUNS}")
        return self

    def point_count(self) -> int:
        """Number of design points (see the class docstring)."""
        d = len(self.parameters)
        if d == 0:
            return 1
        if self.design == "factorial":
            return math.prod(len(p.values or []) for p in self.parameters.values())
        per_sample = {"latin_hypercube": 1, "sobol": d + 2, "morris": d + 1}[self.design]
        return self.samples * per_sample

    def run_count(self) -> int:
        return self.point_count() * self.replications
