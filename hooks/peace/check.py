"""`make check`: validate every record and print each problem as file:line, then the warnings.

Errors go to standard error and fail the check (exit status 1), at most 200 of them with a count of the rest;
warnings (a status that looks stale) go to standard output and never fail it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .dataset import load
from .problems import DataError, warnings_report


def main(argv: list[str] | None = None) -> int:
    """Check the project at `argv[0]` (default: the current folder); the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        data = load(root)
    except DataError as error:
        if error.warnings:
            print(warnings_report(error.warnings))
        print(error, file=sys.stderr)
        return 1
    print(f"OK: {len(data.rounds)} rounds, {len(data.actors)} actors, {len(data.points)} sticking points, "
          f"{len(data.plans)} plans, {len(data.sources)} sources")
    if data.warnings:
        print(warnings_report(data.warnings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
