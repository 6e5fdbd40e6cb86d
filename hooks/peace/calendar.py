"""An iCalendar feed of the rounds, held and planned, for calendar apps (RFC 5545, via `icalendar`)."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .dataset import Dataset
from .kinds import BY_NAME
from .model import Round

PATH = "calendar.ics"
# Planned rounds are tentative until they happen; the others keep their RFC 5545 meaning.
_STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def ics(dataset: Dataset, site_url: str, title: str) -> bytes:
    """One VEVENT per round, oldest first; every value comes from the data, none from the clock."""
    base = site_url.rstrip("/") + "/"
    cal = Calendar()
    cal.add("prodid", f"-//{title}//rounds//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{title}: rounds")
    for r in dataset.rounds.values():
        cal.add_component(event(r, base, urlsplit(base).hostname or "localhost"))
    return bytes(cal.to_ical())


def event(r: Round, base: str, host: str) -> Event:
    start, end = _days(r)
    url = f"{base}{BY_NAME['round'].section}/{r.id}/"
    e = Event()
    e.add("uid", f"round-{r.id}@{host}")  # the id is the file name: stable as long as the record is
    e.add("dtstamp", dt.datetime.fromisoformat(r.reviewed).replace(tzinfo=dt.UTC))
    e.add("dtstart", start)
    e.add("dtend", end)
    e.add("summary", r.title if len(r.start) == 10 else f"{r.title} (date to be confirmed)")
    e.add("status", _STATUS.get(r.status, "TENTATIVE"))
    if r.place:
        e.add("location", ", ".join(p for p in (r.place.venue, r.place.city, r.place.country) if p))
    e.add("description", f"{' '.join(r.summary.split())}\n\n{url}")
    e.add("url", url)
    e.add("categories", [r.format, r.status])
    return e


def _days(r: Round) -> tuple[dt.date, dt.date]:
    """All-day dates; DTEND is exclusive. A month-only start covers that month."""
    if len(r.start) == 7:
        first = dt.date.fromisoformat(r.start + "-01")
        return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    start = dt.date.fromisoformat(r.start)
    end = dt.date.fromisoformat(r.end) if r.end and len(r.end) == 10 else start
    return start, max(end, start) + dt.timedelta(days=1)
