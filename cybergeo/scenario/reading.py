"""Read YAML safely: UTF-8 text of bounded size, plain data of bounded depth and expanded size.

Scenario files and `--set` values come from users and from files they were sent, so
reading them must never hang, exhaust memory, overflow the stack or instantiate objects:
anything outside the bounds below is a `ScenarioError` naming the file and, where YAML
knows it, the line.
"""

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from cybergeo.scenario.errors import Problem, ScenarioError

MAX_FILE_BYTES = 1_000_000
"""Largest scenario file read (the bundled ones are a few kilobytes)."""
MAX_DEPTH = 40
"""Deepest nesting of mappings and lists (a scenario needs about six)."""
MAX_NODES = 200_000
"""Most values once anchors are expanded: a bound on alias bombs ("billion laughs")."""
PARSED_TEXTS = 64
"""Texts whose parsed data a process keeps."""


def read_text(path: Path) -> str:
    """The file's text, refused unless it is a regular file of UTF-8 text without NUL bytes."""
    if not path.is_file():
        raise _error(path, None, "no such scenario file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error(path, None, f"file too large ({size} bytes; at most {MAX_FILE_BYTES})")
        data = path.read_bytes()
    except OSError as error:
        raise _error(path, None, f"cannot read the file: {error.strerror}") from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise _error(path, line, "not a text file (it holds a NUL byte)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _error(path, line, "not UTF-8 text; save the file as UTF-8") from None


def load_yaml(text: str, source: str, round_trip: bool = True) -> Any:
    """Parse YAML text into plain data (round-trip nodes keep their line numbers), refusing
    tags, documents nested deeper than MAX_DEPTH and anchors expanding past MAX_NODES.

    A text is parsed once (the pure-Python parser takes longer than a short run of the
    scenario it reads) and each call gets its own copy of the data."""
    return copy.deepcopy(_parsed(text, source, round_trip))


@lru_cache(maxsize=PARSED_TEXTS)
def _parsed(text: str, source: str, round_trip: bool) -> Any:
    yaml = YAML(typ="rt") if round_trip else YAML(typ="safe", pure=True)
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise _error(source, line, f"YAML syntax error: {error.problem}") from None
    except YAMLError as error:
        raise _error(source, None, f"unreadable YAML: {str(error).splitlines()[0]}") from None
    except RecursionError:
        raise _error(source, None, f"nested too deeply (at most {MAX_DEPTH} levels)") from None
    check_shape(data, source)
    return data


def check_shape(data: Any, source: str) -> None:
    """Refuse data nested deeper than MAX_DEPTH or larger than MAX_NODES values once every
    shared (aliased) part is counted as often as it appears."""
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _error(source, _line(node), f"nested too deeply (at most {MAX_DEPTH} levels)")
        if not isinstance(node, dict | list):
            return 1
        if id(node) in sizes:
            return sizes[id(node)]
        children = list(node.values()) if isinstance(node, dict) else node
        total = 1 + sum(size(child, depth + 1) for child in children)
        if total > MAX_NODES:
            message = f"too many values ({MAX_NODES} at most; are anchors and aliases nested?)"
            raise _error(source, _line(node), message)
        sizes[id(node)] = total
        return total

    size(data, 0)


def first_tag(node: Any, line: int | None = 1) -> int | None:
    """Line of the first explicitly tagged node: scenarios are plain data, never objects.
    `line` is where `node` was written, as its parent knows it."""
    tag = getattr(node, "tag", None)
    if tag is not None and getattr(tag, "value", None):
        return _line(node) or line
    if isinstance(node, dict):
        children = [(child, _key_line(node, key)) for key, child in node.items()]
    else:
        children = [(child, _line(node)) for child in node] if isinstance(node, list) else []
    for child, child_line in children:
        found = first_tag(child, child_line)
        if found is not None:
            return found
    return None


def _line(node: Any) -> int | None:
    line = node.lc.line if isinstance(node, CommentedBase) else None
    return line + 1 if line is not None else None


def _key_line(node: dict[Any, Any], key: Any) -> int | None:
    if not isinstance(node, CommentedBase):
        return None
    position = node.lc.key(key)
    return position[0] + 1 if position else None


def _error(source: Path | str, line: int | None, message: str) -> ScenarioError:
    return ScenarioError([Problem(str(source), line, "", message)])
