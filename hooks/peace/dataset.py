"""Read every record from `data/` and `seeds/`, validate it, and build the model."""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import checks, crossref, model, schemas, yamlfile
from .kinds import page_path
from .problems import DataError, Problem, did_you_mean

FOLDERS = {
    "source": "seeds",
    "actor": "data/actors",
    "sticking-point": "data/sticking-points",
    "round": "data/rounds",
    "plan": "data/plans",
}
# Folders under data/ that hold no records but are read elsewhere: the venues of the map (places.py).
OTHER_DATA_FOLDERS = ("places",)
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
    # Every file that parsed, valid or not, and its kind: the checks read them all, so one run finds everything.
    loaded: dict[str, yamlfile.Loaded] = field(default_factory=dict, repr=False)
    kinds: dict[str, str] = field(default_factory=dict, repr=False)
    # The id of every record file present, by kind: a reference to a file with problems is not reported again.
    ids: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in FOLDERS}, repr=False)
    # Problems that do not fail the check (`make check` prints them), such as a status gone stale.
    warnings: list[Problem] = field(default_factory=list, repr=False)
    # A digest of each record file's bytes, by path: what a preview compares to tell which records changed.
    digests: dict[str, bytes] = field(default_factory=dict, repr=False)

    def by_kind(self, kind: str) -> dict[str, Any]:
        kinds: dict[str, dict[str, Any]] = {"source": self.sources, "actor": self.actors, "sticking-point": self.points,
                                            "round": self.rounds, "plan": self.plans}
        return kinds[kind]

    def records(self) -> list[Any]:
        return [*self.sources.values(), *self.actors.values(), *self.points.values(),
                *self.rounds.values(), *self.plans.values()]

    @cached_property
    def refs(self) -> crossref.CrossRefs:
        """Every cross-reference, indexed once (build after loading: the records must not change after)."""
        return crossref.build(self)

    @cached_property
    def newest_rounds(self) -> list[model.Round]:
        """Every event, newest first: every round page asks for it (as for `refs`, built once)."""
        return sorted(self.rounds.values(), key=lambda r: (r.day, r.id), reverse=True)

    def last_reviewed(self) -> str:
        return self._last_reviewed

    @cached_property
    def _last_reviewed(self) -> str:
        # Asked once per page: read it once (the records must not change after loading, as for `refs`).
        return max((r.reviewed for r in self.records()), default="1970-01-01")


def load(root: Path) -> Dataset:
    """Load and validate everything under `root`; raise DataError listing every problem of every file."""
    dataset = Dataset(root)
    schemas.refresh()
    problems = [*unsafe_files(root / "docs", root), *_unknown_folders(root)]
    found = [(kind, path) for kind, folder in FOLDERS.items() for path in _files(root / folder, root, problems)]
    for kind, path in found:
        dataset.ids[kind].add(path.stem)
    for kind, path in found:
        problems += _load_record(kind, path, root, dataset)
    problems += checks.run(dataset)
    dataset.warnings = sorted(checks.warnings(dataset))
    if problems:
        raise DataError(problems, dataset.warnings)
    _sort(dataset)
    return dataset


def _unknown_folders(root: Path) -> list[Problem]:
    """A folder under data/ that is no record kind would be skipped without a word: `data/round/` for rounds."""
    data = root / "data"
    if not data.is_dir() or _linked(data, root):
        return []
    kinds = sorted(folder.split("/", 1)[1] for folder in FOLDERS.values() if folder.startswith("data/"))
    known = [*kinds, *OTHER_DATA_FOLDERS]
    problems = []
    for path in sorted(data.iterdir()):
        if path.name.startswith(".") or path.name == "README.md" or path.name in known:
            continue
        hint = did_you_mean(path.name, known) or f"; records go in data/{', data/'.join(kinds)} or seeds"
        what = "folder" if path.is_dir() else "file"
        problems.append(Problem(f"data/{path.name}", 1, "", f"this {what} is not one of the record folders{hint}"))
    return problems


def unsafe_files(folder: Path, root: Path) -> list[Problem]:
    """Anything under `folder` that is not a plain file or folder: a symbolic link, device, pipe or socket.

    MkDocs copies docs/ into the site byte for byte, following links: a link to /etc/passwd would be published.
    """
    if not os.path.lexists(folder):
        return []
    problems = []
    for path in [folder, *_walk(folder)]:
        mode = path.lstat().st_mode
        rel = path.relative_to(root).as_posix()
        if stat.S_ISLNK(mode):
            problems.append(Problem(rel, 1, "", "is a symbolic link; commit the file itself (the build copies "
                                                "everything in docs/ into the site)"))
        elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            problems.append(Problem(rel, 1, "", "is not a regular file (a device, pipe or socket); remove it"))
    return problems


