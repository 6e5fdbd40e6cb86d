"""Problems found in contributor files, reported as `file:line: where: what`."""
from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{where} {self.message}"


class DataError(Exception):
    """Raised once with every problem found, never for the first one alone."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def format_path(path: Path) -> str:
    """`('delegations', 1, 'members', 2, 'actor')` -> `delegations[1].members[2].actor`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def report(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    count = len(problems)
    lines.append(f"{count} error{'s' if count != 1 else ''} found; nothing was built.")
    return "\n".join(lines)
