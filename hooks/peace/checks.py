"""Checks a schema cannot express: references, date order, unique names."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .problems import Path, Problem, format_path

if TYPE_CHECKING:
    from .dataset import Dataset

Ref = tuple[Path, str, str]  # (where, kind, id)


def run(dataset: Dataset) -> list[Problem]:
    problems = []
    for record in dataset.records():
        loaded = dataset.loaded[record.file]
        for path, kind, ref in _references(loaded.data):
            if ref not in dataset.by_kind(kind) and (kind, ref) not in dataset.broken:
                problems.append(Problem(record.file, loaded.line(path), format_path(path), f"unknown {kind.replace('-', ' ')} '{ref}'"))
        for path, message in [*_date_order(loaded.data), *_reviewed(record.reviewed), *_place(loaded.data)]:
            problems.append(Problem(record.file, loaded.line(path), format_path(path), message))
    problems += _names(dataset)
    return problems


def _references(data: dict[str, Any]) -> Iterator[Ref]:
    """Every id a record points at, with where it stands and what it must name."""
    for i, source in enumerate(data.get("sources", [])):
        yield ("sources", i), "source", source
    for key in ("hosts", "mediators", "authors"):
        for i, ref in enumerate(data.get(key, [])):
            yield (key, i), "actor", ref
    if "revises" in data:
        yield ("revises",), "plan", data["revises"]
    for key, ref_key, kind in (("roles", "of", "actor"), ("positions", "side", "actor"), ("gaps", "side", "actor"),
                               ("quotes", "speaker", "actor"),
                               ("sticking_points", "point", "sticking-point"), ("points", "point", "sticking-point"),
                               ("delegations", "side", "actor")):
        for i, item in enumerate(data.get(key, [])):
            if ref_key in item:
                yield (key, i, ref_key), kind, item[ref_key]
    for i, delegation in enumerate(data.get("delegations", [])):
        for j, member in enumerate(delegation["members"]):
            yield ("delegations", i, "members", j, "actor"), "actor", member["actor"]
    yield from _nested_sources(data)


def _nested_sources(data: dict[str, Any]) -> Iterator[Ref]:
    for key in ("roles", "positions", "gaps", "quotes", "sticking_points", "points", "delegations", "outcomes",
                "disagreements"):
        for i, item in enumerate(data.get(key, [])):
            for j, source in enumerate(item.get("sources", [])):
                yield (key, i, "sources", j), "source", source


def _date_order(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    start, end = data.get("start"), data.get("end")
    if start and end and end < start:
        yield ("end",), f"end {end} is before start {start}"
    for i, role in enumerate(data.get("roles", [])):
        if role.get("from") and role.get("to") and role["to"] < role["from"]:
            yield ("roles", i, "to"), f"role ends ({role['to']}) before it starts ({role['from']})"


def _place(data: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """Every event but a call happens somewhere."""
    if "format" in data and "place" not in data and data["format"] != "call":
        yield ("format",), f"a {data['format']} needs a place (city and country); only a call has none"


FIRST_REVIEW = "2000-01-01"


def _reviewed(day: str) -> Iterator[tuple[Path, str]]:
    """A review date from the past; the newest one stamps the build (sitemap, gzip), which fails outside 1970-2106."""
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()  # any time zone's today
    if day < FIRST_REVIEW:
        yield ("reviewed",), f"reviewed {day} is before {FIRST_REVIEW}; write the day you last checked the record"
    elif day > tomorrow:
        yield ("reviewed",), f"reviewed {day} is in the future; write the day you last checked the record"


def _names(dataset: Dataset) -> list[Problem]:
    """No name or alias may lead to two actors: search and readers rely on it."""
    problems = []
    owner: dict[str, str] = {}
    for actor in dataset.actors.values():
        loaded = dataset.loaded[actor.file]
        names = [(("name",), actor.name)] + [(("aliases", i), alias) for i, alias in enumerate(actor.aliases)]
        for path, name in names:
            key = " ".join(name.casefold().split())
            if owner.setdefault(key, actor.id) != actor.id:
                problems.append(Problem(actor.file, loaded.line(path), format_path(path),
                                        f"'{name}' is already a name or alias of actor '{owner[key]}'"))
    return problems
