"""Dotted parameter paths (`countries.Eastmark.doctrine.attribution_threshold`): parse them,
check them against the scenario's ids, and set them.

Used by `--set`, `--vary`, experiment parameters and `load_scenario` overrides alike. A path
segment inside a list names an item by its `id` (or its index); an id that is not there is
an error naming the closest one, so a typo never creates a new country silently. Adding an
item takes the explicit `+` form: `countries.+Westland.legitimacy=0.6`.
"""

import difflib
from collections.abc import Mapping
from typing import Any

from cybergeo.scenario.errors import Problem, ScenarioError
from cybergeo.scenario.reading import load_yaml

OVERRIDES = "--set"
NEW_ITEM = "+"
"""Prefix of a path segment that adds a list item with that id."""


def parse_override(assignment: str) -> tuple[str, Any]:
    """Split `path.to.key=value`, reading the value as YAML (`3` is an int, `[a, b]` a list)."""
    path, sep, text = assignment.partition("=")
    if not sep or not path.strip():
        raise ScenarioError([Problem(OVERRIDES, None, assignment, "expected path.to.key=value")])
    try:
        value = load_yaml(text, OVERRIDES, round_trip=False) if text.strip() else ""
    except ScenarioError as error:
        message = error.problems[0].message
        raise ScenarioError([Problem(OVERRIDES, None, path.strip(), message)]) from None
    return path.strip(), value


def apply_overrides(raw: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of `raw` with each dotted path set to its value.

    Missing mapping keys are created (the schema then names any unknown key); list items
    are found by id or index, and created only when written `+id`.

    Examples
    --------
    >>> apply_overrides({"countries": [{"id": "A", "legitimacy": 0.5}]},
    ...                 {"countries.A.legitimacy": 0.2, "steps": 5})
    {'countries': [{'id': 'A', 'legitimacy': 0.2}], 'steps': 5}
    >>> apply_overrides({"countries": [{"id": "A"}]}, {"countries.+B.legitimacy": 0.3})
    {'countries': [{'id': 'A'}, {'id': 'B', 'legitimacy': 0.3}]}
    """
    result = plain(raw)
    for dotted, value in overrides.items():
        *parents, last = dotted.split(".")
        node: Any = result
        trail: list[str] = []
        for segment in parents:
            node = _child(node, segment, dotted, trail)
            trail.append(segment.removeprefix(NEW_ITEM))
        if isinstance(node, list):
            node[_list_index(node, last, dotted, trail)] = value
        elif isinstance(node, dict):
            node[last] = value
        else:
            raise ScenarioError([Problem(OVERRIDES, None, dotted, f"'{last}' is inside a value")])
    return result


def plain(node: Any) -> Any:
    """Plain dicts, lists and scalars (ruamel's round-trip types and mappings made plain)."""
    if isinstance(node, Mapping):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [plain(v) for v in node]
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node


def _child(node: Any, segment: str, dotted: str, trail: list[str]) -> Any:
    if isinstance(node, list):
        return node[_list_index(node, segment, dotted, trail)]
    if not isinstance(node, dict):
        raise ScenarioError([Problem(OVERRIDES, None, dotted, f"'{segment}' is inside a value")])
    if segment not in node:
        node[segment] = {}
    return node[segment]


def _list_index(items: list[Any], segment: str, dotted: str, trail: list[str]) -> int:
    """The item named `segment` (an id or an index); `+id` appends a new item."""
    ids = [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]
    if segment.startswith(NEW_ITEM):
        name = segment.removeprefix(NEW_ITEM)
        if name in ids:
            raise ScenarioError(
                [Problem(OVERRIDES, None, dotted, f"'{name}' already exists; drop the '+'")]
            )
        items.append({"id": name})
        return len(items) - 1
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == segment:
            return index
    if segment.isdigit() and int(segment) < len(items):
        return int(segment)
    where = ".".join(trail) or "the list"
    close = difflib.get_close_matches(segment, ids, n=1, cutoff=0.5)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (ids: {', '.join(ids) or 'none'})"
    message = f"no item '{segment}' in {where}{hint}; to add one, write '{NEW_ITEM}{segment}'"
    raise ScenarioError([Problem(OVERRIDES, None, dotted, message)])
