"""Safe YAML loading that keeps the line of every value.

Only plain data is accepted: mappings with text keys, lists, strings, numbers,
booleans and null. Tags, anchors and aliases, merge keys and duplicate keys are
errors, so nothing in a file can construct objects or expand exponentially.
Size, depth and the length of numbers are bounded, so no file can make the
build slow or crash it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from . import syntax
from .problems import Path, Problem, format_path

MAX_BYTES = 512 * 1024
MAX_DEPTH = 12
MAX_NUMBER = 20  # characters; longer "numbers" are slow to convert (1:2:3... is base 60) and fail to print
_CORE = "tag:yaml.org,2002:"
_SCALARS = {"str", "int", "float", "bool", "null", "timestamp"}
# Control characters, the line breaks YAML 1.1 knows but editors do not show (NEL, U+2028, U+2029),
# and what escapes like "\ud800" can add: none is valid in XML (the feed) or as UTF-8 (every page).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_KEY = re.compile(r"[A-Za-z0-9_-]{1,80}")
_COMMENT_AFTER = re.compile(r"[ \t]+#")  # YAML ends a plain value at ` #`: the rest of the line is a comment


@dataclass
class Loaded:
    """A file's data and the line (1-based) where each value starts."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    # Unquoted values with a ` #` comment after them on the same line: the text of that line, by path.
    comments: dict[Path, str] = field(default_factory=dict)

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
        if self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _YamlProblem(mark.line + 1, "anchors and aliases (& and *) are not allowed; write the value out")
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
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
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return loaded, [Problem(file, line, "", _control(control))]
    try:
        node = _compose(text)
    except _YamlProblem as exc:
        return loaded, [Problem(file, exc.line, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        line, message = syntax.explain(exc, text)
        return loaded, [Problem(file, line, "", message)]
    except yaml.YAMLError as exc:  # anything the character check above missed; its text spans lines
        return loaded, [Problem(file, 1, "", "YAML syntax: " + " ".join(str(exc).split()))]
    if node is None:
        return loaded, [Problem(file, 1, "", "file is empty")]
    problems: list[Problem] = []
    loaded.data = _build(node, (), loaded, problems, text)
    return loaded, problems


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(text: str) -> Any:
    """libyaml's C composer when the file is plainly fine, else the Python one, which names the problem.

    The C parser is several times faster (`make check` stays well under a second); a file with an
    alias, deep nesting or any syntax error goes to `_Composer`, so every message stays the same.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return yaml.compose(text, Loader=_Composer)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent) or depth >= MAX_DEPTH - 1:
                return yaml.compose(text, Loader=_Composer)
            depth += isinstance(event, _OPEN) - isinstance(event, _CLOSE)
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=_Composer)


def _build(node: yaml.Node, path: Path, loaded: Loaded, problems: list[Problem], text: str) -> Any:
    line = node.start_mark.line + 1
    loaded.lines.setdefault(path, line)
    if not node.tag.startswith(_CORE):
        problems.append(Problem(loaded.file, line, format_path(path), f"tag '{node.tag}' is not allowed; write plain values"))
        return None
    kind = node.tag[len(_CORE):]
    if isinstance(node, yaml.MappingNode) and kind == "map":
        return _build_mapping(node, path, loaded, problems, text)
    if isinstance(node, yaml.SequenceNode) and kind == "seq":
        return [_build(item, path + (i,), loaded, problems, text) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and kind in _SCALARS:
        if kind in ("int", "float") and len(node.value) > MAX_NUMBER:
            problems.append(Problem(loaded.file, line, format_path(path),
                                    f"number {_shown(node.value)} is too long; put it in quotes if it is text"))
            return None
        value = _scalar(node, kind)
        control = _CONTROL.search(value) if isinstance(value, str) else None
        if control:  # written as an escape in double quotes, so the text check above did not see it
            problems.append(Problem(loaded.file, line, format_path(path), _control(control)))
            return None
        if kind == "str" and not node.style and _COMMENT_AFTER.match(text, node.end_mark.index):
            one_line = node.start_mark.line == node.end_mark.line  # else no fix can be shown from one line
            loaded.comments[path] = _line_at(text, node.start_mark.index) if one_line else ""
        return value
    problems.append(Problem(loaded.file, line, format_path(path), f"tag '!!{kind}' is not allowed; write plain values"))
    return None


def _build_mapping(node: yaml.MappingNode, path: Path, loaded: Loaded, problems: list[Problem],
                   text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _CORE + "merge":
            problems.append(Problem(loaded.file, line, format_path(path),
                                    "merge keys (<<) are not allowed; write the fields out"))
            continue
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _CORE + "str"):
            problems.append(Problem(loaded.file, line, format_path(path), "field names must be plain text"))
            continue
        key = key_node.value
        if not _KEY.fullmatch(key):  # keep odd names (line breaks, 10 000 characters) out of every message
            problems.append(Problem(loaded.file, line, format_path(path),
                                    f"field name {_shown(key)} is not a plain word (letters, digits, _ and -)"))
            continue
        if key in first_line:
            problems.append(Problem(loaded.file, line, format_path(path + (key,)),
                                    f"duplicate key '{key}' (first given on line {first_line[key]})"))
            continue
        first_line[key] = line
        loaded.lines[path + (key,)] = line
        out[key] = _build(value_node, path + (key,), loaded, problems, text)
    return out


def _line_at(text: str, index: int) -> str:
    """The whole line of `text` that holds `index`."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    end = min((i for i in (text.find("\n", index), text.find("\r", index)) if i != -1), default=len(text))
    return text[start:end]


def _control(found: re.Match[str]) -> str:
    return f"invisible or invalid character U+{ord(found.group()):04X} is not allowed; remove it"


def _shown(text: str) -> str:
    """A value quoted for a message: escapes visible, at most about 40 characters."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


_constructor = SafeConstructor()


def _scalar(node: yaml.ScalarNode, kind: str) -> Any:
    # Dates stay text: the schema checks them, so 2026-02-30 is reported, not a crash.
    if kind in ("str", "timestamp"):
        return node.value
    return getattr(_constructor, f"construct_yaml_{kind}")(node)
