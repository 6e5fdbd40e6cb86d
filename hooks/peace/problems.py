"""Problems found in contributor files, reported as `file:line: where: what`."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
LIMIT = 200  # problems printed at most; the rest are counted


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """`hosts[2]` before `hosts[10]`: runs of digits compare as numbers."""
    return tuple((1, int(part)) if part.isdigit() else (0, part) for part in re.split(r"(\d+)", text) if part)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    where: str
    message: str
    _key: tuple[object, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_key", (_natural(self.file), self.line, _natural(self.where), self.message))

    def __lt__(self, other: Problem) -> bool:  # type: ignore[override]
        return self._key < other._key

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{where} {self.message}"


class DataError(Exception):
    """Raised once with every problem found, never for the first one alone."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings or []))
        super().__init__(report(self.problems))


def format_path(path: Path) -> str:
    """`('delegations', 1, 'members', 2, 'actor')` -> `delegations[1].members[2].actor`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the closest known word, or nothing when none is close."""
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def report(problems: list[Problem], limit: int = LIMIT) -> str:
    """Every problem, one a line, up to `limit`; then how many more there are and the count."""
    lines = [str(p) for p in problems[:limit]]
    count = len(problems)
    if count > limit:
        lines.append(f"... and {count - limit} more")
    lines.append(f"{count} error{'s' if count != 1 else ''} found; nothing was built.")
    return "\n".join(lines)


def warnings_report(warnings: list[Problem], limit: int = LIMIT) -> str:
    """Warnings, one a line, with `warning:` in front: they do not fail the check."""
    lines = [f"warning: {w}" for w in warnings[:limit]]
    if len(warnings) > limit:
        lines.append(f"... and {len(warnings) - limit} more")
    count = len(warnings)
    lines.append(f"{count} warning{'s' if count != 1 else ''} (they do not fail the check)")
    return "\n".join(lines)
