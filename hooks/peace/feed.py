"""Atom feeds: every kind of record, and the events (rounds) alone.

Entries are ordered newest first by the date a reader cares about: a round's date for rounds, the last
review for every other record. The main feed keeps the newest entries of each kind, so no kind is ever
crowded out by another.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from feedgen.feed import FeedGenerator

from .dataset import Dataset
from .kinds import BY_NAME
from .model import Round, parse_day

PATH = "feed.xml"
EVENTS_PATH = "feed-events.xml"
LIMIT = 100
PER_KIND = 10  # each kind keeps at least this many of its newest entries in the main feed
_KINDS = ("round", "actor", "sticking-point", "plan", "source")


def _when(day: str) -> dt.datetime:
    return dt.datetime.combine(parse_day(day), dt.time(), tzinfo=dt.UTC)


def reader_date(record: Any) -> str:
    """A round's date; the last review of any other record."""
    return record.day if isinstance(record, Round) else record.reviewed


def newest(entries: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(entries, key=lambda e: (reader_date(e[1]), e[0], e[1].id), reverse=True)


def chosen(dataset: Dataset, limit: int = LIMIT, per_kind: int = PER_KIND) -> list[tuple[str, Any]]:
    """The newest `per_kind` of every kind, then the newest of all up to `limit`, newest first."""
    keep = {(kind, r.id) for kind in _KINDS for _, r in newest([(kind, r) for r in dataset.by_kind(kind).values()])[:per_kind]}
    everything = newest([(kind, r) for kind in _KINDS for r in dataset.by_kind(kind).values()])
    room = max(limit - len(keep), 0)
    rest = [e for e in everything if (e[0], e[1].id) not in keep][:room]
    keep |= {(kind, r.id) for kind, r in rest}
    return [e for e in everything if (e[0], e[1].id) in keep]


def atom(dataset: Dataset, site_url: str, title: str) -> bytes:
    """Every kind of record; an entry's id changes with its review date, so readers see revisions."""
    return _feed(chosen(dataset), site_url, title, PATH, dataset.last_reviewed(), feed_id="")


def events(dataset: Dataset, site_url: str, title: str) -> bytes:
    """The rounds alone, held and planned, newest date first."""
    rounds = newest([("round", r) for r in dataset.rounds.values()])[:LIMIT]
    return _feed(rounds, site_url, f"{title}: rounds", EVENTS_PATH, dataset.last_reviewed(), feed_id=EVENTS_PATH)


def _feed(entries: list[tuple[str, Any]], site_url: str, title: str, path: str, updated: str, feed_id: str) -> bytes:
    base = site_url.rstrip("/") + "/"
    feed = FeedGenerator()
    feed.id(base + feed_id)  # the main feed keeps the id it was first published with: the site's address
    feed.title(title)
    feed.link(href=base, rel="alternate")
    feed.link(href=base + path, rel="self")
    feed.language("en")
    feed.updated(_when(updated))
    for kind, record in reversed(entries):  # feedgen prepends, so add oldest first
        url = f"{base}{BY_NAME[kind].section}/{record.id}/"
        entry = feed.add_entry()
        entry.id(f"{url}#reviewed-{record.reviewed}")
        entry.title(f"{kind.replace('-', ' ').capitalize()}: {record.heading}")
        entry.link(href=url)
        entry.published(_when(reader_date(record)))
        entry.updated(_when(record.reviewed))
        entry.category(term=kind)
        entry.summary(getattr(record, "summary", None) or getattr(record, "notes", None) or record.heading)
    return bytes(feed.atom_str(pretty=True))
