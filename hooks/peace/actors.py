"""Actor pages and the actors index."""
from __future__ import annotations

from .crossref import Participation
from .dataset import Dataset
from .kinds import page_path
from .model import Actor, Role
from .render import render


def participation(dataset: Dataset, actor: Actor) -> list[Participation]:
    """Every round the actor took part in, oldest first, with its part and role then."""
    return dataset.refs.participation.get(actor.id, [])


def delegates(dataset: Dataset, actor: Actor) -> list[str]:
    """People who sat in this state's or organisation's delegations."""
    return sorted(dataset.refs.delegates.get(actor.id, ()), key=lambda i: dataset.actors[i].name.casefold())


def holders(dataset: Dataset, actor: Actor) -> list[tuple[str, Role]]:
    """People who held a role in this state or organisation, by name, each role in the order written."""
    return sorted(dataset.refs.holders.get(actor.id, []), key=lambda h: dataset.actors[h[0]].name.casefold())


def page(dataset: Dataset, actor: Actor) -> str:
    refs = dataset.refs
    positions = refs.positions.get(actor.id, [])
    quotes = refs.quotes.get(actor.id, [])
    plans = refs.plans.get(actor.id, [])
    return render("actor.md.j2", dataset, page_path("actor", actor.id), a=actor,
                  rounds=participation(dataset, actor), members=delegates(dataset, actor), holders=holders(dataset, actor),
                  positions=sorted(positions, key=lambda x: (x[0].title.casefold(), x[1].as_of)),
                  quotes=sorted(quotes, key=lambda q: q.date), plans=plans)


def index(dataset: Dataset, path: str) -> str:
    groups = [(kind, [a for a in dataset.actors.values() if a.kind == kind])
              for kind in ("person", "state", "organisation", "group")]
    return render("actors-index.md.j2", dataset, path, groups=[g for g in groups if g[1]])
