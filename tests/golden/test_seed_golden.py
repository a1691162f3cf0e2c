"""The seed article parses to exactly the reviewed golden output (``seed_000.json``).

Any change to the parser that changes the seed's result shows up here as a diff to review.
After reviewing, regenerate with ``NEWSMODEL_UPDATE_GOLDEN=1 pytest tests/golden``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsmodel import parse_file

GOLDEN = Path(__file__).with_name("seed_000.json")


def test_seed_matches_golden(seed_path: Path) -> None:
    produced = parse_file(seed_path).model_dump(mode="json")
    if os.environ.get("NEWSMODEL_UPDATE_GOLDEN"):
        GOLDEN.write_text(
            json.dumps(produced, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in ("persons", "organisations", "places", "events"):
        assert produced[key] == expected[key], f"{key} differ from the golden file"
    assert produced == expected
