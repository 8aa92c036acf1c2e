"""Ties grouped by platform and the countries of their two ends.

Whether a tie is open depends, apart from circumvention at its ends, only on its class:
the platform's state and its blocking in the two countries. Keeping the ties sorted by
class lets a change of state reach just the ties it concerns.
"""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class TieClasses:
    """`order` lists the ties class by class; class k holds `order[bounds[k]:bounds[k+1]]`.
    Class k is platform `k // n²`, src country `(k // n) % n`, dst country `k % n`."""

    tie_class: np.ndarray
    order: np.ndarray
    bounds: np.ndarray
    n_countries: int
    state: np.ndarray
    last_changed: np.ndarray
    _ends: tuple[np.ndarray, np.ndarray, np.ndarray] = field(init=False, repr=False)
    """Each class's platform, src country and dst country."""
    _populated: np.ndarray = field(init=False, repr=False)
    """Whether each class holds any tie."""

    def __post_init__(self) -> None:
        k = np.arange(len(self.state))
        n = self.n_countries
        self._ends = (k // (n * n), (k // n) % n, k % n)
        self._populated = self.bounds[1:] > self.bounds[:-1]

    @classmethod
    def build(
        cls, platform: np.ndarray, src_country: np.ndarray, dst_country: np.ndarray, n: int
    ) -> "TieClasses":
        """Classes of the ties, all in the state of an intact, unblocked world."""
        n_platforms = int(platform.max(initial=0)) + 1
        n_classes = n_platforms * n * n
        dtype = np.int16 if n_classes <= np.iinfo(np.int16).max else np.int32
        tie_class = (platform.astype(dtype) * n + src_country) * n + dst_country
        tie_class = tie_class.astype(dtype)
        index = np.int32 if len(tie_class) < np.iinfo(np.int32).max else np.int64
        order = np.argsort(tie_class, kind="stable").astype(index)
        bounds = np.concatenate([[0], np.cumsum(np.bincount(tie_class, minlength=n_classes))])
        state = np.zeros((n_classes, 3), dtype=bool)
        state[:, 0] = True
        return cls(tie_class, order, bounds, n, state, np.empty(0, dtype=np.int64))

    def changed(self, reachable: np.ndarray, blocked: np.ndarray) -> np.ndarray:
        """Record each class's state; return the ties of classes whose state changed."""
        platform, src, dst = self._ends
        state = np.column_stack(
            [
                reachable[platform, src] & reachable[platform, dst],
                blocked[platform, src],
                blocked[platform, dst],
            ]
        )
        changed = np.flatnonzero((state != self.state).any(axis=1) & self._populated)
        self.state, self.last_changed = state, changed
        if len(changed) == 0:
            return np.empty(0, dtype=self.order.dtype)
        return np.concatenate([self.order[self.bounds[c] : self.bounds[c + 1]] for c in changed])

    def in_changed(self, ties: np.ndarray) -> np.ndarray:
        """Whether each tie belongs to a class that changed at the last `changed` call."""
        return np.isin(self.tie_class[ties], self.last_changed)
