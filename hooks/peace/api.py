"""Version 1 of the data API: static JSON and CSV under api/v1/, a file per kind and per record, and the schemas.

The paths and the schema fields of v1 are a promise: tests/api-v1-manifest.json lists them, and a test
fails when one disappears. Adding is allowed; removing or renaming needs a v2 beside v1.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from . import export, schemas
from .dataset import Dataset
from .kinds import BY_NAME

VERSION = "v1"
FOLDER = f"api/{VERSION}"
CHANGELOG = "api/changelog.md"
INDEX = f"{FOLDER}/index.json"
# Which record kind an id in a field of that name refers to, wherever the field sits in a record.
_REFERENCES = {"hosts": "actor", "mediators": "actor", "side": "actor", "actor": "actor", "speaker": "actor", "of": "actor",
               "authors": "actor", "point": "sticking-point", "revises": "plan", "held_as": "round", "sources": "source"}
_NAMES = {"actor": "actors", "sticking-point": "sticking-points", "plan": "plans", "source": "sources", "round": "rounds"}


def record_path(kind: str, record_id: str) -> str:
    return f"{FOLDER}/{BY_NAME[kind].section}/{record_id}.json"


def kind_path(kind: str, ext: str) -> str:
    return f"{FOLDER}/{BY_NAME[kind].section}.{ext}"


def schema_path(kind: str) -> str:
    return f"{FOLDER}/schemas/{kind}.schema.json"


def page_url(site_url: str, kind: str, record_id: str) -> str:
    return f"{site_url.rstrip('/')}/{BY_NAME[kind].section}/{record_id}/"


def references(raw: Any) -> Iterator[tuple[str, str]]:
    """(kind, id) of every record a record's data names, at any depth, in order of appearance."""
    if isinstance(raw, list):
        for item in raw:
            yield from references(item)
        return
    if not isinstance(raw, dict):
        return
    for key, value in raw.items():
        kind = _REFERENCES.get(key)
        if kind and isinstance(value, (str, list)):
            yield from ((kind, v) for v in ([value] if isinstance(value, str) else value) if isinstance(v, str))
        else:
            yield from references(value)


def record_file(dataset: Dataset, kind: str, record: Any, site_url: str) -> dict[str, Any]:
    """The record as validated, with the names of the records it refers to, keyed by kind then id."""
    names: dict[str, dict[str, str]] = {}
    for ref_kind, ref_id in references(record.raw):
        target = dataset.by_kind(ref_kind).get(ref_id)
        if target is not None:
            names.setdefault(_NAMES[ref_kind], {})[ref_id] = target.heading
    return {"api": VERSION, "kind": kind, "id": record.id, "page": page_url(site_url, kind, record.id),
            "schema": schema_path(kind), "reviewed": record.reviewed, "record": record.raw,
            "names": {k: dict(sorted(v.items())) for k, v in sorted(names.items())}}


def files(dataset: Dataset, site_url: str, exported: dict[str, str] | None = None) -> dict[str, str]:
    """Path under the site -> content, for every file of api/v1/. Its JSON of each kind and of all kinds is the
    same as export/'s: pass `exported` (export.files) when it is made anyway, and it is not made twice."""
    exported = exported if exported is not None else export.files(dataset)
    out: dict[str, str] = {}
    for name, kind in export.KINDS.items():
        out[kind_path(kind, "json")] = exported[f"{export.FOLDER}/{name}.json"]
        out[kind_path(kind, "csv")] = export.CSVS[name](dataset)
        for record_id, record in sorted(dataset.by_kind(kind).items()):
            out[record_path(kind, record_id)] = export.to_json(record_file(dataset, kind, record, site_url))
    out[f"{FOLDER}/all.json"] = exported[f"{export.FOLDER}/all.json"]
    for name in ("positions", "roles"):
        out[f"{FOLDER}/{name}.csv"] = export.CSVS[name](dataset)
    for schema in sorted(schemas.SCHEMA_DIR.glob("*.schema.json")):
        out[f"{FOLDER}/schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    out[INDEX] = export.to_json(index(dataset, sorted(out)))
    return out


def index(dataset: Dataset, paths: list[str]) -> dict[str, Any]:
    """What v1 holds: per kind its files and record ids, then every other file."""
    kinds = {}
    for name, kind in export.KINDS.items():
        kinds[name] = {"kind": kind, "json": kind_path(kind, "json"), "csv": kind_path(kind, "csv"),
                       "schema": schema_path(kind), "record": f"{FOLDER}/{name}/{{id}}.json",
                       "ids": sorted(dataset.by_kind(kind))}
    per_record = tuple(f"{FOLDER}/{name}/" for name in export.KINDS)
    return {"api": VERSION, "changelog": "api/changelog/", "kinds": kinds,
            "files": [p for p in paths if not p.startswith(per_record)] + [INDEX]}


def manifest(published: dict[str, str]) -> dict[str, Any]:
    """The promise of v1 as it stands: every path but the per-record files, every CSV column, every schema field."""
    per_record = tuple(f"{FOLDER}/{name}/" for name in export.KINDS)
    return {"api": VERSION,
            "paths": sorted(p for p in published if not p.startswith(per_record)),
            "record_paths": {name: f"{FOLDER}/{name}/{{id}}.json" for name in export.KINDS},
            "record_fields": sorted(record_fields()),
            "csv_columns": {p: next(csv.reader(io.StringIO(text))) for p, text in sorted(published.items())
                            if p.endswith(".csv")},
            "fields": {kind: sorted(set(fields(schemas.validator(kind).schema))) for kind in schemas.KINDS}}


def broken(promised: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Every path, record path, column or field the promised manifest lists and the current one lacks."""
    problems = [f"{FOLDER}: path {p} is no longer published" for p in promised["paths"] if p not in current["paths"]]
    problems += [f"{FOLDER}: record files of {k} are no longer at {p}" for k, p in promised["record_paths"].items()
                 if current["record_paths"].get(k) != p]
    problems += [f"{FOLDER}: record files lost the field '{f}'" for f in promised["record_fields"]
                 if f not in current["record_fields"]]
    for path, columns in promised["csv_columns"].items():
        have = current["csv_columns"].get(path, [])
        problems += [f"{FOLDER}: {path} lost the column '{c}'" for c in columns if c not in have]
    for kind, names in promised["fields"].items():
        have = set(current["fields"].get(kind, ()))
        problems += [f"{FOLDER}: schema {kind} lost the field '{f}'" for f in names if f not in have]
    return problems


def record_fields() -> list[str]:
    return ["api", "kind", "id", "page", "schema", "reviewed", "record", "names"]


def fields(schema: Any, prefix: str = "") -> Iterator[str]:
    """Dotted paths of every property a schema defines; `[]` marks the items of a list."""
    if not isinstance(schema, dict):
        return
    for key, sub in schema.get("properties", {}).items():
        yield prefix + key
        yield from fields(sub, prefix + key + ".")
    if "items" in schema:
        yield from fields(schema["items"], prefix.rstrip(".") + "[].")
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key, []):
            yield from fields(sub, prefix)
    for key in ("then", "else"):
        yield from fields(schema.get(key), prefix)
