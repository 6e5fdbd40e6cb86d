"""The overviews: timeline, status grid, positions matrix and the home-page figures.

Overview cells do not cite: each links to the record page where its claim is given with its sources,
so a page of a hundred cells does not end in a hundred footnotes.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from markdown.extensions.toc import slugify

from . import places as place_files
from . import timeline_svg, venues
from .dataset import Dataset
from .escape import Md, html_text, slugs
from .kinds import page_path
from .model import Gap, Position, StickingPoint
from .problems import DataError
from .render import render
from .rounds import parties

# How many of the latest rounds the status grid shows; the full history is on each point's page.
RECENT_ROUNDS = 4
SHORT_LINE = 80  # characters of a stance in a matrix cell
MAX_COLUMNS = 4  # sides in the positions matrix: what fits the content column


@dataclass(frozen=True)
class Column:
    """A side of the positions matrix: one actor, or several that speak for one side."""

    label: str
    actor: str  # whose page the heading links to
    members: tuple[str, ...]


# The main sides, in this order; any other side with a position is named under the point's title.
MATRIX = (
    Column("Ukraine", "ukraine", ("ukraine",)),
    Column("Russia", "russia", ("russia",)),
    Column("United States", "united-states", ("united-states",)),
    Column("Europeans", "european-leaders", ("european-leaders", "coalition-of-the-willing", "european-union",
                                             "france", "germany", "united-kingdom", "italy", "finland")),
)


def short_day(value: str) -> str:
    """'4 Feb 2026' for a day, 'Feb 2026' for a month: dates that fit a narrow column."""
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-01").strftime("%b %Y")
    date = dt.date.fromisoformat(value)
    return f"{date.day} {date:%b %Y}"


def chip(status: str, inner: Md | None = None) -> Md:
    """A status as a word on a coloured chip; statuses are schema enums, so they are safe class names.

    `inner` is what the chip holds when it is not the bare word: a Markdown link made by the writer."""
    return Md(f'<span class="peace-chip peace-chip--{slugs([status])}">{inner or html_text(status)}</span>')


def anchor(name: str) -> str:
    """The id Python-Markdown's toc gives a heading that reads `name` (a side's heading on a point's page)."""
    return str(slugify(name, "-"))


def timeline(dataset: Dataset, path: str) -> str:
    """The drawn timeline, then every event by date, grouped by month, with what the filter needs."""
    rounds = list(dataset.rounds.values())
    months = [(month, list(items)) for month, items in groupby(rounds, key=lambda r: r.day[:7])]
    actors = sorted({a for r in rounds for a in r.participants}, key=lambda i: dataset.actors[i].name.casefold())
    on_table = {m.point for r in rounds for m in r.sticking_points}
    points = [p for p in dataset.points.values() if p.id in on_table]
    drawing = timeline_svg.draw(rounds, lambda r: page_url(path, page_path("round", r.id)))
    return render("timeline.md.j2", dataset, path, months=months, actors=actors, points=points, drawing=drawing,
                  parties=parties, point_ids=lambda r: sorted({m.point for m in r.sticking_points}),
                  actor_places=_places(actors), point_places=_places([p.id for p in points]),
                  legend=timeline_svg.legend(rounds), names=lambda ids: ", ".join(dataset.actors[i].name for i in ids))


def _places(options: list[str]) -> Callable[[list[str]], Md]:
    """Ids written as their places in a filter's list of `options`: 1 is the first after "all"."""
    place = {record_id: n for n, record_id in enumerate(options, start=1)}
    return lambda ids: Md(" ".join(str(place[i]) for i in ids))


def page_url(path: str, target: str) -> str:
    """The address of `target`'s built page from the built page of `path`, for raw HTML (directory URLs)."""
    here = posixpath.dirname(path) if path.endswith("index.md") else path.removesuffix(".md")
    there = target.removesuffix("index.md").removesuffix(".md")
    return posixpath.relpath(there or ".", here or ".").rstrip("/") + "/"


