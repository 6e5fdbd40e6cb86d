"""Peace-plan pages, their index, and plans compared two at a time."""
from __future__ import annotations

import json
from dataclasses import dataclass

from .dataset import Dataset
from .escape import Md
from .kinds import page_path
from .model import Plan, PlanPoint
from .render import render

# The comparison page opens on the pair readers most want side by side, when both are recorded.
DEFAULT_PAIR = ("us-28-point-plan", "us-ukraine-20-point-plan")
PAIR_FOLDER = "plans/compare"


@dataclass(frozen=True)
class Row:
    point: str
    first: tuple[PlanPoint, ...]
    second: tuple[PlanPoint, ...]

    @property
    def change(self) -> str:
        """What the later plan did to the earlier one's clauses on this point, in a few words."""
        if not self.first:
            return "added"
        if not self.second:
            return "dropped"
        if [c.text for c in self.first] == [c.text for c in self.second]:
            return "same"
        return "reworded"


def page(dataset: Dataset, plan: Plan) -> str:
    revised_by = dataset.refs.revised_by.get(plan.id, [])
    return render("plan.md.j2", dataset, page_path("plan", plan.id), plan=plan, revised_by=revised_by)


def index(dataset: Dataset, path: str) -> str:
    return render("plans-index.md.j2", dataset, path, plans=list(dataset.plans.values()))


def pair_path(first: str, second: str) -> str:
    return f"{PAIR_FOLDER}/{first}-vs-{second}.md"


def pairs(dataset: Dataset) -> list[tuple[Plan, Plan]]:
    """Consecutive versions: each plan with the one it revises, then each plan with the next by date; once each."""
    plans = list(dataset.plans.values())
    found = [(dataset.plans[p.revises], p) for p in plans if p.revises in dataset.plans]
    found += list(zip(plans, plans[1:], strict=False))
    seen: set[tuple[str, str]] = set()
    out = []
    for a, b in found:
        if (a.id, b.id) not in seen:
            seen.add((a.id, b.id))
            out.append((a, b))
    return out


def rows(order: dict[str, int], first: Plan, second: Plan) -> list[Row]:
    """One row per sticking point either plan speaks to, in the order of the sticking points.

    `order` is each point's place among all points, built once: a pair costs its own clauses only."""
    a = _by_point(first)
    b = _by_point(second)
    return [Row(p, a.get(p, ()), b.get(p, ())) for p in sorted(a.keys() | b.keys(), key=lambda p: order.get(p, 0))]


def point_order(dataset: Dataset) -> dict[str, int]:
    return {point_id: i for i, point_id in enumerate(dataset.points)}


def _by_point(plan: Plan) -> dict[str, tuple[PlanPoint, ...]]:
    out: dict[str, list[PlanPoint]] = {}
    for clause in plan.points:
        out.setdefault(clause.point, []).append(clause)
    return {k: tuple(v) for k, v in out.items()}


def default_pair(dataset: Dataset) -> tuple[Plan, Plan] | None:
    if all(p in dataset.plans for p in DEFAULT_PAIR):
        return dataset.plans[DEFAULT_PAIR[0]], dataset.plans[DEFAULT_PAIR[1]]
    plans = list(dataset.plans.values())
    return (plans[-2], plans[-1]) if len(plans) > 1 else None


def pair_pages(dataset: Dataset) -> list[tuple[str, str, Plan]]:
    """(path, Markdown, later plan) for the page of each pair of consecutive versions."""
    order = point_order(dataset)
    out = []
    for first, second in pairs(dataset):
        path = pair_path(first.id, second.id)
        out.append((path, render("plan-pair.md.j2", dataset, path, first=first, second=second,
                                 rows=rows(order, first, second), heading=True, chooser=False, pairs=[]), second))
    return out


def comparison(dataset: Dataset, path: str) -> str:
    """The default pair side by side, a chooser for any two plans, and the pages of consecutive versions."""
    pair = default_pair(dataset)
    if pair is None:
        only = list(dataset.plans.values())
        return render("plan-single.md.j2", dataset, path, plan=only[0] if only else None)
    first, second = pair
    titles = {p.id: p.title for p in dataset.points.values()}
    return render("plan-pair.md.j2", dataset, path, first=first, second=second,
                  rows=rows(point_order(dataset), first, second), heading=False, chooser=True,
                  pairs=pairs(dataset), plans=list(dataset.plans.values()), pair_path=pair_path,
                  titles=_script_json(titles))


def _script_json(value: object) -> Md:
    """JSON that can sit inside a <script> element: no '<', '>' or '&' survives to close it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Md(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
