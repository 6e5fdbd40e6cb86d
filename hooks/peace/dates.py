"""Dates as readers see them: '4 February 2026', 'February 2026', '4–5 February 2026'."""
from __future__ import annotations

import datetime as dt


def day(value: str | None) -> str:
    if not value:
        return ""
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-01").strftime("%B %Y")
    date = dt.date.fromisoformat(value)
    return f"{date.day} {date:%B %Y}"


def span(start: str, end: str | None) -> str:
    """A start and optional end, sharing month and year where they can."""
    if not end or end == start or len(start) == 7:
        return day(start)
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{day(start)} – {day(end)}"


def month(value: str) -> str:
    return dt.date.fromisoformat(value[:7] + "-01").strftime("%B %Y")


def period(start: str | None, end: str | None) -> str:
    """How long a role lasted, as far as the sources say."""
    if start and end:
        return f"{day(start)} – {day(end)}"
    return f"since {day(start)}" if start else f"until {day(end)}"
