"""The scenario section `supply_chain`: vendor software, poisoned updates and leaked exploits.

NotPetya (2017): a state poisons the update of a vendor's product, so the wiper reaches every
organisation that runs it, at home and abroad, and spreads inside their networks through a
state exploit leaked earlier. Empty by default, so scenarios without it are unchanged.
"""

from typing import Annotated

from pydantic import Field

from cybergeo.scenario.spec import Identifier, Probability, Rate, Spec


class Customer(Spec):
    """Organisations of one country that run a product (a multinational counts where it books
    its losses, even when the product runs in its office abroad)."""

    country: Identifier
    organisations: Annotated[int, Field(ge=1, le=10_000_000)]
    hosts: Annotated[float, Field(gt=0.0, le=1e7)] = Field(
        100.0, description="machines on each organisation's network"
    )
    loss_per_host: Annotated[float, Field(ge=0.0)] = Field(
        1.0, description="loss when one machine is wiped (thousand US$)"
    )


class Product(Spec):
    """Software shipped with updates from a vendor's server to its customers."""

    id: Identifier
    vendor: Identifier = Field(description="the firm or state shipping the updates")
    country: Identifier = Field(description="where the update server runs")
    customers: Annotated[list[Customer], Field(min_length=1)]
    governments: list[Identifier] = Field(
        [], description="states whose government network depends on the product"
    )
    uptake: Probability = Field(
        0.8, description="share of customer organisations that install a poisoned update"
    )


class SupplyChainAttack(Spec):
    """A state poisons a product's update on a given step (the compromise itself is given)."""

    step: Annotated[int, Field(ge=1)]
    author: Identifier = Field(description="the state behind it")
    product: Identifier
    persona: str | None = Field(
        None, description="the criminal it poses as; its clues then frame an unknown actor"
    )


class ExploitLeak(Spec):
    """A state's exploits for a system are dumped in public (the Shadow Brokers pattern)."""

    step: Annotated[int, Field(ge=1)]
    leaker: Identifier = Field(description="who dumps them (any name)")
    holder: Identifier = Field(description="the state whose exploits they are")
    system: Identifier = Field("OS", description="the system the exploits open")


class SupplyChainSpec(Spec):
    """Products, attacks on their updates, exploit leaks, and how far a wiper spreads."""

    products: list[Product] = []
    attacks: list[SupplyChainAttack] = []
    exploit_leaks: list[ExploitLeak] = []
    credential_spread: Probability = Field(
        0.3, description="share of an infected organisation's machines reached with stolen logins"
    )
    exploit_spread: Probability = Field(
        0.6, description="share of the rest reached through a leaked, unpatched exploit"
    )
    patch_deployment: Rate = Field(
        0.01, description="share of unpatched machines patched per step after an exploit leak"
    )
