"""The software stratum: systems hosted on hardware, depending on each other, with flaws."""

from dataclasses import dataclass, field

import numpy as np

from cybergeo.scenario.schema import FirmKind, Regime, Scenario
from cybergeo.world.hardware import Infrastructure
from cybergeo.world.strata import SOFTWARE_KINDS, VULNERABILITY_STATUSES, HardwareKind, SoftwareKind
from cybergeo.world.strata import VulnerabilityStatus as Status

NOBODY = -1
SERVICES = {
    FirmKind.HOSTING: (SoftwareKind.CLOUD_PLATFORM, "cloud"),
    FirmKind.PAYMENT: (SoftwareKind.PAYMENT_SERVICE, "pay"),
}
"""The service a hosting or payment firm runs, and the suffix of its name."""


@dataclass
class Systems:
    """Systems and their vulnerabilities as arrays.

    A system is up when its hosting holds (any host if redundant, every host otherwise), its
    dependencies are up and it is not `disrupted` by an attack; it is compromised when it or
    one of its suppliers is `breached`. Vulnerabilities live in flat
    arrays: the system they are in, their status and, for a zero-day, the actor who holds it.
    """

    name: list[str]
    kind: np.ndarray
    owner: list[str]
    country: np.ndarray
    hosts: list[np.ndarray]
    redundant: np.ndarray
    depends_on: list[np.ndarray]
    users: np.ndarray
    vuln_system: np.ndarray
    vuln_status: np.ndarray
    vuln_holder: np.ndarray
    disrupted: np.ndarray = field(init=False)
    breached: np.ndarray = field(init=False)
    compromised: np.ndarray = field(init=False)
    up: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.disrupted = np.zeros(len(self.name), dtype=bool)
        self.breached = np.zeros(len(self.name), dtype=bool)
        self.compromised = np.zeros(len(self.name), dtype=bool)
        self.up = np.ones(len(self.name), dtype=bool)

    def __len__(self) -> int:
        return len(self.name)

    def of_kind(self, kind: SoftwareKind) -> np.ndarray:
        return np.flatnonzero(self.kind == SOFTWARE_KINDS.index(kind))

    def first_of(self, country: int, kind: SoftwareKind) -> int | None:
        """The first system of a kind in a country (its government network, its ICS...)."""
        owned = [s for s in self.of_kind(kind) if self.country[s] == country]
        return int(owned[0]) if owned else None

    def exploitable(self, system: int, holder: int) -> np.ndarray:
        """Vulnerabilities of a system that `holder` can use: its zero-days and public flaws."""
        in_system = self.vuln_system == system
        zero_day = (self.vuln_status == _code(Status.ZERO_DAY)) & (self.vuln_holder == holder)
        public = self.vuln_status == _code(Status.PUBLIC)
        return np.flatnonzero(in_system & (zero_day | public))

    def has_public_flaw(self, system: int) -> bool:
        """Whether a system has a public, unpatched flaw anyone can use."""
        return bool(np.any((self.vuln_system == system) & self.status_is(Status.PUBLIC)))

    def status_is(self, status: Status) -> np.ndarray:
        return self.vuln_status == _code(status)

    def set_status(self, flaws: np.ndarray, status: Status, holder: int = NOBODY) -> None:
        self.vuln_status[flaws] = _code(status)
        self.vuln_holder[flaws] = holder

    def add_vulnerabilities(self, systems: np.ndarray) -> None:
        """New flaws, undiscovered, as software changes."""
        if len(systems) == 0:
            return
        self.vuln_system = np.concatenate([self.vuln_system, systems])
        self.vuln_status = np.concatenate(
            [self.vuln_status, np.full(len(systems), _code(Status.UNDISCOVERED), np.int8)]
        )
        self.vuln_holder = np.concatenate([self.vuln_holder, np.full(len(systems), NOBODY)])


def _code(status: Status) -> int:
    return VULNERABILITY_STATUSES.index(status)


