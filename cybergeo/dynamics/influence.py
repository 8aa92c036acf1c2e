"""Influence and counter-influence at two levels: abroad (embassies and ambassadors in a
host's public) and at home (a state's own media); civil society (NGOs); and the answers:
debunking, platform labels, regime counter-messaging, blocking.

The rules, with their reasons, are in docs/ODD.md (7.38-7.42). Each rule is a function of
plain arrays; `InfluenceCampaigns` holds the per-run state and is called by the model in
the decisions and information phases.
"""

from typing import TYPE_CHECKING

import numpy as np

from cybergeo.dynamics.information import Message, MessageKind
from cybergeo.dynamics.spread import independent_cascade
from cybergeo.view import ModelView
from cybergeo.world.strata import ACCOUNT_KINDS, AccountKind

if TYPE_CHECKING:
    from scipy import sparse

    from cybergeo.world.semantic import Accounts
    from cybergeo.world.software import Systems

TRACKED = (AccountKind.STATE_CHANNEL, AccountKind.MEDIA, AccountKind.EMBASSY, AccountKind.NGO)
"""Accounts whose reach and engagement are recorded."""
AUDIENCE_KINDS = (AccountKind.STATE_CHANNEL, AccountKind.EMBASSY, AccountKind.NGO)
"""Accounts whose open audience is recorded per country and platform."""


def receptive_pull(impact: float, trust: np.ndarray, attitude: np.ndarray) -> np.ndarray:
    """An ambassador's pull on host citizens' attitude to the sender: the more a citizen
    distrusts their own government, the more a foreign voice moves them.

    Examples
    --------
    >>> receptive_pull(0.1, np.array([0.2, 0.8]), np.array([0.5, 0.5])).round(3).tolist()
    [0.04, 0.01]
    """
    return impact * (1.0 - trust) * (1.0 - attitude)


def propaganda_pull(
    impact: float, trust: np.ndarray, circumvents: np.ndarray, label: np.ndarray, discount: float
) -> np.ndarray:
    """A state media post's pull on its own citizens' trust: less on a labelling platform,
    and `discount` of it lost on those who circumvent (they read the other side too).

    Examples
    --------
    >>> pull = propaganda_pull(0.1, np.full(2, 0.5), np.array([False, True]), np.zeros(2), 1.0)
    >>> pull.tolist()
    [0.05, 0.0]
    """
    return impact * (1.0 - label) * (1.0 - discount * circumvents) * (1.0 - trust)


def disinformation_loss(
    impact: float, label: np.ndarray, corrected: np.ndarray, debunking: float
) -> np.ndarray:
    """Share of trust disinformation takes from each citizen it reaches: cut by labels on
    the citizen's platform, and by `debunking` where a correction reaches them too.

    Examples
    --------
    >>> disinformation_loss(0.2, np.zeros(2), np.array([False, True]), 0.5).tolist()
    [0.2, 0.1]
    """
    return impact * (1.0 - label) * (1.0 - debunking * corrected)


def host_reaction(reaction: float, host_censorship: float, share_reached: float) -> float:
    """Tension an embassy post adds with its host: the wider its reach in the host's public
    and the more the host controls its media, the more the host takes offence.

    Examples
    --------
    >>> host_reaction(0.5, 0.8, 0.1)
    0.04000000000000001
    """
    return reaction * host_censorship * share_reached


