"""Safe YAML loading that keeps the line of every value.

Only plain data is accepted: mappings with text keys, lists, strings, numbers,
booleans and null. Tags, anchors and aliases, merge keys and duplicate keys are
errors, so nothing in a file can construct objects or expand exponentially.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import Path, Problem, format_path

MAX_BYTES = 512 * 1024
MAX_DEPTH = 12
_CORE = "tag:yaml.org,2002:"
_SCALARS = {"str", "int", "float", "bool", "null", "timestamp"}


@dataclass
class Loaded:
    """A file's data and the line (1-based) where each value starts."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


class _Composer(yaml.SafeLoader):
    """Builds the node tree only, refusing aliases and deep nesting on the way."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _YamlProblem(mark.line + 1, "anchors and aliases (& and *) are not allowed; write the value out")
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise _YamlProblem(mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(raw: bytes, file: str) -> tuple[Loaded, list[Problem]]:
    """Parse `raw` into plain data; every problem carries `file` and a line."""
    loaded = Loaded(file)
    if len(raw) > MAX_BYTES:
        return loaded, [Problem(file, 1, "", f"file is {len(raw) // 1024} KiB; records are limited to {MAX_BYTES // 1024} KiB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return loaded, [Problem(file, line, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    try:
        node = yaml.compose(text, Loader=_Composer)
    except _YamlProblem as exc:
        return loaded, [Problem(file, exc.line, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return loaded, [Problem(file, line, "", f"YAML syntax: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        return loaded, [Problem(file, 1, "", f"YAML syntax: {exc}")]
    if node is None:
        return loaded, [Problem(file, 1, "", "file is empty")]
    problems: list[Problem] = []
    loaded.data = _build(node, (), loaded, problems)
    return loaded, problems


def _build(node: yaml.Node, path: Path, loaded: Loaded, problems: list[Problem]) -> Any:
    line = node.start_mark.line + 1
    loaded.lines.setdefault(path, line)
    if not node.tag.startswith(_CORE):
        problems.append(Problem(loaded.file, line, format_path(path), f"tag '{node.tag}' is not allowed; write plain values"))
        return None
    kind = node.tag[len(_CORE):]
    if isinstance(node, yaml.MappingNode) and kind == "map":
        return _build_mapping(node, path, loaded, problems)
    if isinstance(node, yaml.SequenceNode) and kind == "seq":
        return [_build(item, path + (i,), loaded, problems) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and kind in _SCALARS:
        return _scalar(node, kind)
    problems.append(Problem(loaded.file, line, format_path(path), f"tag '!!{kind}' is not allowed; write plain values"))
    return None


def _build_mapping(node: yaml.MappingNode, path: Path, loaded: Loaded, problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _CORE + "merge":
            problems.append(Problem(loaded.file, line, format_path(path), "merge keys (<<) are not allowed; write the fields out"))
            continue
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _CORE + "str"):
            problems.append(Problem(loaded.file, line, format_path(path), "field names must be plain text"))
            continue
        key = key_node.value
        if key in first_line:
            problems.append(Problem(loaded.file, line, format_path(path + (key,)), f"duplicate key '{key}' (first given on line {first_line[key]})"))
            continue
        first_line[key] = line
        loaded.lines[path + (key,)] = line
        out[key] = _build(value_node, path + (key,), loaded, problems)
    return out


_constructor = SafeConstructor()


def _scalar(node: yaml.ScalarNode, kind: str) -> Any:
    # Dates stay text: the schema checks them, so 2026-02-30 is reported, not a crash.
    if kind in ("str", "timestamp"):
        return node.value
    return getattr(_constructor, f"construct_yaml_{kind}")(node)
