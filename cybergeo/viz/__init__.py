"""Figures of runs and worlds (matplotlib object API, no global pyplot state)."""
