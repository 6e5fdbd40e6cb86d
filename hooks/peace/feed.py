"""An Atom feed of new and revised records, dated by each record's `reviewed` field."""
from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from .dataset import Dataset
from .kinds import BY_NAME

LIMIT = 100
_KINDS = ("round", "actor", "sticking-point", "plan", "source")


def _when(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc)


def atom(dataset: Dataset, site_url: str, title: str) -> bytes:
    """The newest reviews first; an entry's id changes with its review date, so readers see revisions."""
    base = site_url.rstrip("/") + "/"
    feed = FeedGenerator()
    feed.id(base)
    feed.title(title)
    feed.link(href=base, rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")
    feed.language("en")
    feed.updated(_when(dataset.last_reviewed()))
    entries = [(kind, r) for kind in _KINDS for r in dataset.by_kind(kind).values()]
    entries.sort(key=lambda e: (e[1].reviewed, e[0], e[1].id), reverse=True)
    for kind, record in reversed(entries[:LIMIT]):  # feedgen prepends, so add oldest first
        url = f"{base}{BY_NAME[kind].section}/{record.id}/"
        entry = feed.add_entry()
        entry.id(f"{url}#reviewed-{record.reviewed}")
        entry.title(f"{kind.replace('-', ' ').capitalize()}: {record.heading}")
        entry.link(href=url)
        entry.updated(_when(record.reviewed))
        entry.summary(getattr(record, "summary", None) or getattr(record, "notes", None) or record.heading)
    return feed.atom_str(pretty=True)
