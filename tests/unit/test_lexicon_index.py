"""The lexicon's lookup indexes are current, and answer exactly what the files they invert say.

``forms_index.tsv`` and ``geonames_index.tsv`` are generated (``tools/build_indexes.py``) so a
process need not invert ``forms.tsv`` and ``geonames.tsv`` itself; these tests rebuild them
from the committed sources and compare every lookup with a plain inversion done here.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from newsmodel.extract import gazetteer, lexicon_index, linking
from newsmodel.extract.lexicon_data import normalise
from tests.modules import load_module

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "src" / "newsmodel" / "extract" / "lexicon"


def _tool() -> ModuleType:
    return load_module("build_indexes", ROOT / "tools" / "build_indexes.py")


def _data_lines(name: str) -> list[tuple[int, list[str]]]:
    text = (LEXICON / name).read_text(encoding="utf-8")
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line and not line.startswith("#")
    ]


@pytest.mark.parametrize("index", [lexicon_index.FORMS_INDEX, lexicon_index.LINKS_INDEX])
def test_committed_indexes_are_current(index: str) -> None:
    """Each index is what tools/build_indexes.py makes from today's committed source file."""
    committed = (LEXICON / index).read_text(encoding="utf-8")
    assert committed == _tool().build(index), f"{index} is stale: run tools/build_indexes.py"


def test_every_form_finds_the_lines_that_hold_it_in_file_order() -> None:
    """Through the index, each form of forms.tsv yields the entry, way, mode and guard of every
    line holding it, in file order (an acronym once per spelling, as written), and the
    longest form starting at each first word is the longest the file has."""
    expected: dict[str, list[tuple[str, str, str, str, tuple[str, ...]]]] = {}
    longest: dict[str, int] = {}
    for _number, (key, via, mode, guard, written) in _data_lines(lexicon_index.FORMS_FILE):
        for form in written.split("|"):
            lowered = form.lower() if mode == "exact" else form
            exact = tuple(form.split(" ")) if mode == "exact" else ()
            found = (key, "name" if exact else via, mode, guard, exact)
            expected.setdefault(lowered, []).append(found)
            first = lowered.split(" ")[0]
            longest[first] = max(longest.get(first, 0), lowered.count(" ") + 1)
    index = gazetteer._index()
    assert len(index.forms) == len(expected)
    for lowered, forms in expected.items():
        got = index.forms[lowered]
        assert [(f.entry.key, f.via, f.mode, f.guard, f.exact) for f in got] == forms, lowered
    for first, words in longest.items():
        assert index.reach.get(first) == words, first


def test_every_name_finds_its_places_in_file_order() -> None:
    """Through the index, each normalised name of geonames.tsv yields every place bearing it,
    in file order, marked as its own name or not; keys and country codes find their place."""
    by_name: dict[str, list[tuple[int | None, str, bool]]] = {}
    keys, codes = {}, {}
    for _number, cells in _data_lines(lexicon_index.LINKS_FILE):
        ident, key, kind, country = cells[:4]
        geonameid = int(ident) if ident else None
        for position, name in enumerate(cells[8].split("|")):
            by_name.setdefault(normalise(name), []).append((geonameid, key, position == 0))
        if key:
            keys[key] = (geonameid, cells[8])
        if kind == "country":
            codes[country] = (geonameid, cells[8])
    table = linking._table()
    assert len(table.by_name) == len(by_name)
    for name, places in by_name.items():
        got = [(r.geonameid, r.key, own) for r, own in table.by_name[name]]
        assert got == places, name
    assert {k: (r.geonameid, "|".join(r.names)) for k, r in table.by_key.items()} == keys
    assert {c: (r.geonameid, "|".join(r.names)) for c, r in table.by_code.items()} == codes


def test_a_record_is_made_once_whichever_lookup_reaches_it() -> None:
    """A place found by its key, its name and its id is one object (candidates are told
    apart by identity)."""
    table = linking._table()
    kyiv = table.by_key["kyiv"]
    assert any(record is kyiv for record, _own in table.by_name["київ"])
    assert kyiv.geonameid is not None
    assert linking.record_by_id(kyiv.geonameid) is kyiv


def test_an_index_with_a_broken_line_is_refused_naming_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hand-edited or truncated index is a clear error that says to rebuild it."""
    broken = "# header\nkey\tvalue\nno tab here\n\n# second\nfirst\t2\n"
    monkeypatch.setattr(lexicon_index, "read", lambda name: broken)
    with pytest.raises(ValueError, match=r"x\.tsv: a line is not key<TAB>value; rebuild it"):
        lexicon_index.read_index("x.tsv", sections=2)
    with pytest.raises(ValueError, match=r"x\.tsv: 2 sections, expected 3"):
        lexicon_index.read_index("x.tsv", sections=3)
    monkeypatch.setattr(lexicon_index, "read", lambda name: "# a\nk\tv\nl\tw\n\n# b\n")
    assert lexicon_index.read_index("x.tsv", sections=2) == [{"k": "v", "l": "w"}, {}]
