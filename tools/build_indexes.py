"""Build the lexicon's lookup indexes: ``forms_index.tsv`` and ``geonames_index.tsv``.

Run ``python tools/build_indexes.py`` after ``forms.tsv`` or ``geonames.tsv`` changed (the tools
that write those run it themselves), and commit the result; ``--check`` exits 1 when a
committed index is stale (a unit test does the same).  The indexes are ``forms.tsv`` and
``geonames.tsv`` inverted (form or name -> lines), so that a process looks a word up without
inverting them itself; see :mod:`newsmodel.extract.lexicon_index`.  No dependency beyond the
package: the inputs are the committed files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from newsmodel.extract.lexicon_index import (
    FORMS_FILE,
    FORMS_INDEX,
    LINKS_FILE,
    LINKS_INDEX,
    build_forms_index,
    build_links_index,
)

LEXICON = Path(__file__).resolve().parents[1] / "src" / "newsmodel" / "extract" / "lexicon"
INDEXES: dict[str, tuple[str, Callable[[str], str]]] = {
    FORMS_INDEX: (FORMS_FILE, build_forms_index),
    LINKS_INDEX: (LINKS_FILE, build_links_index),
}


def build(index: str) -> str:
    """The index file's text for today's committed source file."""
    source, builder = INDEXES[index]
    return builder((LEXICON / source).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if an index is stale")
    args = parser.parse_args(argv)
    stale = 0
    for index in INDEXES:
        target = LEXICON / index
        text = build(index)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                sys.stderr.write(f"{target} is stale: run python tools/build_indexes.py\n")
                stale += 1
            continue
        target.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {target} ({text.count(chr(10))} lines)\n")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
