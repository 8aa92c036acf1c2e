"""Cross-references between scenario sections: every name must point at something that exists.

Checked on the merged raw data (before schema validation) so that dangling references are
reported together with type errors, not only once those are fixed.
"""

from collections.abc import Iterator
from typing import Any

from cybergeo.scenario.governance import governance_references
from cybergeo.scenario.influence import influence_references
from cybergeo.scenario.schema import Scenario
from cybergeo.scenario.uprisings import uprising_references

Location = tuple[str | int, ...]


def check_references(raw: dict[str, Any]) -> list[tuple[Location, str]]:
    """Each dangling or duplicated name, as (location in the scenario, message)."""
    defaults = Scenario.model_fields
    countries = _items(raw, "countries", defaults["countries"].default)
    firms = _items(raw, "firms", [])
    groups = _items(raw, "groups", [])
    insiders = _items(raw, "insiders", [])
    country_ids = _ids(countries)
    firm_ids = _ids(firms)
    actor_ids = country_ids | firm_ids | _ids(groups) | _ids(insiders)
    return [
        *_duplicates(
            {"countries": countries, "firms": firms, "groups": groups, "insiders": insiders}
        ),
        *_dangling(countries, "countries", ("allies", "rivals"), country_ids, "country"),
        *_dangling(firms, "firms", ("home", "markets"), country_ids, "country"),
        *_dangling(groups, "groups", ("home", "sponsor"), country_ids, "country"),
        *_dangling(insiders, "insiders", ("employer",), country_ids | firm_ids, "country or firm"),
        *_dangling(_items(raw, "events", []), "events", ("actor",), actor_ids, "actor"),
        *_event_targets(_items(raw, "events", []), country_ids, firm_ids, actor_ids),
        *_hardware(raw, country_ids, firm_ids),
        *governance_references(raw, country_ids, firm_ids),
        *influence_references(raw, country_ids, firm_ids),
        *uprising_references(raw, country_ids),
    ]


def _hardware(
    raw: dict[str, Any], countries: set[str], firms: set[str]
) -> Iterator[tuple[Location, str]]:
    """Named nodes sit in known countries; cables end in known countries or named nodes."""
    world = raw.get("world")
    hardware = world.get("hardware") if isinstance(world, dict) else None
    if not isinstance(hardware, dict):
        return
    nodes = _items(hardware, "nodes", [])
    prefix: Location = ("world", "hardware")
    for index, node in enumerate(nodes):
        for key, known, what in (
            ("country", countries, "country"),
            ("owner", countries | firms, "owner"),
        ):
            value = node.get(key)
            if isinstance(value, str) and value not in known:
                yield (*prefix, "nodes", index, key), f"unknown {what} '{value}'"
    ends_known = countries | _ids(nodes)
    for index, cable in enumerate(_items(hardware, "cables", [])):
        ends = cable.get("ends")
        for position, end in enumerate(ends if isinstance(ends, list) else []):
            if isinstance(end, str) and end not in ends_known:
                loc: Location = (*prefix, "cables", index, "ends", position)
                yield loc, f"unknown country or node '{end}'"


def _event_targets(
    events: list[dict[str, Any]], countries: set[str], firms: set[str], actors: set[str]
) -> Iterator[tuple[Location, str]]:
    """What each kind of scheduled event must name as its actor and target."""
    needs = {
        "cable_cut": ("target", countries, "country"),
        "censorship": ("actor", countries, "country"),
        "platform_shutdown": ("target", countries | firms, "country or platform firm"),
        "false_flag_campaign": ("actor", countries, "country"),
        "agreement": ("actor", countries, "country"),
    }
    for index, event in enumerate(events):
        rule = needs.get(str(event.get("kind")))
        if rule is None:
            continue
        key, known, what = rule
        value = event.get(key)
        if not isinstance(value, str) or value not in known:
            yield ("events", index, key), f"a {event['kind']} event needs a {what} as {key}"
    for index, event in enumerate(events):
        target = event.get("target")
        if event.get("kind") == "false_flag_campaign" and target not in actors:
            yield ("events", index, "target"), "a false_flag_campaign needs an actor to frame"
        if event.get("kind") == "agreement" and target not in countries:
            yield ("events", index, "target"), "an agreement event needs a country as target"


def _items(raw: dict[str, Any], key: str, default: list[Any]) -> list[dict[str, Any]]:
    value = raw.get(key)
    if value is None:
        return [item.model_dump() for item in default]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _ids(items: list[dict[str, Any]]) -> set[str]:
    return {str(item["id"]) for item in items if "id" in item}


def _duplicates(sections: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[Location, str]]:
    seen: dict[str, str] = {}
    for section, items in sections.items():
        for index, item in enumerate(items):
            name = item.get("id")
            if not isinstance(name, str):
                continue
            if name in seen:
                yield (
                    (section, index, "id"),
                    f"'{name}' is already the id of one of the {seen[name]}",
                )
            seen[name] = section


def _dangling(
    items: list[dict[str, Any]], section: str, keys: tuple[str, ...], known: set[str], what: str
) -> Iterator[tuple[Location, str]]:
    for index, item in enumerate(items):
        for key in keys:
            value = item.get(key)
            names = value if isinstance(value, list) else [value]
            for position, name in enumerate(names):
                if isinstance(name, str) and name not in known:
                    loc: Location = (section, index, key)
                    if isinstance(value, list):
                        loc = (*loc, position)
                    choices = ", ".join(sorted(known)) or "none defined"
                    yield loc, f"unknown {what} '{name}' (known: {choices})"
