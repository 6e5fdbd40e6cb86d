"""Checks a schema cannot express: references, date order, unique names, public addresses, stale statuses.

Each rule is a small generator with its rule as its docstring. A record rule gets one parsed file (which may
have failed its schema, so it reads the data defensively) and yields `(path, message)`; a data set rule
yields `(file, path, message)`. `run` collects every problem of every rule, `warnings` the ones that only warn.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import addresses
from .model import SLUG
from .problems import Path, Problem, did_you_mean, format_path

if TYPE_CHECKING:
    from .dataset import Dataset
    from .yamlfile import Loaded

Ref = tuple[Path, str, str]  # (where, kind, id)
Found = Iterator[tuple[Path, str]]
FIRST_REVIEW = "2000-01-01"
STALE_DAYS = 60
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
_FORMAT_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`\\{}|^]+")  # what the schema lets through


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    return ((i, item) for i, item in enumerate(_list(data, key)) if isinstance(item, dict))


def _text(data: Any, key: str) -> str | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _day(data: Any, key: str) -> str | None:
    """A real YYYY-MM-DD or YYYY-MM date at `key`, else None (the schema reports what is wrong with it)."""
    value = _text(data, key)
    if not value or not _DATE.fullmatch(value):
        return None
    try:
        dt.date.fromisoformat(value + "-01" if value and len(value) == 7 else value or "")
    except ValueError:
        return None
    return value


# --- record rules --------------------------------------------------------------------------------------------


def references(data: Any, kind: str, dataset: Dataset) -> Found:
    """Every id a record names is a file in that kind's folder; a near miss gets a suggestion."""
    for path, target, ref in named_ids(data):
        known = dataset.ids[target]
        if isinstance(ref, str) and SLUG.fullmatch(ref) and ref not in known:  # not a slug: the schema says so
            yield path, f"unknown {target.replace('-', ' ')} '{ref}'{did_you_mean(ref, known)}"


def named_ids(data: Any) -> Iterator[tuple[Path, str, Any]]:
    """Every id a record points at, with where it stands and what it must name."""
    for i, source in enumerate(_list(data, "sources")):
        yield ("sources", i), "source", source
    for key in ("hosts", "mediators", "authors"):
        for i, ref in enumerate(_list(data, key)):
            yield (key, i), "actor", ref
    if isinstance(data, dict) and "revises" in data:
        yield ("revises",), "plan", data["revises"]
    if isinstance(data, dict) and "held_as" in data:
        yield ("held_as",), "round", data["held_as"]
    for key, ref_key, kind in (("roles", "of", "actor"), ("positions", "side", "actor"), ("gaps", "side", "actor"),
                               ("quotes", "speaker", "actor"),
                               ("sticking_points", "point", "sticking-point"), ("points", "point", "sticking-point"),
                               ("delegations", "side", "actor")):
        for i, item in _items(data, key):
            if ref_key in item:
                yield (key, i, ref_key), kind, item[ref_key]
    for i, delegation in _items(data, "delegations"):
        for j, member in _items(delegation, "members"):
            if "actor" in member:
                yield ("delegations", i, "members", j, "actor"), "actor", member["actor"]
    for key in ("roles", "positions", "gaps", "quotes", "sticking_points", "points", "delegations", "outcomes",
                "disagreements"):
        for i, item in _items(data, key):
            for j, source in enumerate(_list(item, "sources")):
                yield (key, i, "sources", j), "source", source


def date_order(data: Any, kind: str, dataset: Dataset) -> Found:
    """An event ends on or after its start; a role ends on or after it begins."""
    start, end = _day(data, "start"), _day(data, "end")
    if start and end and end < start:
        yield ("end",), f"end {end} is before start {start}"
    for i, role in _items(data, "roles"):
        begins, ends = _day(role, "from"), _day(role, "to")
        if begins and ends and ends < begins:
            yield ("roles", i, "to"), f"role ends ({ends}) before it starts ({begins})"


def place(data: Any, kind: str, dataset: Dataset) -> Found:
    """Every event but a call happens somewhere."""
    form = _text(data, "format")
    if form and "place" not in data and form != "call":
        yield ("format",), f"a {form} needs a place (city and country); only a call has none"


