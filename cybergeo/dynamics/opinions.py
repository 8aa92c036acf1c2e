"""Opinion dynamics with bounded confidence (Deffuant, Neau, Amblard & Weisbuch 2000,
Adv. Complex Syst. 3:87).

Two agents who meet compare opinions in [0, 1]; if they differ by less than the confidence
bound d, each moves a fraction μ (the convergence) of the way toward the other. Opinions
settle into clusters that cannot hear each other, about ⌊1/(2d)⌋ of them in a well-mixed
population. Citizens of the model talk this way with their contacts over open ties.
"""

import numpy as np


def encounter(
    opinions: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    threshold: float,
    convergence: float,
) -> None:
    """Pairs (first[k], second[k]) meet at once and move toward each other, in place.

    Pairs must not share an agent. With 2-D opinions (one column per subject), each subject
    is compared and moved on its own.
    """
    mine, theirs = opinions.take(first, axis=0), opinions.take(second, axis=0)
    gap = theirs - mine
    move = np.where(np.abs(gap) < threshold, convergence * gap, 0.0)
    opinions[first] = mine + move
    opinions[second] = theirs - move


def random_matching(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n // 2 disjoint pairs of agents drawn uniformly: a random perfect matching."""
    order = rng.permutation(n)
    half = n // 2
    return order[:half], order[half : 2 * half]


def disjoint_pairs(
    speakers: np.ndarray, listeners: np.ndarray, n: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Speakers (distinct agents below `n`) take turns in random order, each naming its
    listener; a pair is kept when neither agent was named before. The order is drawn as a
    random turn per speaker (ties have probability zero), so no array is shuffled; an agent
    is named first at the earliest turn it speaks or is spoken to, and a pair stands when
    that turn is its own for both."""
    turn = rng.random(len(speakers))
    named = np.full(n, np.inf)
    named[speakers] = turn
    np.minimum.at(named, listeners, turn)
    keep = named[speakers] == turn
    keep &= named[listeners] == turn
    keep &= speakers != listeners
    kept = np.flatnonzero(keep)
    return speakers[kept], listeners[kept]


def bounded_confidence(
    opinions: np.ndarray,
    threshold: float,
    convergence: float,
    steps: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Final opinions after `steps` rounds of the Deffuant rule in a well-mixed population.

    A step is one round of as many random pairwise encounters as there are agents, drawn as
    two random matchings (so the encounters of a matching involve distinct agents).
    The input is not modified.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> final = bounded_confidence(rng.uniform(size=500), 0.5, 0.5, 50, rng)
    >>> bool(np.ptp(final) < 0.01)   # d = 0.5: everyone ends in one cluster
    True
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
    if not 0.0 < convergence <= 0.5:
        raise ValueError(f"convergence must be in (0, 0.5], got {convergence}")
    if steps < 0:
        raise ValueError(f"steps must be >= 0, got {steps}")
    state = np.array(opinions, dtype=float)
    for _ in range(2 * steps):
        first, second = random_matching(len(state), rng)
        encounter(state, first, second, threshold, convergence)
    return state


def opinion_clusters(opinions: np.ndarray, gap: float = 0.05, minimum_share: float = 0.01) -> int:
    """Number of opinion clusters: groups separated by more than `gap`, ignoring groups
    holding less than `minimum_share` of the agents (stray minor clusters).

    Examples
    --------
    >>> opinion_clusters(np.array([0.1, 0.1, 0.5, 0.52, 0.9]), minimum_share=0.0)
    3
    """
    values = np.sort(np.asarray(opinions, dtype=float))
    if len(values) == 0:
        return 0
    breaks = np.flatnonzero(np.diff(values) > gap) + 1
    sizes = np.diff(np.concatenate([[0], breaks, [len(values)]]))
    return int((sizes >= minimum_share * len(values)).sum())
