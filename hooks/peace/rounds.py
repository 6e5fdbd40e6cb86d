"""Round pages and the rounds index."""
from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset
from .model import Round
from .render import page_path, render


@dataclass(frozen=True)
class Seat:
    """A delegation member with the role they held on the round's date."""

    actor: str
    role: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    side: str
    members: tuple[Seat, ...]


def seat(dataset: Dataset, r: Round, actor_id: str, role: str | None, delegation_sources: tuple[str, ...]) -> Seat:
    """An explicit role is reported with the round; otherwise take the actor's dated role."""
    if role:
        return Seat(actor_id, role, delegation_sources)
    held = dataset.actors[actor_id].role_on(r.day)
    if held is None:
        return Seat(actor_id, None, ())
    return Seat(actor_id, held.title, held.sources)


def sides(dataset: Dataset, r: Round) -> list[Side]:
    return [Side(d.side, tuple(seat(dataset, r, m.actor, m.role, d.sources) for m in d.members)) for d in r.delegations]


def page(dataset: Dataset, r: Round) -> str:
    return render("round.md.j2", dataset, page_path("round", r.id), r=r, delegations=sides(dataset, r))


def newest_first(dataset: Dataset) -> list[Round]:
    return sorted(dataset.rounds.values(), key=lambda r: (r.day, r.id), reverse=True)


def index(dataset: Dataset, path: str) -> str:
    return render("rounds-index.md.j2", dataset, path, rounds=newest_first(dataset))


def latest(dataset: Dataset, path: str, count: int = 5) -> str:
    """The newest rounds, for the home page."""
    return render("rounds-index.md.j2", dataset, path, rounds=newest_first(dataset)[:count])
