"""Every name a record goes by, in every script, for search to send a reader to it first.

Material's search ranks by words, so a source whose headline holds a name can
outrank the person's own page, and short names (US, ОАЕ) match the start of
longer ones. `names.json` maps each name, folded as the search script folds what
a reader types, to the page that bears it.
"""
from __future__ import annotations

import json
import unicodedata
from typing import Any

from .dataset import Dataset
from .kinds import page_url

PATH = "search/names.json"


def fold(text: str) -> str:
    """Case, accents, apostrophes and spacing set aside, as the browser script does (assets/names.js)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("ʼ", "'").replace("`", "'")
    return " ".join(text.replace("-", " ").split())


def _entries(dataset: Dataset) -> list[tuple[str, str, str, str]]:
    """(name, kind, id, heading) for every actor's and sticking point's names and aliases."""
    out = []
    for actor in dataset.actors.values():
        out += [(n, "actor", actor.id, actor.name) for n in (actor.name, *actor.aliases)]
    for point in dataset.points.values():
        out += [(n, "sticking-point", point.id, point.title) for n in (point.title, *point.aliases)]
    return out


def index(dataset: Dataset) -> str:
    """The names file: folded name -> [page address relative to the site root, heading]."""
    names: dict[str, Any] = {}
    for name, kind, record_id, heading in _entries(dataset):
        names.setdefault(fold(name), [page_url(kind, record_id), heading])  # the first record named wins
    return json.dumps(names, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
