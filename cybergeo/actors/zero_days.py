"""When to spend a zero-day: the timing rule of Axelrod & Iliev (2014, PNAS 111:1298).

A cyber resource (an exploit for an unpatched flaw) is worth using only once the stakes of
the moment are high enough, because using it may expose it. Each step the stakes S are
drawn uniform on [0, 1]. Used, the resource pays S and survives with probability `stealth`;
kept, it survives with probability `persistence` (it may be found and patched). With
discount w, the value V of holding the resource solves

    V = E[max(S + w·stealth·V, w·persistence·V)],

so it is used exactly when S >= T = w·V·(persistence − stealth): with stealth >= persistence
the threshold is 0 (use it at once); lower persistence lowers the threshold.
"""

from functools import lru_cache

TOLERANCE = 1e-12


@lru_cache(maxsize=256)
def zero_day_threshold(stealth: float, persistence: float, discount: float) -> float:
    """The stakes threshold above which a resource is used (stakes uniform on [0, 1]);
    remembered, as each state asks it with the same exploits again and again.

    Examples
    --------
    >>> zero_day_threshold(stealth=0.9, persistence=0.5, discount=0.9)
    0.0
    >>> round(zero_day_threshold(stealth=0.1, persistence=0.99, discount=0.95), 3)
    0.689
    """
    for name, value in (("stealth", stealth), ("persistence", persistence)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be in [0, 1], got {value}")
    if not 0.0 <= discount < 1.0:
        raise ValueError(f"discount must be in [0, 1), got {discount}")
    if stealth >= persistence:
        return 0.0
    value = 0.0
    while True:
        threshold = min(1.0, discount * value * (persistence - stealth))
        updated = (
            threshold * discount * persistence * value
            + (1.0 - threshold**2) / 2.0
            + (1.0 - threshold) * discount * stealth * value
        )
        if abs(updated - value) < TOLERANCE:
            return float(min(1.0, discount * updated * (persistence - stealth)))
        value = updated


def use_zero_day(stakes: float, stealth: float, persistence: float, discount: float) -> bool:
    """Whether to spend the resource now, given the stakes of the moment."""
    return bool(stakes >= zero_day_threshold(stealth, persistence, discount))
