"""Attribution as Bayesian inference over suspects (after Rid & Buchanan's Q model).

Evidence arrives at three levels:
- technical: indicators (toolkit signatures) that point at an actor, genuinely or because
  they were planted (a false flag), or at random (noise);
- operational: the country the traffic appeared to come from, which is the author's own
  unless the operation was laundered through a third country;
- strategic: who benefits, given relations — the prior.

The victim holds a posterior over suspects, including `UNKNOWN_ACTOR`, and updates it by
Bayes' rule with its *assumed* evidence model. When that model matches how evidence is
generated, its confidence is calibrated; a naive model that ignores false flags and
laundering is overconfident (DESIGN.md §4, §8).
"""

import json
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np

NAIVE_LAUNDERING = 0.05
"""What a naive investigator assumes: apparent origins are (almost) always true."""


@dataclass(frozen=True)
class EvidenceModel:
    """How clues relate to the truth: the generator of evidence, or a victim's belief of it.

    `noise`: chance an indicator points at a random suspect; `false_flag_rate`: share of
    operations carrying planted indicators; `flag_strength`: share of a flagged operation's
    indicators that point at the framed actor; `laundering_rate`: chance the apparent origin
    is a third country rather than the author's.
    """

    noise: float = 0.1
    false_flag_rate: float = 0.0
    flag_strength: float = 0.7
    laundering_rate: float = 0.3

    def __post_init__(self) -> None:
        for name in ("noise", "false_flag_rate", "flag_strength", "laundering_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be in [0, 1], got {value}")

    def naive(self) -> "EvidenceModel":
        """The same world seen by a victim who takes indicators and origins at face value."""
        return replace(self, false_flag_rate=0.0, laundering_rate=NAIVE_LAUNDERING)


@dataclass
class Investigation:
    """A victim's belief about who is behind one incident, updated clue by clue.

    The hidden truth is a pair (author, framed actor or none): a false flag frames one actor
    for the whole operation, so its indicators are not independent given the author alone.
    The investigation keeps the log-posterior over these pairs (a suspects x suspects
    matrix whose diagonal means "no false flag") and reports its marginal over authors.
    `homes[i]` is the country of suspect i (-1 for the unknown actor, who could be
    anywhere); `clues` counts the technical indicators seen so far.

    The evidence reveals who ran the operation. `proxies[g, s]`, when given, is the chance
    the investigator assumes that group g acts for state s; naming s is then right also when
    g ran the operation for it (attribution levels), so `confidence` and `leading_suspect`
    weigh each suspect by the chance that naming it is right.
    """

    suspects: tuple[str, ...]
    homes: np.ndarray
    prior: np.ndarray
    assumed: EvidenceModel
    n_countries: int
    proxies: np.ndarray | None = None
    log_joint: np.ndarray = field(init=False)
    clues: int = field(default=0, init=False)
    _beliefs: "Beliefs | None" = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        prior = np.asarray(self.prior, dtype=float)
        if len(prior) != len(self.suspects) or np.any(prior < 0) or prior.sum() <= 0:
            raise ValueError("prior must be non-negative, one weight per suspect, not all zero")
        k = len(self.suspects)
        flag = self.assumed.false_flag_rate
        framing = np.full((k, k), flag / max(k - 1, 1))
        np.fill_diagonal(framing, 1.0 - flag if k > 1 else 1.0)
        joint = (prior / prior.sum())[:, None] * framing
        with np.errstate(divide="ignore"):
            self.log_joint = np.log(joint)

    @property
    def posterior(self) -> np.ndarray:
        """Probability that each suspect is the author."""
        return self.beliefs().posterior

    @property
    def rightness(self) -> np.ndarray:
        """For each suspect, the chance that naming it is right: it ran the operation, or
        a group it sponsors did."""
        return self.beliefs().rightness

    @property
    def confidence(self) -> float:
        return self.beliefs().confidence

    @property
    def leading_suspect(self) -> str:
        return self.suspects[self.beliefs().leading]

    def beliefs(self) -> "Beliefs":
        """What the evidence so far says, worked out once per clue (every update replaces
        the log-joint) though read at every step."""
        if self._beliefs is None or self._beliefs.log_joint is not self.log_joint:
            weights = np.exp(self.log_joint - self.log_joint.max())
            marginal = weights.sum(axis=1)
            posterior = marginal / marginal.sum()
            rightness = posterior if self.proxies is None else posterior + posterior @ self.proxies
            self._beliefs = Beliefs(
                self.log_joint,
                self.suspects,
                posterior,
                rightness,
                float(rightness.max()),
                int(np.argmax(rightness)),
            )
        return self._beliefs

    def observe_indicator(self, pointed: str) -> None:
        """A technical clue pointing at `pointed`."""
        self._update(indicator_log_likelihood(self.suspects, pointed, self.assumed))
        self.clues += 1

    def observe_origin(self, country: int) -> None:
        """The apparent origin of the traffic (an operational clue)."""
        likelihood = origin_likelihood(self.homes, country, self.n_countries, self.assumed)
        with np.errstate(divide="ignore"):
            log_likelihood = np.log(likelihood)
        self._update(log_likelihood[:, None])

    def _update(self, log_likelihood: np.ndarray) -> None:
        """Bayes' rule in log space; a clue the assumed model deems impossible under every
        hypothesis cannot be explained by it and is set aside."""
        updated = self.log_joint + log_likelihood
        if np.isfinite(updated).any():
            self.log_joint = updated - updated.max()