def status_grid(dataset: Dataset, path: str) -> str:
    """Each sticking point's status now, then after each of the latest rounds; older rounds a click away."""
    tabled = [r for r in dataset.rounds.values() if r.sticking_points]
    recent = tabled[-RECENT_ROUNDS:][::-1]  # newest first, next to the status now
    moves = {(r.id, m.point): m for r in recent for m in r.sticking_points}
    counts: dict[str, int] = {}
    for r in tabled:
        for point_id in {m.point for m in r.sticking_points}:
            counts[point_id] = counts.get(point_id, 0) + 1
    rows = [(p, [moves.get((r.id, p.id)) for r in recent], counts.get(p.id, 0)) for p in dataset.points.values()]
    return render("status-grid.md.j2", dataset, path, recent=recent, rows=rows, chip=chip, short_day=short_day,
                  older=len(tabled) - len(recent), statuses=("open", "narrowing", "agreed", "deferred"))


def latest(point: StickingPoint, sides: tuple[str, ...]) -> Position | None:
    held = [p for p in point.positions if p.side in sides]
    return max(held, key=lambda p: p.as_of, default=None)


def silent_since(point: StickingPoint, sides: tuple[str, ...], position: Position | None) -> Gap | None:
    """A declared gap of these sides that began after their latest stance: what the cell should say instead."""
    gaps = [g for g in point.gaps if g.side in sides and (position is None or g.since > position.as_of)]
    return max(gaps, key=lambda g: g.since, default=None)


# A sentence ends at a full stop after a lower-case letter or digit, so "U.S. envoy" is not cut.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\u201d\"])\.\s+(?=[A-Z\u201c\"])")


def first_sentence(text: str) -> str:
    """The stance in a few words for a matrix cell; the full text is on the sticking point's page."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0] + (". …" if len(parts) > 1 else "")


def short_line(text: str, limit: int = SHORT_LINE) -> str:
    """The first sentence, cut at a word before `limit` characters."""
    sentence = first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def positions(dataset: Dataset, path: str) -> str:
    """The four main sides against sticking points; each cell the latest stance in a line, dated and linked."""
    grouped = {member for column in MATRIX for member in column.members}
    held = {pos.side for p in dataset.points.values() for pos in p.positions}
    held |= {gap.side for p in dataset.points.values() for gap in p.gaps}
    columns = [c for c in MATRIX if held & set(c.members)]
    # Other sides fill the matrix up to four columns, the most that fit; the rest are named per point.
    others = sorted(held - grouped, key=lambda s: dataset.actors[s].name.casefold())
    columns += [Column(dataset.actors[s].name, s, (s,)) for s in others[:max(0, MAX_COLUMNS - len(columns))]]
    grouped |= {member for column in columns for member in column.members}
    rows = []
    for point in dataset.points.values():
        cells = []
        for column in columns:
            position = latest(point, column.members)
            cells.append((column, position, silent_since(point, column.members, position)))
        others = sorted({p.side for p in point.positions} - grouped, key=lambda s: dataset.actors[s].name.casefold())
        rows.append((point, cells, others))
    return render("positions.md.j2", dataset, path, columns=columns, rows=rows, short=short_line,
                  short_day=short_day, anchor=anchor)


def venue_map(dataset: Dataset, path: str) -> str:
    """The map of venues and its text equivalent, a table of places with their events."""
    places, problems = place_files.load(dataset.root)
    by_place, unmatched = place_files.match(dataset, places)
    if problems:
        raise DataError(problems)
    rows = sorted(((places[pid], rounds) for pid, rounds in by_place.items()),
                  key=lambda row: (-len(row[1]), row[0].name.casefold()))
    calls = sum(1 for r in dataset.rounds.values() if r.place is None)
    missing = [(dataset.rounds[_round_id(p.file)], p) for p in unmatched]
    return render("map.md.j2", dataset, path, drawing=venues.draw(places, by_place), rows=rows, calls=calls,
                  missing=missing, suggested=place_files.suggested_id,
                  anchor=venues.place_anchor, short_day=short_day)


def _round_id(file: str) -> str:
    return posixpath.splitext(posixpath.basename(file))[0]


def stats(dataset: Dataset, path: str) -> str:
    return render("stats.md.j2", dataset, path, last=dataset.last_reviewed())
