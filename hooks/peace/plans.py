"""Peace-plan pages, their index and the side-by-side comparison."""
from __future__ import annotations

from .dataset import Dataset
from .model import Plan
from .render import page_path, render


def page(dataset: Dataset, plan: Plan) -> str:
    revised_by = dataset.refs.revised_by.get(plan.id, [])
    return render("plan.md.j2", dataset, page_path("plan", plan.id), plan=plan, revised_by=revised_by)


def index(dataset: Dataset, path: str) -> str:
    return render("plans-index.md.j2", dataset, path, plans=list(dataset.plans.values()))


def comparison(dataset: Dataset, path: str) -> str:
    """One row per sticking point, one column per plan, each cell the plan's clauses on it."""
    plans = list(dataset.plans.values())
    rows = []
    for point in dataset.points.values():
        cells = [[c for c in plan.points if c.point == point.id] for plan in plans]
        if any(cells):
            rows.append((point, cells))
    return render("plan-comparison.md.j2", dataset, path, plans=plans, rows=rows)
