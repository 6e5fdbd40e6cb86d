"""Actor pages and the actors index."""
from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset
from .model import Actor, Round
from .render import page_path, render
from .rounds import sides


@dataclass(frozen=True)
class Participation:
    round: Round
    part: str
    role: str | None
    role_sources: tuple[str, ...]


def participation(dataset: Dataset, actor: Actor) -> list[Participation]:
    """Every round the actor took part in, oldest first, with its part and role then."""
    out = []
    for r in dataset.rounds.values():
        part = _part(dataset, r, actor.id)
        if part:
            out.append(part)
    return out


def _part(dataset: Dataset, r: Round, actor_id: str) -> Participation | None:
    for side in sides(dataset, r):
        for seat in side.members:
            if seat.actor == actor_id:
                return Participation(r, f"delegation of {dataset.actors[side.side].name}", seat.role, seat.sources)
        if side.side == actor_id:
            return Participation(r, "party", None, ())
    if actor_id in r.hosts:
        return Participation(r, "host", None, ())
    if actor_id in r.mediators:
        return Participation(r, "mediator", None, ())
    return None


def delegates(dataset: Dataset, actor: Actor) -> list[str]:
    """People who sat in this state's or organisation's delegations."""
    people = [m.actor for r in dataset.rounds.values() for d in r.delegations if d.side == actor.id for m in d.members]
    return sorted(set(people), key=lambda i: dataset.actors[i].name.casefold())


def page(dataset: Dataset, actor: Actor) -> str:
    positions = [(p, pos) for p in dataset.points.values() for pos in p.positions if pos.side == actor.id]
    quotes = [q for rec in [*dataset.rounds.values(), *dataset.points.values()] for q in rec.quotes if q.speaker == actor.id]
    plans = [plan for plan in dataset.plans.values() if actor.id in plan.authors]
    return render("actor.md.j2", dataset, page_path("actor", actor.id), a=actor,
                  rounds=participation(dataset, actor), members=delegates(dataset, actor),
                  positions=sorted(positions, key=lambda x: (x[0].title.casefold(), x[1].as_of)),
                  quotes=sorted(quotes, key=lambda q: q.date), plans=plans)


def index(dataset: Dataset, path: str) -> str:
    groups = [(kind, [a for a in dataset.actors.values() if a.kind == kind])
              for kind in ("person", "state", "organisation", "group")]
    return render("actors-index.md.j2", dataset, path, groups=[g for g in groups if g[1]])
