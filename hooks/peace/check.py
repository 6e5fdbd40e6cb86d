"""`make check`: validate every record and print each problem as file:line."""
from __future__ import annotations

import sys
from pathlib import Path

from .dataset import load
from .problems import DataError


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        data = load(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"OK: {len(data.rounds)} rounds, {len(data.actors)} actors, {len(data.points)} sticking points, "
          f"{len(data.plans)} plans, {len(data.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