@dataclass(frozen=True)
class Beliefs:
    """An investigation's belief as of one log-joint: the posterior over authors, the
    rightness of naming each suspect, and the best of these and who has it."""

    log_joint: np.ndarray
    suspects: tuple[str, ...]
    posterior: np.ndarray
    rightness: np.ndarray
    confidence: float
    leading: int

    @cached_property
    def summary(self) -> str:
        """The posterior rounded to six places, as JSON for the event log (worked out only
        when a belief is logged: most clues are read, not logged)."""
        shares = zip(self.suspects, self.posterior.tolist(), strict=True)
        return json.dumps({suspect: round(share, 6) for suspect, share in shares})


def indicator_likelihood(
    suspects: tuple[str, ...], pointed: str, model: EvidenceModel
) -> np.ndarray:
    """P(an indicator points at `pointed` | author s, framed actor f), as a matrix [s, f].

    With probability `noise` an indicator points at a uniformly random suspect. Otherwise it
    points at the author, or, when the operation frames f (off the diagonal), at f with
    probability `flag_strength`.
    """
    if pointed not in suspects:
        raise ValueError(f"unknown suspect {pointed!r}")
    k = len(suspects)
    hit = np.array([s == pointed for s in suspects], dtype=float)
    framed = np.broadcast_to(hit[None, :], (k, k))
    genuine = np.broadcast_to(hit[:, None], (k, k))
    flagged = (1.0 - model.flag_strength) * genuine + model.flag_strength * framed
    signal = np.where(np.eye(k, dtype=bool), genuine, flagged)
    return (1.0 - model.noise) * signal + model.noise / k


@lru_cache(maxsize=256)
def indicator_log_likelihood(
    suspects: tuple[str, ...], pointed: str, model: EvidenceModel
) -> np.ndarray:
    """The log of `indicator_likelihood` (minus infinity where it is 0), remembered, and
    read-only: Bayes' rule adds one of a handful of these to a log-joint at every clue."""
    with np.errstate(divide="ignore"):
        log_likelihood = np.log(indicator_likelihood(suspects, pointed, model))
    log_likelihood.flags.writeable = False
    return log_likelihood


def origin_likelihood(
    homes: np.ndarray, country: int, n_countries: int, model: EvidenceModel
) -> np.ndarray:
    """P(traffic appears to come from `country` | each suspect is the author).

    The author's own country unless laundered (then a uniformly random other country); the
    unknown actor (home -1) could appear from anywhere.
    """
    own = homes == country
    laundered = model.laundering_rate / max(n_countries - 1, 1)
    likelihood = np.where(own, 1.0 - model.laundering_rate, laundered)
    return np.where(homes < 0, 1.0 / n_countries, likelihood)


def draw_indicator(
    author: str,
    framed: str | None,
    suspects: tuple[str, ...],
    model: EvidenceModel,
    rng: np.random.Generator,
) -> str:
    """One technical clue as the world generates it (the generative side of the model)."""
    if rng.random() < model.noise:
        return suspects[int(rng.integers(len(suspects)))]
    if framed is not None and rng.random() < model.flag_strength:
        return framed
    return author


def draw_origin(
    author_home: int, n_countries: int, model: EvidenceModel, rng: np.random.Generator
) -> int:
    """The apparent origin as the world generates it: laundered with `laundering_rate`."""
    if author_home < 0:
        return int(rng.integers(n_countries))
    if rng.random() < model.laundering_rate:
        others = [c for c in range(n_countries) if c != author_home]
        return int(rng.choice(others)) if others else author_home
    return author_home


DAYS_PER_WEEK = 7


def clue_rate(
    forensics: float, sigint: float, allies: float, vendor: float, days_per_step: int = 1
) -> float:
    """Expected technical clues per step: forensic skill, plus signals intelligence, allies'
    findings and security firms' reports (each in [0, 1]).

    The rates are per week: a skilled team turns up a clue or two a week, so naming a state
    behind an intrusion takes weeks (CrowdStrike named the DNC intruders about six weeks
    after it was called in, in 2016) and public attribution months.
    """
    weekly = 0.05 + 0.25 * forensics + 0.1 * sigint + 0.1 * allies + 0.1 * vendor
    return weekly * days_per_step / DAYS_PER_WEEK