class InfluenceCampaigns:
    """Who speaks to which public in one run, what they reach, and the answers they get."""

    def __init__(self, model: ModelView) -> None:
        self.model = model
        self.spec = model.spec.influence
        accounts, systems = model.world.accounts, model.world.systems
        n = model.world.accounts.n_citizens
        firm_of = {p: systems.owner[p] for p in range(len(systems))}
        self.label = np.array(
            [self.spec.labels.get(firm_of.get(int(p), ""), 0.0) for p in accounts.platform[:n]]
        )
        self.embassies = {
            e.id: accounts.account(AccountKind.EMBASSY, e.id) for e in self.spec.embassies
        }
        self.ngos = {g.id: accounts.account(AccountKind.NGO, g.id) for g in self.spec.ngos}
        self.checkers = {
            model.country_index[g.home]: self.ngos[g.id]
            for g in self.spec.ngos
            if g.campaign == "factcheck"
        }
        self.tracked = {
            int(a): f"{ACCOUNT_KINDS[accounts.kind[a]].value}.{accounts.owner[a]}"
            for a in np.flatnonzero(
                np.isin(accounts.kind, [ACCOUNT_KINDS.index(k) for k in TRACKED])
            )
        }
        self.followers = {a: _followers(accounts, a) for a in self.tracked}
        self.audiences = {
            name: ties
            for a, label in self.tracked.items()
            if ACCOUNT_KINDS[accounts.kind[a]] in AUDIENCE_KINDS
            for name, ties in _audiences(accounts, systems, a, label, model.countries).items()
        }
        self.reach = dict.fromkeys(self.tracked, 0)
        self.engagement = dict.fromkeys(self.tracked, 0)
        self.answers: list[Message] = []

    # ---------------------------------------------------------------- phase 2: posting
    def post(self) -> None:
        """Embassies, state media and campaigning NGOs post; last step's counter-messages go
        out."""
        model, rng = self.model, self.model.rng
        model.messages.extend(self.answers)
        self.answers = []
        for embassy in self.spec.embassies:
            if rng.random() < embassy.post_rate:
                sender = model.country_index[embassy.sender]
                model.messages.append(
                    Message(
                        MessageKind.DIPLOMACY,
                        self.embassies[embassy.id],
                        sender,
                        model.country_index[embassy.host],
                        embassy.impact,
                    )
                )
                model.count("ambassador_posts")
        for campaign in self.spec.propaganda:
            if rng.random() < campaign.post_rate:
                self._propaganda(model.country_index[campaign.state], campaign.impact)
        for ngo in self.spec.ngos:
            if ngo.campaign == "liberties" and rng.random() < ngo.post_rate:
                about = model.country_index[ngo.target or ngo.home]
                model.messages.append(
                    Message(MessageKind.ADVOCACY, self.ngos[ngo.id], about, about, ngo.impact)
                )
                model.count("advocacy_posts")

    def _propaganda(self, state: int, impact: float) -> None:
        model = self.model
        source = model.world.accounts.account(AccountKind.MEDIA, model.countries[state])
        model.messages.append(Message(MessageKind.PROPAGANDA, source, state, state, impact))
        model.count("propaganda_posts")

    # ---------------------------------------------------------------- phase 4: effects
    def moves(self, message: Message, reached: np.ndarray, adjacency: "sparse.csr_array") -> bool:
        """Apply the message's effect if it is one of influence (an embassy post,
        propaganda, advocacy, or disinformation met by counter-influence); record the
        source's reach. Returns False for messages the model's general rule handles."""
        model, citizens = self.model, self.model.citizens
        hit = reached[: len(citizens)]
        if message.source in self.tracked:
            self.reach[message.source] += int(hit.sum())
            beyond = hit & ~self.followers[message.source][: len(citizens)]
            self.engagement[message.source] += int(beyond.sum())
        accounts = model.world.accounts
        if message.kind == MessageKind.DIPLOMACY and message.source in self.embassies.values():
            self._ambassador(message, hit)
        elif message.kind == MessageKind.PROPAGANDA:
            own = hit & (citizens.country == message.audience)
            pull = propaganda_pull(
                message.impact,
                citizens.trust_government[own],
                accounts.circumvents[: len(citizens)][own],
                self.label[own],
                self.spec.circumventer_discount,
            )
            citizens.trust_government[own] += pull
        elif message.kind == MessageKind.ADVOCACY:
            own = hit & (citizens.country == message.about)
            citizens.trust_government[own] *= 1.0 - message.impact
            aware = citizens.privacy_awareness
            aware[hit] += message.impact * (1.0 - aware[hit])
        elif message.kind == MessageKind.DISINFORMATION and self.spec.configured():
            self._disinformation(message, hit, adjacency)
        else:
            return False
        return True

    def _ambassador(self, message: Message, hit: np.ndarray) -> None:
        """Host citizens warm to the sender as they distrust their own government; other
        foreigners as to any digital diplomacy; the host takes offence and may answer."""
        model, citizens = self.model, self.model.citizens
        host, sender = int(message.audience or 0), message.about
        in_host = hit & (citizens.country == host)
        others = hit & (citizens.country != host) & (citizens.country != sender)
        attitude = citizens.attitude
        attitude[in_host, sender] += receptive_pull(
            message.impact, citizens.trust_government[in_host], attitude[in_host, sender]
        )
        attitude[others, sender] += message.impact * (1.0 - attitude[others, sender])
        hosts = max(1, int(np.count_nonzero(citizens.country == host)))
        share = float(in_host.sum()) / hosts
        shock = host_reaction(self.spec.host_reaction, model.states[host].censorship, share)
        model.relations.shock(host, sender, shock)
        owner = model.world.accounts.owner[message.source]
        model.emit(
            "ambassador_post",
            owner,
            model.countries[host],
            detail=f"reached {int(in_host.sum())} of {hosts} host citizens",
        )
        if self.spec.counter_messaging and model.rng.random() < self.spec.counter_messaging:
            source = model.world.accounts.account(AccountKind.MEDIA, model.countries[host])
            self.answers.append(Message(MessageKind.PROPAGANDA, source, host, host, message.impact))
            model.emit("counter_messaging", model.countries[host], owner)

    def _disinformation(
        self, message: Message, hit: np.ndarray, adjacency: "sparse.csr_array"
    ) -> None:
        """Disinformation aimed at a public, answered by a correction from its fact-checker
        (or its media) and dulled by labels on the platforms that label state media."""
        model, citizens = self.model, self.model.citizens
        audience = int(message.audience if message.audience is not None else message.about)
        corrected = np.zeros(len(citizens), dtype=bool)
        if self.spec.debunking:
            checker = self.checkers.get(audience)
            if checker is None:
                checker = model.world.accounts.account(AccountKind.MEDIA, model.countries[audience])
            correction = independent_cascade(
                adjacency.indptr,
                adjacency.indices,
                model.spec.information.transmissibility,
                np.array([checker]),
                model.rng,
                adjacency.data,
            )
            corrected = correction[: len(citizens)]
            model.count("corrections")
            model.emit("debunking", model.world.accounts.owner[checker], model.countries[audience])
        targeted = hit & (citizens.country == audience)
        loss = disinformation_loss(
            message.impact, self.label[targeted], corrected[targeted], self.spec.debunking
        )
        trust = citizens.trust_government[targeted]
        citizens.trust_government[targeted] = trust * (1.0 - loss * (1.0 - trust))

    # ---------------------------------------------------------------- phase 8: record
    def metrics(self) -> dict[str, float]:
        """Reach and engagement per account this step; each account's open audience per
        country and platform; standing among all hosts, and among those whose trust in their
        government is now below, or at or above, the host's mean; trust of those who
        circumvent and those who do not."""
        model, citizens = self.model, self.model.citizens
        accounts = model.world.accounts
        values: dict[str, float] = {
            name: float(model.counted(name))
            for name in ("ambassador_posts", "propaganda_posts", "advocacy_posts", "corrections")
        }
        for account, label in self.tracked.items():
            values[f"account_reach.{label}"] = self.reach[account]
            values[f"account_engagement.{label}"] = self.engagement[account]
            self.reach[account] = self.engagement[account] = 0
        for name, ties in self.audiences.items():
            values[name] = float(accounts.open[ties].mean())
        for embassy in self.spec.embassies:
            sender, host = model.country_index[embassy.sender], model.country_index[embassy.host]
            in_host = citizens.country == host
            trust = citizens.trust_government
            low = trust < trust[in_host].mean()
            pair = f"{embassy.sender}.{embassy.host}"
            values[f"standing_in_host.{pair}"] = float(citizens.attitude[in_host, sender].mean())
            for group, mask in (("low_trust", low), ("high_trust", ~low)):
                chosen = in_host & mask
                standing = citizens.attitude[chosen, sender].mean() if chosen.any() else np.nan
                values[f"standing_{group}.{pair}"] = float(standing)
        circumvents = accounts.circumvents[: len(citizens)]
        for campaign in self.spec.propaganda:
            own = citizens.country == model.country_index[campaign.state]
            for group, mask in (("circumventers", circumvents), ("others", ~circumvents)):
                chosen = own & mask
                mean = citizens.trust_government[chosen].mean() if chosen.any() else np.nan
                values[f"trust_{group}.{campaign.state}"] = float(mean)
        return values


def _followers(accounts: "Accounts", account: int) -> np.ndarray:
    """Boolean mask over accounts: those tied to `account`."""
    mask = np.zeros(len(accounts.kind), dtype=bool)
    mask[accounts.tie_dst[accounts.tie_src == account]] = True
    mask[accounts.tie_src[accounts.tie_dst == account]] = True
    return mask


def _audiences(
    accounts: "Accounts", systems: "Systems", account: int, label: str, countries: list[str]
) -> dict[str, np.ndarray]:
    """An account's follower ties grouped by the follower's country and platform, each
    group under its metric name (`audience.<kind>.<owner>.<country>.<platform>`)."""
    ties = np.flatnonzero(accounts.tie_src == account)
    groups: dict[str, np.ndarray] = {}
    for country, platform in sorted(
        {(int(accounts.tie_dst_country[t]), int(accounts.tie_platform[t])) for t in ties}
    ):
        chosen = ties[
            (accounts.tie_dst_country[ties] == country) & (accounts.tie_platform[ties] == platform)
        ]
        groups[f"audience.{label}.{countries[country]}.{systems.name[platform]}"] = chosen
    return groups
