"""The Dask integration on a real (small, in-process) LocalCluster: partitioned JSON Lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel.formats import loads

pytest.importorskip("dask.bag", reason="Dask is an optional extra: pip install 'newsmodel[dask]'")
distributed = pytest.importorskip("distributed", reason="pip install 'newsmodel[dask]'")

from newsmodel.dask import convert_bag, write_jsonl  # noqa: E402


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture
def inputs(tmp_path: Path, seed_path: Path) -> list[Path]:
    text = seed_path.read_text(encoding="utf-8")
    paths = []
    for index in range(6):
        path = tmp_path / "in" / f"article{index}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    broken = tmp_path / "in" / "broken.txt"
    broken.write_bytes(b"")
    return [*paths, broken]


def test_write_jsonl_on_a_local_cluster(client, inputs: list[Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every good file lands in exactly one part; the broken one is reported, not fatal."""
    out = tmp_path / "out"
    reports = write_jsonl(inputs, out, npartitions=3)
    assert [Path(r.path).name for r in reports] == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]
    assert sum(r.converted for r in reports) == 6
    failures = [f for r in reports for f in r.failures]
    assert len(failures) == 1
    assert "broken.txt" in failures[0]
    parts = [part for part in sorted(out.iterdir()) if part.stat().st_size]  # one holds only the
    ids = [a.id for part in parts for a in loads(part.read_bytes(), "json")]  # broken file
    assert ids == [f"article{i}" for i in range(6)]
    assert sorted(p.name for p in out.iterdir()) == [Path(r.path).name for r in reports]


def test_convert_bag_is_lazy_and_composable(client, inputs: list[Path]) -> None:  # type: ignore[no-untyped-def]
    bag = convert_bag(inputs, npartitions=2)
    ok = bag.filter(lambda result: result.ok).map(lambda result: result.count).sum()
    assert ok.compute() == 6
