"""Read every record from `data/` and `seeds/`, validate it, and build the model."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import checks, crossref, model, schemas, yamlfile
from .kinds import page_path
from .problems import DataError, Problem

FOLDERS = {
    "source": "seeds",
    "actor": "data/actors",
    "sticking-point": "data/sticking-points",
    "round": "data/rounds",
    "plan": "data/plans",
}
_BUILDERS: dict[str, Callable[[dict[str, Any], str], Any]] = {
    "source": model.source, "actor": model.actor, "sticking-point": model.sticking_point,
    "round": model.round_, "plan": model.plan,
}


@dataclass
class Dataset:
    root: Path
    sources: dict[str, model.Source] = field(default_factory=dict)
    actors: dict[str, model.Actor] = field(default_factory=dict)
    points: dict[str, model.StickingPoint] = field(default_factory=dict)
    rounds: dict[str, model.Round] = field(default_factory=dict)
    plans: dict[str, model.Plan] = field(default_factory=dict)
    loaded: dict[str, yamlfile.Loaded] = field(default_factory=dict, repr=False)
    # Ids of files that failed to load: references to them are not reported a second time.
    broken: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def by_kind(self, kind: str) -> dict[str, Any]:
        return {"source": self.sources, "actor": self.actors, "sticking-point": self.points,
                "round": self.rounds, "plan": self.plans}[kind]

    def records(self) -> list[Any]:
        return [*self.sources.values(), *self.actors.values(), *self.points.values(),
                *self.rounds.values(), *self.plans.values()]

    @cached_property
    def refs(self) -> crossref.CrossRefs:
        """Every cross-reference, indexed once (build after loading: the records must not change after)."""
        return crossref.build(self)

    def last_reviewed(self) -> str:
        return max((r.reviewed for r in self.records()), default="1970-01-01")


def load(root: Path) -> Dataset:
    """Load and validate everything under `root`; raise DataError listing every problem."""
    dataset = Dataset(root)
    problems: list[Problem] = []
    for kind, folder in FOLDERS.items():
        for path in _files(root / folder, root, problems):
            found = _load_record(kind, path, root, dataset)
            if found:
                dataset.broken.add((kind, path.stem))
            problems += found
    problems += checks.run(dataset)
    if problems:
        raise DataError(problems)
    _sort(dataset)
    return dataset


def _files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    if _linked(folder, root):
        rel = folder.relative_to(root).as_posix()
        problems.append(Problem(rel, 1, "", "is a symbolic link or inside one; commit the folder itself"))
        return []
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or path.name == "README.md":
            continue
        if _linked(path, root):
            problems.append(Problem(rel, 1, "", "is a symbolic link; commit the record file itself"))
        elif path.suffix != ".yml" or not path.is_file():
            problems.append(Problem(rel, 1, "", "only .yml record files belong in this folder"))
        elif not model.SLUG.fullmatch(path.stem):
            problems.append(Problem(rel, 1, "", f"file name '{path.stem}' must be a lowercase slug (a-z, 0-9, hyphens): it is the record's id"))
        else:
            files.append(path)
    return files


def _linked(path: Path, root: Path) -> bool:
    """A symbolic link, or a path that leads out of the project: it could point anywhere on the machine that
    builds, and parts of what it points at would be echoed in messages."""
    return path.is_symlink() or (path.exists() and not path.resolve().is_relative_to(root.resolve()))


def _load_record(kind: str, path: Path, root: Path, dataset: Dataset) -> list[Problem]:
    rel = path.relative_to(root).as_posix()
    loaded, problems = yamlfile.load(path.read_bytes(), rel)
    if problems:
        return problems
    problems = schemas.check(kind, loaded)
    if problems:
        return problems
    record_id = loaded.data["id"]
    if record_id != path.stem:
        return [Problem(rel, loaded.line(("id",)), "id", f"id '{record_id}' must match the file name '{path.stem}.yml'")]
    written = root / "docs" / page_path(kind, record_id)
    if written.exists():  # the generated page would silently replace the hand-written one
        return [Problem(rel, loaded.line(("id",)), "id",
                        f"id '{record_id}' is taken by the page docs/{page_path(kind, record_id)}; rename the file")]
    dataset.loaded[rel] = loaded
    dataset.by_kind(kind)[record_id] = _BUILDERS[kind](loaded.data, rel)
    return []


def _sort(dataset: Dataset) -> None:
    dataset.rounds = dict(sorted(dataset.rounds.items(), key=lambda kv: (kv[1].day, kv[1].end or "", kv[0])))
    dataset.actors = dict(sorted(dataset.actors.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))
    dataset.points = dict(sorted(dataset.points.items(), key=lambda kv: (kv[1].title.casefold(), kv[0])))
    dataset.plans = dict(sorted(dataset.plans.items(), key=lambda kv: (model.parse_day(kv[1].date), kv[0])))
    dataset.sources = dict(sorted(dataset.sources.items()))
