"""Publishers: intermediaries that put leaked cables online, hosted and paid through firms."""

import mesa
import numpy as np

from cybergeo.scenario.publishing import Publisher


class PublisherAgent(mesa.Agent):
    """A publisher: the hosting firm its site runs on (the first of its list still willing),
    the payment firms still taking its donations, and the mirrors volunteers run.

    `account` is its account in the semantic stratum; `mirrors` are citizen accounts (of the
    `citizens` there are): each mirror is one more place the cables are posted from.
    """

    def __init__(self, model: mesa.Model, spec: Publisher, account: int, citizens: int) -> None:
        super().__init__(model)
        self.spec = spec
        self.hosts = list(spec.hosts)
        self.payments = list(spec.payments)
        self.account = account
        self.citizens = citizens
        self.mirrors = np.zeros(0, dtype=np.int64)
        self.add_mirrors(spec.mirrors)

    @property
    def name(self) -> str:
        return self.spec.id

    @property
    def host(self) -> str | None:
        """The hosting firm the site runs on now, or None when no host will have it."""
        return self.hosts[0] if self.hosts else None

    def serving_firms(self) -> list[str]:
        """Every firm still serving it: its current host and its payment firms."""
        return [*self.hosts[:1], *self.payments]

    def dropped_by(self, firm: str) -> bool:
        """A firm stops serving it; returns whether that took its site off line (its last
        host left)."""
        if firm in self.payments:
            self.payments.remove(firm)
            return False
        self.hosts.remove(firm)
        return not self.hosts

    def add_mirrors(self, count: int) -> None:
        """Volunteers copy the site: `count` citizen accounts drawn at random become mirrors."""
        if count <= 0 or self.citizens == 0:
            return
        chosen = self.model.rng.integers(self.citizens, size=count)
        self.mirrors = np.union1d(self.mirrors, chosen)

    def outlets(self) -> np.ndarray:
        """Accounts the cables are posted from: the site (while hosted) and its mirrors."""
        site = [self.account] if self.host is not None else []
        return np.union1d(np.array(site, dtype=np.int64), self.mirrors)
