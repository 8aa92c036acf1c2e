"""Whistleblowers: insiders who leak when exposure to abuse outweighs the risk."""

import mesa

from cybergeo.scenario.schema import Insider

EXPOSURE_SCALE = 60.0
"""Steps of exposure to a running programme at which conscience weighs fully."""


def leak_pressure(conscience: float, exposure: float) -> float:
    """What pushes an insider to speak: conscience times accumulated exposure (saturating)."""
    return conscience * min(1.0, exposure / EXPOSURE_SCALE)


def perceived_risk(protection: float, asylum_options: float) -> float:
    """What holds them back: prosecution, lowered by legal protection and a way out abroad."""
    return (1.0 - protection) * (1.0 - 0.5 * asylum_options)


class Whistleblower(mesa.Agent):
    """An insider in a state agency or a firm, exposed to the surveillance it runs."""

    def __init__(self, model: mesa.Model, spec: Insider) -> None:
        super().__init__(model)
        self.spec = spec
        self.exposure = 0.0
        self.leaked = False

    @property
    def name(self) -> str:
        return self.spec.id

    def witness(self, abuse: bool) -> None:
        """Exposure grows each step the employer runs or serves a surveillance programme."""
        if abuse and not self.leaked:
            self.exposure += 1.0

    def decides_to_leak(self) -> bool:
        """Leak when pressure outweighs perceived risk (with a little chance each step)."""
        if self.leaked:
            return False
        spec = self.spec
        margin = leak_pressure(spec.conscience, self.exposure) - perceived_risk(
            spec.protection, spec.asylum_options
        )
        return bool(margin > 0 and self.rng.random() < min(1.0, 0.2 + margin))
