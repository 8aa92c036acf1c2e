"""The follow ties as one symmetric CSR matrix, built once and kept up to date in place.

Entry e of the matrix belongs to tie `entry_tie[e]`; its data is 1.0 while the tie is open
and 0.0 while it is closed. Blocking, shutdowns, outages and circumvention change the data
of the ties concerned and nothing else, so a step never rebuilds the matrix. Citizens come
first among accounts and each row's columns are sorted, so a citizen's contacts with other
citizens are the first entries of its row.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from cybergeo.dynamics.opinions import disjoint_pairs

REDRAWS = 3
"""Picks of a closed tie drawn again before choosing among the open ties directly."""
FEW_TIES_SHARE = 0.05
"""Below this share of the citizens' ties, counting over the marked citizens' own rows beats
an SpMV over all: a tie costs about ten times as much there (at 10^6 citizens, marking 5 %
of them takes half an SpMV's time, 10 % as long)."""


@dataclass
class OpenAdjacency:
    """Symmetric adjacency of all ties with their open state as data, and counts kept with
    it: each citizen's open contacts among citizens, and open ties per country."""

    matrix: sparse.csr_array
    entry_tie: np.ndarray
    tie_entries: np.ndarray
    citizens: int
    contacts_end: np.ndarray
    citizen_degree: np.ndarray
    open_ties: int
    ties_by_country: np.ndarray
    open_by_country: np.ndarray
    _rows: sparse.csr_array = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n, m = self.citizens, int(self.matrix.indptr[self.citizens])
        shape = (n, self.matrix.shape[1])
        parts = (self.matrix.data[:m], self.matrix.indices[:m], self.matrix.indptr[: n + 1])
        self._rows = sparse.csr_array(parts, shape=shape, copy=False)

    @classmethod
    def build(
        cls,
        n_accounts: int,
        citizens: int,
        src: np.ndarray,
        dst: np.ndarray,
        dst_country: np.ndarray,
    ) -> "OpenAdjacency":
        """All ties open, in one COO→CSR conversion whose data carries each entry's tie:
        t + 1 on the entry of row src, -(t + 1) on the entry of row dst."""
        n_ties = len(src)
        index = np.int32 if 2 * n_ties < np.iinfo(np.int32).max else np.int64
        label = np.arange(1, n_ties + 1, dtype=index)
        ends = (np.concatenate([src, dst]), np.concatenate([dst, src]))
        labels = np.concatenate([label, np.negative(label)])
        del label
        matrix = sparse.csr_array((labels, ends), shape=(n_accounts,) * 2)
        del ends, labels
        matrix.sort_indices()
        side = (matrix.data < 0).astype(np.int8)
        entry_tie = np.abs(matrix.data).astype(index) - 1
        tie_entries = np.empty((n_ties, 2), dtype=index)
        tie_entries[entry_tie, side] = np.arange(len(entry_tie), dtype=index)
        del side
        among = np.concatenate([[0], np.cumsum(matrix.indices < citizens, dtype=index)])
        rows = matrix.indptr[: citizens + 1]
        contacts = (among[rows[1:]] - among[rows[:-1]]).astype(np.int32)
        del among
        matrix.data = np.ones(len(entry_tie), dtype=np.float32)
        by_country = np.bincount(dst_country)
        return cls(
            matrix=matrix,
            entry_tie=entry_tie,
            tie_entries=tie_entries,
            citizens=citizens,
            contacts_end=matrix.indptr[:citizens] + contacts,
            citizen_degree=contacts,
            open_ties=n_ties,
            ties_by_country=by_country,
            open_by_country=by_country.copy(),
        )

    def set_open(
        self,
        ties: np.ndarray,
        now_open: np.ndarray,
        src: np.ndarray,
        dst: np.ndarray,
        dst_country: np.ndarray,
    ) -> None:
        """Open or close `ties` (each of which changes state), in time proportional to them."""
        if len(ties) == 0:
            return
        self.matrix.data[self.tie_entries[ties].ravel()] = np.repeat(now_open, 2)
        delta = np.where(now_open, 1, -1).astype(np.int32)
        self.open_ties += int(delta.sum())
        np.add.at(self.open_by_country, dst_country[ties], delta)
        a, b = src[ties], dst[ties]
        among = (a < self.citizens) & (b < self.citizens)
        ends, change = np.concatenate([a[among], b[among]]), np.tile(delta[among], 2)
        if len(ends) > self.citizens // 8:
            self.citizen_degree += np.bincount(ends, change, self.citizens).astype(np.int32)
        else:
            np.add.at(self.citizen_degree, ends, change)

    def ties_of(self, accounts: np.ndarray) -> np.ndarray:
        """The ties of some accounts (each tie once per end listed)."""
        starts, ends = self.matrix.indptr[accounts], self.matrix.indptr[accounts + 1]
        return self.entry_tie[_ranges(starts, ends)]

    def count_among_contacts(self, marked: np.ndarray) -> np.ndarray:
        """For each citizen, how many of its open contacts among citizens are `marked` (one
        bool per citizen). The matrix is symmetric, so when the marked are few their own rows
        give the counts, in time proportional to their ties; otherwise one SpMV."""
        who = np.flatnonzero(marked)
        starts, ends = self.matrix.indptr[who], self.contacts_end[who]
        if int((ends - starts).sum()) < FEW_TIES_SHARE * self._rows.nnz:
            entries = _ranges(starts, ends)
            counts = np.bincount(
                self.matrix.indices[entries], self.matrix.data[entries], self.citizens
            )
            return counts.astype(np.float32)
        padded = np.zeros(self.matrix.shape[1], dtype=np.float32)
        padded[: self.citizens] = marked
        return self._rows @ padded

    def contact_pairs(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Disjoint pairs of citizens in conversation: each citizen with an open contact, in
        random order, picks one of its open contacts at random; a pair is kept when neither
        was named before."""
        speakers = np.flatnonzero(self.citizen_degree > 0)
        listeners = self.matrix.indices[self._pick_open(speakers, rng)]
        return disjoint_pairs(speakers, listeners, self.citizens, rng)

    def _pick_open(self, speakers: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """For each speaker, the entry of one of its open contacts, uniformly: a pick that
        falls on a closed tie is drawn again, a few times, then made among the open ones."""
        starts = self.matrix.indptr[speakers]
        spans = self.contacts_end[speakers] - starts
        picks = starts + (rng.random(len(speakers)) * spans).astype(starts.dtype)
        again = np.flatnonzero(self.matrix.data[picks] == 0)
        for _ in range(REDRAWS):
            if len(again) == 0:
                return picks
            draws = (rng.random(len(again)) * spans[again]).astype(starts.dtype)
            picks[again] = starts[again] + draws
            again = again[self.matrix.data[picks[again]] == 0]
        if len(again):
            entries = _ranges(starts[again], self.contacts_end[speakers[again]])
            owner = np.repeat(np.arange(len(again)), spans[again])
            open_ = self.matrix.data[entries] > 0
            entries, owner = entries[open_], owner[open_]
            first = np.searchsorted(owner, np.arange(len(again)))
            counts = self.citizen_degree[speakers[again]]
            picks[again] = entries[first + (rng.random(len(again)) * counts).astype(np.int64)]
        return picks

    def contacts_of(self, citizen: int) -> np.ndarray:
        """A citizen's open contacts among citizens."""
        start, end = self.matrix.indptr[citizen], self.contacts_end[citizen]
        return self.matrix.indices[start:end][self.matrix.data[start:end] > 0]


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """All positions in [starts[k], ends[k]) for every k, concatenated."""
    counts = ends - starts
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))
