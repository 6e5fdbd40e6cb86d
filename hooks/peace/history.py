"""The committed changes to each record file, from one `git log` over data/ and seeds/ at build time."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FOLDERS = ("data", "seeds")
# Record separator before each commit, unit separator between its fields: neither occurs in a subject line.
_FORMAT = "%x1e%H%x1f%cs%x1f%s"
_TIMEOUT = 120


@dataclass(frozen=True)
class Change:
    commit: str
    day: str  # the committer's date, YYYY-MM-DD
    subject: str


@dataclass(frozen=True)
class History:
    """Changes per file (a path relative to the project), newest first; `reason` says why there are none."""

    by_file: dict[str, tuple[Change, ...]] = field(default_factory=dict)
    reason: str | None = "the build did not read the repository's history"

    @property
    def available(self) -> bool:
        return self.reason is None

    def of(self, file: str) -> tuple[Change, ...]:
        return self.by_file.get(file, ())


def read(root: Path) -> History:
    """The history of every file under data/ and seeds/, or why it cannot be read here (no git, a shallow clone)."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History(reason="this copy of the project is not a git repository")
    if shallow.strip() == "true":
        return History(reason="this copy of the project is a shallow clone, without the earlier commits")
    # --relative: paths relative to the project folder, which need not be the repository's top level.
    out = _git(root, "log", "--no-color", "--no-renames", "--relative", "--name-only", f"--format={_FORMAT}",
               "--", *FOLDERS)
    if out is None:
        return History(reason="git could not list the commits of this copy of the project")
    return History(parse(out), None)


def parse(log: str) -> dict[str, tuple[Change, ...]]:
    """`git log` output in the format above -> changes per file, in the log's order (newest first)."""
    by_file: dict[str, list[Change]] = {}
    for entry in log.split("\x1e")[1:]:
        head, _, names = entry.partition("\n")
        parts = head.split("\x1f")
        if len(parts) != 3:
            continue
        change = Change(*parts)
        for name in names.splitlines():
            if name.strip():
                by_file.setdefault(name.strip(), []).append(change)
    return {name: tuple(changes) for name, changes in by_file.items()}


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args], capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
