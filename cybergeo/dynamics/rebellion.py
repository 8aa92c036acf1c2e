"""Epstein's civil violence Model I on a lattice, as NetLogo's Rebellion model implements it
(Epstein 2002, PNAS 99:7243; Wilensky 2004, NetLogo Rebellion).

Citizens and cops live on a torus of cells. Each tick every turtle acts once, one at a time
in a random order: it moves to a random cell within its vision (Euclidean radius) holding no
cop and no free citizen; a free citizen then turns active or quiet by Epstein's rule A; a
cop arrests one random active citizen it sees and moves to that cell. The arrested are
jailed for `random max_jail_term` ticks. At legitimacy 0.82 the result is punctuated
equilibrium: long quiet spells broken by outbursts; at 0.9 nobody ever acts; a sudden drop
in legitimacy sets off a large outburst.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cybergeo.dynamics.mobilisation import EPSTEIN_K

MOVE_TRIES = 12
"""Random cells tried before a turtle searches its whole vision for a free one."""


def neighbourhoods(size: int, vision: float) -> np.ndarray:
    """For each cell of a `size` × `size` torus (flat index), the cells within Euclidean
    distance `vision` of it, itself included (NetLogo's `patches in-radius vision`)."""
    reach = int(np.floor(vision))
    if size <= 2 * reach:
        raise ValueError(f"the torus must be wider than twice the vision, got {size}")
    offsets = [
        (dr, dc)
        for dr in range(-reach, reach + 1)
        for dc in range(-reach, reach + 1)
        if dr * dr + dc * dc <= vision * vision
    ]
    rows, cols = np.divmod(np.arange(size * size), size)
    return np.stack([((rows + dr) % size) * size + (cols + dc) % size for dr, dc in offsets], 1)


@dataclass
class Lattice:
    """The state of a Rebellion world: where each turtle is, who is active or jailed, and
    counts kept up to date as turtles act: per cell, the turtles that keep others out (cops
    and free citizens), and the cops and active citizens within vision of it."""

    neighbourhood: np.ndarray
    citizen_cell: np.ndarray
    cop_cell: np.ndarray
    hardship: np.ndarray
    risk_aversion: np.ndarray
    active: np.ndarray
    jail: np.ndarray
    blocking_at: np.ndarray
    cops_seen: np.ndarray
    actives_seen: np.ndarray

    @classmethod
    def populate(
        cls,
        size: int,
        citizen_density: float,
        cop_density: float,
        vision: float,
        rng: np.random.Generator,
    ) -> "Lattice":
        """Cops then citizens, each on its own random empty cell; random hardship and risk
        aversion (NetLogo's `setup`)."""
        cells = size * size
        n_cops, n_citizens = round(cop_density * cells), round(citizen_density * cells)
        if n_cops + n_citizens > cells:
            raise ValueError("citizen and cop densities must add up to at most 1")
        places = rng.permutation(cells)
        cop_cell, citizen_cell = places[:n_cops], places[n_cops : n_cops + n_citizens]
        neighbourhood = neighbourhoods(size, vision)
        cops_at = np.bincount(cop_cell, minlength=cells)
        return cls(
            neighbourhood=neighbourhood,
            citizen_cell=citizen_cell.copy(),
            cop_cell=cop_cell.copy(),
            hardship=rng.random(n_citizens),
            risk_aversion=rng.random(n_citizens),
            active=np.zeros(n_citizens, dtype=bool),
            jail=np.zeros(n_citizens, dtype=np.int64),
            blocking_at=cops_at + np.bincount(citizen_cell, minlength=cells),
            cops_seen=cops_at[neighbourhood].sum(axis=1),
            actives_seen=np.zeros(cells, dtype=np.int64),
        )

    def move(self, cell: int, draws: np.ndarray) -> int:
        """A random cell within vision holding no cop and no free citizen, or `cell`.

        Cells in vision are drawn until one is free (rejection sampling, uniform over the
        free cells), with a full search after `len(draws) - 1` misses.
        """
        seen = self.neighbourhood[cell]
        target = -1
        for draw in draws[:-1]:
            candidate = int(seen[int(draw * len(seen))])
            if self.blocking_at[candidate] == 0:
                target = candidate
                break
        else:
            free = seen[self.blocking_at[seen] == 0]
            if not len(free):
                return cell
            target = int(free[int(draws[-1] * len(free))])
        self.blocking_at[cell] -= 1
        self.blocking_at[target] += 1
        return target

    def citizen_acts(
        self, i: int, draws: np.ndarray, legitimacy: float, k: float, threshold: float
    ) -> None:
        """Rule M, then rule A with NetLogo's estimate P = 1 − exp(−k·⌊C/A⌋), where C counts
        the cops in vision and A is 1 plus the active citizens in vision (the citizen
        itself among them when it is active)."""
        was_active = bool(self.active[i])
        old = int(self.citizen_cell[i])
        cell = self.move(old, draws)
        self.citizen_cell[i] = cell
        if was_active and cell != old:
            self.actives_seen[self.neighbourhood[old]] -= 1
            self.actives_seen[self.neighbourhood[cell]] += 1
        cops, actives = int(self.cops_seen[cell]), 1 + int(self.actives_seen[cell])
        perceived = 1.0 - math.exp(-k * (cops // actives))
        active = (
            self.hardship[i] * (1.0 - legitimacy) - self.risk_aversion[i] * perceived > threshold
        )
        if active != was_active:
            self.active[i] = active
            self.actives_seen[self.neighbourhood[cell]] += 1 if active else -1

    def cop_acts(
        self, j: int, draws: np.ndarray, max_jail_term: int, rng: np.random.Generator
    ) -> None:
        """Rule M, then rule C: arrest one random active citizen in vision (each equally
        likely) and move to its cell."""
        old = int(self.cop_cell[j])
        cell = self.move(old, draws)
        if self.actives_seen[cell] > 0:
            hot = np.flatnonzero(self.active)
            hot = hot[np.isin(self.citizen_cell[hot], self.neighbourhood[cell])]
            suspect = int(hot[int(rng.integers(len(hot)))])
            target = int(self.citizen_cell[suspect])
            self.active[suspect] = False
            self.actives_seen[self.neighbourhood[target]] -= 1
            self.jail[suspect] = int(rng.integers(max_jail_term))
            if self.jail[suspect] > 0:
                self.blocking_at[target] -= 1
            self.blocking_at[cell] -= 1
            self.blocking_at[target] += 1
            cell = target
        if cell != old:
            self.cops_seen[self.neighbourhood[old]] -= 1
            self.cops_seen[self.neighbourhood[cell]] += 1
            self.cop_cell[j] = cell

    def serve_time(self) -> None:
        """Jail terms shorten by one tick; the released keep others out of their cell again."""
        jailed = self.jail > 0
        self.jail[jailed] -= 1
        released = jailed & (self.jail == 0)
        np.add.at(self.blocking_at, self.citizen_cell[released], 1)


def civil_violence(
    legitimacy: float | Sequence[float],
    steps: int,
    rng: np.random.Generator,
    size: int = 40,
    citizen_density: float = 0.7,
    cop_density: float = 0.04,
    vision: float = 7,
    max_jail_term: int = 30,
    threshold: float = 0.1,
    k: float = EPSTEIN_K,
) -> np.ndarray:
    """Epstein's Model I as NetLogo's Rebellion runs it, on a `size` × `size` torus; returns
    the share of citizens active after each tick. `legitimacy` is a number or one value per
    tick (a sudden drop, a slow decline).

    Examples
    --------
    >>> quiet = civil_violence(0.9, 30, np.random.default_rng(0), size=15)
    >>> float(quiet.max())
    0.0
    """
    schedule = np.broadcast_to(np.asarray(legitimacy, dtype=float), (steps,))
    world = Lattice.populate(size, citizen_density, cop_density, vision, rng)
    n_citizens, n_cops = len(world.citizen_cell), len(world.cop_cell)
    shares = np.empty(steps)
    for tick in range(steps):
        draws = rng.random((n_citizens + n_cops, MOVE_TRIES + 1))
        for turtle in rng.permutation(n_citizens + n_cops).tolist():
            if turtle >= n_citizens:
                world.cop_acts(turtle - n_citizens, draws[turtle], max_jail_term, rng)
            elif world.jail[turtle] == 0:
                world.citizen_acts(turtle, draws[turtle], float(schedule[tick]), k, threshold)
        world.serve_time()
        shares[tick] = world.active.mean()
    return shares
