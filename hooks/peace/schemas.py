"""Check loaded records against the JSON Schemas in `schemas/`, in plain words."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path as FsPath
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from . import syntax
from .problems import Path, Problem, did_you_mean, format_path
from .yamlfile import Loaded

SCHEMA_DIR = FsPath(__file__).resolve().parents[2] / "schemas"
KINDS = ("source", "actor", "round", "sticking-point", "plan")
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "array": "a list", "object": "a mapping of fields", "null": "empty"}


def _read(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


@cache
def _ecma(pattern: str) -> re.Pattern[str]:
    """A schema pattern as JSON Schema means it: ECMA-262, where `$` ends the text.

    Python's `$` also matches before a final line break, so "northland\\n" would pass as a slug.
    Our patterns use `$` only as that anchor, never inside brackets.
    """
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield ValidationError(f"does not match {pattern!r}")


def _key(item: Any) -> str:
    # Plain YAML data only, so a canonical JSON text identifies a value; true and 1 stay apart.
    return json.dumps(item, sort_keys=True)


def _unique_items(validator: Any, unique: bool, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """uniqueItems in linear time: jsonschema's own is quadratic for mixed lists, a slow build for one file."""
    if unique and validator.is_type(instance, "array") and len({_key(i) for i in instance}) < len(instance):
        yield ValidationError("has non-unique elements")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern, "uniqueItems": _unique_items})


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every `$ref` into common.schema.json replaced by what it names.

    Resolving thousands of references per build was most of the validation time; the
    referring keywords (a field's own description) take precedence over the definition's.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _inline(value, defs) for key, value in node.items() if key != "$ref"}
    if "$ref" not in node:
        return out
    name = node["$ref"].rsplit("/", 1)[-1]
    if not node["$ref"].startswith(("common.schema.json#/$defs/", "#/$defs/")) or name not in defs:
        raise ValueError(f"unsupported $ref {node['$ref']!r}")
    return {**_inline(defs[name], defs), **out}


_stamp: list[tuple[int, ...]] = []


def refresh() -> tuple[int, ...]:
    """Read the schema files' times once per load: a changed schema (`mkdocs serve` watches them) is read anew."""
    _stamp[:] = [tuple(p.stat().st_mtime_ns for p in sorted(SCHEMA_DIR.glob("*.schema.json")))]
    return _stamp[0]


def stamp() -> tuple[int, ...]:
    """The schema files' times at the last `refresh()`: what a validator of them is kept by."""
    return _stamp[0] if _stamp else refresh()


def validator(kind: str) -> Draft202012Validator:
    """A validator for one record kind, as the schema files were at the last `refresh()`."""
    return _validator(kind, stamp())


@cache
def _validator(kind: str, stamp: tuple[int, ...]) -> Draft202012Validator:
    """The validator with the shared definitions of `common.schema.json` inlined; `stamp` keys the cache."""
    defs = _read("common.schema.json")["$defs"]
    schema = _inline(_read(f"{kind}.schema.json"), defs)
    return _Validator(schema, format_checker=FormatChecker())


def check(kind: str, loaded: Loaded) -> list[Problem]:
    problems = []
    for error in validator(kind).iter_errors(loaded.data):
        problems.extend(_problems(error, loaded))
    return problems


def comments(kind: str, loaded: Loaded) -> list[Problem]:
    """A ` #` after an unquoted value in a text field: YAML drops the rest of the line as a comment.

    `title: Talks #2 in Geneva` reads as "Talks". After an id, a date or a status a comment is fine.
    """
    if not loaded.comments:
        return []
    schema = validator(kind).schema
    return [Problem(loaded.file, loaded.line(path), format_path(path), syntax.comment_hint(path[-1], line))
            for path, line in loaded.comments.items() if _is_text(_at(schema, path))]


def _at(schema: dict[str, Any], path: Path) -> dict[str, Any]:
    """The part of an inlined schema that describes the value at `path`; {} when there is none."""
    for part in path:
        key = "items" if isinstance(part, int) else "properties"
        node = schema.get(key, {})
        schema = node if isinstance(part, int) else node.get(part, {})
        if not isinstance(schema, dict):
            return {}
    return schema


def _is_text(schema: dict[str, Any]) -> bool:
    # Free text (titles, lines, summaries) is the only long string kind; ids are 80 long, and addresses are no prose.
    return (schema.get("type") == "string" and schema.get("maxLength", 0) >= 300
            and not schema.get("pattern", "").startswith("^https?"))


def _problems(error: ValidationError, loaded: Loaded) -> list[Problem]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        known = error.schema.get("properties", {})
        return [Problem(loaded.file, loaded.line(path + (key,)), format_path(path + (key,)),
                        f"unknown field '{key}'{did_you_mean(key, known)} (allowed here: {allowed})")
                for key in sorted(set(error.instance) - set(error.schema.get("properties", {})))]
    return [Problem(loaded.file, loaded.line(path), format_path(path), _message(error))]


def _message(error: ValidationError) -> str:
    value = error.instance
    shown = repr(value) if not isinstance(value, (dict, list)) else ("a mapping" if isinstance(value, dict) else "a list")
    if len(shown) > 80:
        shown = shown[:77] + "..."
    if error.validator == "required":
        return f"missing required field {error.message.split(' is a required')[0]}"
    if error.validator == "type":
        return f"expected {_TYPE_NAMES.get(error.validator_value, error.validator_value)}, got {_type_name(value)}"
    if error.validator == "uniqueItems":
        return "lists the same item twice"
    if error.validator == "minItems":
        return f"needs at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}"
    if error.validator == "maxLength":
        return f"is longer than {error.validator_value} characters"
    if error.validator == "minLength":
        return "must not be empty"
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if custom and error.validator == "enum" and isinstance(value, str):
        return f"{shown} {custom}{did_you_mean(value, error.validator_value)}"
    if custom:
        return f"{shown} {custom}"
    return str(error.message)


def _type_name(value: Any) -> str:
    for python_type, name in ((bool, "true or false"), (int, "a number"), (float, "a number"), (str, "text"),
                              (list, "a list"), (dict, "a mapping of fields")):
        if isinstance(value, python_type):
            return name
    return "nothing" if value is None else type(value).__name__
