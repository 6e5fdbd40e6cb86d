"""Who appears where: every cross-reference of the data, indexed in one pass.

Pages look their links up here instead of scanning every record for every page,
so building all pages takes time in proportion to the data, not to its square.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import Plan, PlanPoint, PointMove, Position, Quote, Role, Round, StickingPoint

if TYPE_CHECKING:
    from .dataset import Dataset


@dataclass(frozen=True)
class Participation:
    round: Round
    part: str
    role: str | None
    role_sources: tuple[str, ...]


@dataclass
class CrossRefs:
    participation: dict[str, list[Participation]] = field(default_factory=dict)
    positions: dict[str, list[tuple[StickingPoint, Position]]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)
    plans: dict[str, list[Plan]] = field(default_factory=dict)
    delegates: dict[str, set[str]] = field(default_factory=dict)
    holders: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)
    history: dict[str, list[tuple[Round, PointMove]]] = field(default_factory=dict)
    clauses: dict[str, list[tuple[Plan, PlanPoint]]] = field(default_factory=dict)
    revised_by: dict[str, list[Plan]] = field(default_factory=dict)


def build(dataset: Dataset) -> CrossRefs:
    refs = CrossRefs()
    for r in dataset.rounds.values():
        _round(dataset, r, refs)
    for point in dataset.points.values():
        for pos in point.positions:
            refs.positions.setdefault(pos.side, []).append((point, pos))
    quoting: list[Round | StickingPoint] = [*dataset.rounds.values(), *dataset.points.values()]
    for rec in quoting:
        for q in rec.quotes:
            refs.quotes.setdefault(q.speaker, []).append(q)
    for plan in dataset.plans.values():
        for author in plan.authors:
            refs.plans.setdefault(author, []).append(plan)
        for clause in plan.points:
            refs.clauses.setdefault(clause.point, []).append((plan, clause))
        if plan.revises:
            refs.revised_by.setdefault(plan.revises, []).append(plan)
    for actor in dataset.actors.values():
        for role in actor.roles:
            if role.of:
                refs.holders.setdefault(role.of, []).append((actor.id, role))
    return refs


def _round(dataset: Dataset, r: Round, refs: CrossRefs) -> None:
    """Each actor's part in one round: the first of delegate, party, host, mediator that applies."""
    from .rounds import sides  # rounds renders pages with this index; imported late to avoid a cycle

    parts: dict[str, Participation] = {}
    for side in sides(dataset, r):
        for seat in side.members:
            parts.setdefault(seat.actor, Participation(r, f"delegation of {dataset.actors[side.side].name}",
                                                       seat.role, seat.sources))
        parts.setdefault(side.side, Participation(r, "party", None, ()))
    for actor_id in r.hosts:
        parts.setdefault(actor_id, Participation(r, "host", None, ()))
    for actor_id in r.mediators:
        parts.setdefault(actor_id, Participation(r, "mediator", None, ()))
    for actor_id, part in parts.items():
        refs.participation.setdefault(actor_id, []).append(part)
    for d in r.delegations:
        refs.delegates.setdefault(d.side, set()).update(m.actor for m in d.members)
    for move in r.sticking_points:
        refs.history.setdefault(move.point, []).append((r, move))
