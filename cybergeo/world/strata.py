"""The vocabulary of the three strata: what kinds of nodes each holds."""

from enum import StrEnum


class Stratum(StrEnum):
    """The three layers of cyberspace (after Kempf): material, logical, informational."""

    HARDWARE = "hardware"
    SOFTWARE = "software"
    SEMANTIC = "semantic"


class HardwareKind(StrEnum):
    IXP = "ixp"
    BACKBONE_ROUTER = "backbone_router"
    DATA_CENTRE = "data_centre"
    LANDING_STATION = "landing_station"
    CONTROL_NODE = "control_node"


class SoftwareKind(StrEnum):
    OPERATING_SYSTEM = "operating_system"
    CLOUD_PLATFORM = "cloud_platform"
    SOCIAL_PLATFORM = "social_platform"
    GOVERNMENT_NETWORK = "government_network"
    INDUSTRIAL_CONTROL = "industrial_control"
    SECURITY_PRODUCT = "security_product"


class AccountKind(StrEnum):
    CITIZEN = "citizen"
    STATE_CHANNEL = "state_channel"
    MEDIA = "media"
    FIRM = "firm"
    GROUP = "group"
    EMBASSY = "embassy"
    NGO = "ngo"


class VulnerabilityStatus(StrEnum):
    """Life cycle of a flaw: nobody knows it, one actor holds it, everyone knows, fixed."""

    UNDISCOVERED = "undiscovered"
    ZERO_DAY = "zero_day"
    PUBLIC = "public"
    PATCHED = "patched"


HARDWARE_KINDS = list(HardwareKind)
SOFTWARE_KINDS = list(SoftwareKind)
ACCOUNT_KINDS = list(AccountKind)
VULNERABILITY_STATUSES = list(VulnerabilityStatus)