def _walk(folder: Path) -> list[Path]:
    """Every entry below `folder`, never following a symbolic link."""
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(top) / name for name in sorted(dirs + files)]
    return found


def _files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    if _linked(folder, root):
        rel = folder.relative_to(root).as_posix()
        problems.append(Problem(rel, 1, "", "is a symbolic link or inside one; commit the folder itself"))
        return []
    if not folder.is_dir():
        return []
    files = []
    # The folder is inside the project and no link, so an entry of it that is no link is inside too: the
    # entries' own types (one scan, no call per file) are all there is to check.
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or path.name == "README.md":
            continue
        if entry.is_symlink():
            problems.append(Problem(rel, 1, "", "is a symbolic link; commit the record file itself"))
        elif entry.is_dir(follow_symlinks=False):
            problems.append(Problem(rel, 1, "", "folders inside a record folder are not read; move its records up"))
        elif path.suffix != ".yml":
            problems.append(Problem(rel, 1, "", "only .yml record files belong in this folder"))
        elif not entry.is_file(follow_symlinks=False):  # reading a pipe would hang the build
            problems.append(Problem(rel, 1, "", "is not a regular file (a device, pipe or socket); remove it"))
        elif not model.SLUG.fullmatch(path.stem):
            problems.append(Problem(rel, 1, "", f"file name '{path.stem}' must be a lowercase slug (a-z, 0-9, hyphens): "
                                                "it is the record's id"))
        else:
            files.append(path)
    return files


def _linked(path: Path, root: Path) -> bool:
    """A symbolic link, or a path that leads out of the project: it could point anywhere on the machine that
    builds, and parts of what it points at would be echoed in messages."""
    return path.is_symlink() or (path.exists() and not path.resolve().is_relative_to(root.resolve()))


# What each file gave, by its bytes: under `mkdocs serve` the same process loads again on every save,
# and only the files that changed are parsed and validated anew.
_Outcome = tuple[yamlfile.Loaded | None, tuple[Problem, ...], Any]
_memo: dict[str, tuple[tuple[Any, ...], _Outcome]] = {}


def _load_record(kind: str, path: Path, root: Path, dataset: Dataset) -> list[Problem]:
    """Every problem of one file: its YAML, its schema, its id. A file that parses is kept for the checks."""
    rel = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    taken = (root / "docs" / page_path(kind, path.stem)).exists()
    key = (kind, rel, digest, taken, schemas.stamp())
    memo = _memo.get(str(path))
    outcome = memo[1] if memo and memo[0] == key else _read_record(kind, path.stem, rel, raw, taken)
    _memo[str(path)] = (key, outcome)
    loaded, problems, record = outcome
    if loaded is not None:
        dataset.loaded[rel], dataset.kinds[rel], dataset.digests[rel] = loaded, kind, digest
    if record is not None:
        dataset.by_kind(kind)[path.stem] = record
    return list(problems)


def _read_record(kind: str, stem: str, rel: str, raw: bytes, taken: bool) -> _Outcome:
    loaded, problems = yamlfile.load(raw, rel)
    if loaded.data is None and problems:
        return None, tuple(problems), None
    # A value dropped by the YAML check (a tag, say) would also fail the schema: say it once.
    dropped = {p.where for p in problems if p.where}
    problems += [p for p in schemas.check(kind, loaded) if not any(_under(p.where, d) for d in dropped)]
    problems += schemas.comments(kind, loaded)
    if not isinstance(loaded.data, dict):
        return None, tuple(problems), None
    record_id = loaded.data.get("id")
    if isinstance(record_id, str) and model.SLUG.fullmatch(record_id) and record_id != stem:
        problems.append(Problem(rel, loaded.line(("id",)), "id",
                                f"id '{record_id}' must match the file name '{stem}.yml'"))
    if taken:  # the generated page would silently replace the hand-written one
        problems.append(Problem(rel, loaded.line(("id",)), "id",
                                f"id '{stem}' is taken by the page docs/{page_path(kind, stem)}; rename the file"))
    record = None if problems else _BUILDERS[kind](loaded.data, rel)
    return loaded, tuple(problems), record


def _under(where: str, ancestor: str) -> bool:
    return where == ancestor or where.startswith((ancestor + ".", ancestor + "["))


def _sort(dataset: Dataset) -> None:
    dataset.rounds = dict(sorted(dataset.rounds.items(), key=lambda kv: (kv[1].day, kv[1].end or "", kv[0])))
    dataset.actors = dict(sorted(dataset.actors.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))
    dataset.points = dict(sorted(dataset.points.items(), key=lambda kv: (kv[1].title.casefold(), kv[0])))
    dataset.plans = dict(sorted(dataset.plans.items(), key=lambda kv: (model.parse_day(kv[1].date), kv[0])))
    dataset.sources = dict(sorted(dataset.sources.items()))