def reviewed(data: Any, kind: str, dataset: Dataset) -> Found:
    """A review date from the past; the newest one stamps the build (sitemap, gzip), which fails outside 1970-2106."""
    day = _day(data, "reviewed")
    if not day:
        return
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()  # any time zone's today
    if day < FIRST_REVIEW:
        yield ("reviewed",), f"reviewed {day} is before {FIRST_REVIEW}; write the day you last checked the record"
    elif day > tomorrow:
        yield ("reviewed",), f"reviewed {day} is in the future; write the day you last checked the record"


def public_addresses(data: Any, kind: str, dataset: Dataset) -> Found:
    """An address names a public host: the site links it, and the weekly link check requests it from its runner."""
    for path, url in _urls(data, ()):
        if _FORMAT_URL.fullmatch(url):  # otherwise the schema has already said what is wrong
            why = addresses.problem(url)
            if why:
                yield path, f"'{url[:80]}' {why}"


def _urls(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if (key == "url" or key.endswith("_url")) and isinstance(value, str):
                yield path + (key,), value
            else:
                yield from _urls(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _urls(item, path + (i,))


RecordRule = Callable[[Any, str, "Dataset"], Found]
RECORD_RULES: tuple[RecordRule, ...] = (references, date_order, place, reviewed, public_addresses)


# --- data set rules ------------------------------------------------------------------------------------------


def shared_names(dataset: Dataset) -> Iterator[tuple[str, Path, str]]:
    """No name or alias may lead to two actors: search and readers rely on it."""
    owner: dict[str, str] = {}
    for actor in dataset.actors.values():
        names = [(("name",), actor.name)] + [(("aliases", i), alias) for i, alias in enumerate(actor.aliases)]
        for path, name in names:
            key = " ".join(name.casefold().split())
            if owner.setdefault(key, actor.id) != actor.id:
                yield actor.file, path, f"'{name}' is already a name or alias of actor '{owner[key]}'"


def stale_status(dataset: Dataset) -> Iterator[tuple[str, Path, str]]:
    """An event still `planned` or `postponed` more than 60 days before the newest review has probably
    happened or been called off since: a reviewer should check its status (a warning, not an error)."""
    newest = dataset.last_reviewed()
    if newest == "1970-01-01":
        return
    limit = (dt.date.fromisoformat(newest) - dt.timedelta(days=STALE_DAYS)).isoformat()
    for event in dataset.rounds.values():
        day = event.end or _last_day(event.start)
        if event.status in ("planned", "postponed") and day < limit and not event.held_as:
            yield event.file, ("status",), (f"still '{event.status}' for {event.end or event.start}, more than "
                                            f"{STALE_DAYS} days before the newest review ({newest}); check whether it "
                                            "was held or cancelled, or move its date")


def _last_day(day: str) -> str:
    """The last day a YYYY-MM date can mean; a full date as it is."""
    if len(day) != 7:
        return day
    year, month = int(day[:4]), int(day[5:])
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


DatasetRule = Callable[["Dataset"], Iterator[tuple[str, Path, str]]]
DATASET_RULES: tuple[DatasetRule, ...] = (shared_names,)
WARNING_RULES: tuple[DatasetRule, ...] = (stale_status,)


# --- running them --------------------------------------------------------------------------------------------


def run(dataset: Dataset) -> list[Problem]:
    """Every problem every rule finds, in every file that parsed."""
    problems = []
    for file, loaded in dataset.loaded.items():
        kind = dataset.kinds[file]
        for rule in RECORD_RULES:
            problems += [_problem(loaded, path, message) for path, message in rule(loaded.data, kind, dataset)]
    problems += _dataset_problems(dataset, DATASET_RULES)
    return problems


def warnings(dataset: Dataset) -> list[Problem]:
    return _dataset_problems(dataset, WARNING_RULES)


def _dataset_problems(dataset: Dataset, rules: tuple[DatasetRule, ...]) -> list[Problem]:
    return [_problem(dataset.loaded[file], path, message) for rule in rules for file, path, message in rule(dataset)]


def _problem(loaded: Loaded, path: Path, message: str) -> Problem:
    return Problem(loaded.file, loaded.line(path), format_path(path), message)
