"""Sticking-point pages and their index."""
from __future__ import annotations

from .dataset import Dataset
from .kinds import page_path
from .model import Gap, PointMove, Position, Round, StickingPoint
from .render import render


def history(dataset: Dataset, point: StickingPoint) -> list[tuple[Round, PointMove]]:
    """Every round where the point was on the table, oldest first, with what moved."""
    return dataset.refs.history.get(point.id, [])


def positions_by_side(point: StickingPoint) -> list[tuple[str, list[Position]]]:
    sides: dict[str, list[Position]] = {}
    for gap in point.gaps:  # a side with only a gap still gets its heading
        sides.setdefault(gap.side, [])
    for pos in point.positions:
        sides.setdefault(pos.side, []).append(pos)
    return [(side, sorted(items, key=lambda p: p.as_of)) for side, items in sides.items()]


def gaps_by_side(point: StickingPoint) -> dict[str, list[Gap]]:
    out: dict[str, list[Gap]] = {}
    for gap in point.gaps:
        out.setdefault(gap.side, []).append(gap)
    return out


def page(dataset: Dataset, point: StickingPoint) -> str:
    clauses = dataset.refs.clauses.get(point.id, [])
    return render("sticking-point.md.j2", dataset, page_path("sticking-point", point.id), p=point,
                  positions=positions_by_side(point), gaps=gaps_by_side(point), rounds=history(dataset, point), clauses=clauses)


def index(dataset: Dataset, path: str) -> str:
    return render("sticking-points-index.md.j2", dataset, path, points=list(dataset.points.values()),
                  history=lambda p: history(dataset, p))
