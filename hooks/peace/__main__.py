"""`python -m peace build OUT` writes the site's Markdown; `python -m peace check` validates."""
from __future__ import annotations

import sys
from pathlib import Path

from . import build, check
from .problems import DataError

USAGE = "usage: python -m peace build OUT | python -m peace check [ROOT]"


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check.main(argv[1:])
    if len(argv) != 2 or argv[0] != "build":
        print(USAGE, file=sys.stderr)
        return 2
    try:
        count = build.write(Path.cwd(), Path(argv[1]))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {count} files to {argv[1]}/docs and a plain {argv[1]}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
