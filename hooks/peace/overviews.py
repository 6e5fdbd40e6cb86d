"""The overviews: timeline, status grid, positions matrix and the home-page figures."""
from __future__ import annotations

import re
from itertools import groupby

from dataclasses import dataclass

from .dataset import Dataset
from .model import Position, Round, StickingPoint
from .render import render


@dataclass(frozen=True)
class Column:
    """A side of the positions matrix: one actor, or several that speak for one side."""

    label: str
    actor: str  # whose page the heading links to
    members: tuple[str, ...]


# The main sides come first, in this order; any other side with a position follows by name.
MATRIX = (
    Column("Ukraine", "ukraine", ("ukraine",)),
    Column("Russia", "russia", ("russia",)),
    Column("United States", "united-states", ("united-states",)),
    Column("Europeans", "european-leaders", ("european-leaders", "coalition-of-the-willing", "european-union",
                                             "france", "germany", "united-kingdom", "italy", "finland")),
)


def timeline(dataset: Dataset, path: str) -> str:
    """Every round by date, grouped by month, with what a filter script needs in data attributes."""
    rounds = list(dataset.rounds.values())
    months = [(month, list(items)) for month, items in groupby(rounds, key=lambda r: r.day[:7])]
    actors = sorted({a for r in rounds for a in r.participants}, key=lambda i: dataset.actors[i].name.casefold())
    points = [p for p in dataset.points.values() if any(m.point == p.id for r in rounds for m in r.sticking_points)]
    return render("timeline.md.j2", dataset, path, months=months, actors=actors, points=points,
                  parties=_parties, point_ids=lambda r: sorted({m.point for m in r.sticking_points}))


def _parties(r: Round) -> list[str]:
    return list(dict.fromkeys([*(d.side for d in r.delegations), *r.hosts, *r.mediators]))


def status_grid(dataset: Dataset, path: str) -> str:
    """Sticking points by rounds in date order; each cell the status after that round."""
    rounds = [r for r in dataset.rounds.values() if r.sticking_points]
    rows = [(p, [next((m for m in r.sticking_points if m.point == p.id), None) for r in rounds])
            for p in dataset.points.values()]
    return render("status-grid.md.j2", dataset, path, rounds=rounds, rows=[row for row in rows if any(row[1])])


def latest(point: StickingPoint, sides: tuple[str, ...]) -> Position | None:
    held = [p for p in point.positions if p.side in sides]
    return max(held, key=lambda p: p.as_of, default=None)


# A sentence ends at a full stop after a lower-case letter or digit, so "U.S. envoy" is not cut.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\u201d\"])\.\s+(?=[A-Z\u201c\"])")


def first_sentence(text: str) -> str:
    """The stance in a few words for a matrix cell; the full text is on the sticking point's page."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0] + (". …" if len(parts) > 1 else "")


def positions(dataset: Dataset, path: str) -> str:
    """Sides against sticking points; each cell the latest stance, its date and its source."""
    held = {pos.side for p in dataset.points.values() for pos in p.positions}
    grouped = {member for column in MATRIX for member in column.members}
    others = sorted(held - grouped, key=lambda s: dataset.actors[s].name.casefold())
    columns = [c for c in MATRIX if held & set(c.members)]
    columns += [Column(dataset.actors[s].name, s, (s,)) for s in others]
    rows = [(p, [latest(p, c.members) for c in columns]) for p in dataset.points.values()]
    return render("positions.md.j2", dataset, path, columns=columns, rows=rows, short=first_sentence)


def stats(dataset: Dataset, path: str) -> str:
    return render("stats.md.j2", dataset, path, last=dataset.last_reviewed())
