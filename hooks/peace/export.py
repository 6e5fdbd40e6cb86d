"""The dataset as downloads: JSON per record type and combined, CSV, and the JSON Schemas."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from .dataset import Dataset
from .model import Round
from .schemas import SCHEMA_DIR

KINDS = {"rounds": "round", "actors": "actor", "sticking-points": "sticking-point", "plans": "plan",
         "sources": "source"}
FOLDER = "export"


def records(dataset: Dataset, kind: str) -> list[dict[str, Any]]:
    """The records of one kind exactly as written in YAML, in id order."""
    return [r.raw for _, r in sorted(dataset.by_kind(kind).items())]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> Any:
    """A spreadsheet runs a cell starting with = + - @ as a formula: a leading ' keeps it text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def rounds_csv(dataset: Dataset) -> str:
    header = ["id", "title", "start", "end", "status", "format", "city", "country", "venue", "hosts", "mediators",
              "parties", "sticking_points", "sources"]
    rows = [[r.id, r.title, r.start, r.end or "", r.status, r.format, *_place(r), " ".join(r.hosts), " ".join(r.mediators),
             " ".join(d.side for d in r.delegations), " ".join(m.point for m in r.sticking_points), " ".join(r.sources)]
            for r in dataset.rounds.values()]
    return _csv(header, rows)


def positions_csv(dataset: Dataset) -> str:
    header = ["sticking_point", "side", "as_of", "stance", "sources"]
    rows = [[p.id, pos.side, pos.as_of, pos.stance, " ".join(pos.sources)]
            for p in dataset.points.values() for pos in sorted(p.positions, key=lambda x: (x.side, x.as_of))]
    return _csv(header, rows)


def files(dataset: Dataset) -> dict[str, str]:
    """Path under the site -> content, for every download."""
    out = {f"{FOLDER}/{name}.json": _json(records(dataset, kind)) for name, kind in KINDS.items()}
    out[f"{FOLDER}/all.json"] = _json({name: records(dataset, kind) for name, kind in KINDS.items()})
    out[f"{FOLDER}/rounds.csv"] = rounds_csv(dataset)
    out[f"{FOLDER}/positions.csv"] = positions_csv(dataset)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        out[f"{FOLDER}/schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    return out


def _place(r: Round) -> list[str]:
    return [r.place.city, r.place.country, r.place.venue or ""] if r.place else ["", "", ""]