def build_systems(scenario: Scenario, infrastructure: Infrastructure) -> Systems:
    """Generate the systems of every country and firm, and their initial vulnerabilities.

    Per country: a government network on a data centre and industrial control software on the
    control nodes, both owned by the state. Per platform firm: a cloud platform hosted
    redundantly on its home data centres and a social platform running on that cloud. Per
    security vendor: a security product. Per hosting firm, a cloud platform, and per payment
    firm, a payment service, each hosted redundantly at home. Per product of the supply chain,
    its update server on a data centre of its country; the government networks of the states
    that run it depend on it. Countries without a platform serving them get a
    national social platform. One operating system underlies every other system.
    """
    n_countries = len(scenario.countries)
    names: list[str] = []
    kinds: list[SoftwareKind] = []
    owners: list[str] = []
    country: list[int] = []
    hosts: list[np.ndarray] = []
    redundant: list[bool] = []
    depends: list[list[int]] = []
    users: list[np.ndarray] = []

    def add(
        name: str,
        kind: SoftwareKind,
        owner: str,
        home: int,
        on: np.ndarray,
        spare: bool,
        needs: list[int],
        reach: np.ndarray,
    ) -> int:
        names.append(name)
        kinds.append(kind)
        owners.append(owner)
        country.append(home)
        hosts.append(on.astype(np.int64))
        redundant.append(spare)
        depends.append(needs)
        users.append(reach)
        return len(names) - 1

    everyone = np.ones(n_countries)
    index = {c.id: i for i, c in enumerate(scenario.countries)}
    platform_firms = [f for f in scenario.firms if f.kind == FirmKind.PLATFORM]
    os_owner = platform_firms[0].id if platform_firms else scenario.countries[0].id
    os_home = index[platform_firms[0].home] if platform_firms else 0
    os_id = add(
        "OS", SoftwareKind.OPERATING_SYSTEM, os_owner, os_home, np.array([]), True, [], everyone
    )
    government: dict[int, int] = {}
    for c, spec in enumerate(scenario.countries):
        centres = infrastructure.nodes_of(c, HardwareKind.DATA_CENTRE)
        controls = infrastructure.nodes_of(c, HardwareKind.CONTROL_NODE)
        own = np.eye(n_countries)[c]
        government[c] = add(
            f"{spec.id}-gov",
            SoftwareKind.GOVERNMENT_NETWORK,
            spec.id,
            c,
            centres[:1],
            False,
            [os_id],
            own,
        )
        if len(controls):
            add(
                f"{spec.id}-ics",
                SoftwareKind.INDUSTRIAL_CONTROL,
                spec.id,
                c,
                controls,
                True,
                [os_id],
                own,
            )
    served = np.zeros(n_countries, dtype=bool)
    for firm in scenario.firms:
        home = index[firm.home]
        market = _market(scenario, firm.markets, index)
        centres = infrastructure.nodes_of(home, HardwareKind.DATA_CENTRE)
        if firm.kind == FirmKind.PLATFORM:
            cloud = add(
                f"{firm.id}-cloud",
                SoftwareKind.CLOUD_PLATFORM,
                firm.id,
                home,
                centres,
                True,
                [os_id],
                market,
            )
            add(
                firm.id,
                SoftwareKind.SOCIAL_PLATFORM,
                firm.id,
                home,
                np.array([]),
                True,
                [cloud],
                market,
            )
            served |= market > 0
        elif firm.kind == FirmKind.SECURITY_VENDOR:
            add(
                f"{firm.id}-av",
                SoftwareKind.SECURITY_PRODUCT,
                firm.id,
                home,
                centres[:1],
                False,
                [os_id],
                market,
            )
        elif firm.kind in SERVICES:
            kind, suffix = SERVICES[firm.kind]
            add(f"{firm.id}-{suffix}", kind, firm.id, home, centres, True, [os_id], market)
    for product in scenario.supply_chain.products:
        home = index[product.country]
        centres = infrastructure.nodes_of(home, HardwareKind.DATA_CENTRE)
        customers = _market(scenario, [c.country for c in product.customers], index)
        supplier = add(
            product.id,
            SoftwareKind.BUSINESS_SOFTWARE,
            product.vendor,
            home,
            centres[:1],
            False,
            [os_id],
            customers,
        )
        for state in product.governments:
            depends[government[index[state]]].append(supplier)
    for c, spec in enumerate(scenario.countries):
        authoritarian = spec.regime == Regime.AUTHORITARIAN
        if not served[c] or authoritarian:
            centres = infrastructure.nodes_of(c, HardwareKind.DATA_CENTRE)
            add(
                f"{spec.id}-net",
                SoftwareKind.SOCIAL_PLATFORM,
                spec.id,
                c,
                centres,
                True,
                [os_id],
                np.eye(n_countries)[c] * (3.0 if authoritarian else 1.0),
            )
    per_system = scenario.world.software.vulnerabilities_per_system
    vuln_system = np.repeat(np.arange(len(names)), per_system)
    return Systems(
        name=names,
        kind=np.array([SOFTWARE_KINDS.index(k) for k in kinds], dtype=np.int8),
        owner=owners,
        country=np.array(country, dtype=np.int64),
        hosts=hosts,
        redundant=np.array(redundant, dtype=bool),
        depends_on=[np.array(d, dtype=np.int64) for d in depends],
        users=np.array(users, dtype=float),
        vuln_system=vuln_system,
        vuln_status=np.full(len(vuln_system), _code(Status.UNDISCOVERED), np.int8),
        vuln_holder=np.full(len(vuln_system), NOBODY, dtype=np.int64),
    )


def _market(scenario: Scenario, markets: list[str], index: dict[str, int]) -> np.ndarray:
    reach = np.zeros(len(scenario.countries))
    reach[[index[m] for m in markets] if markets else slice(None)] = 1.0
    return reach
