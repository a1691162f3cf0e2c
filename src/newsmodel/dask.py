"""Beyond one machine: the batch functions on a Dask cluster, writing partitioned JSON Lines.

Install with ``pip install 'newsmodel[dask]'``.  Dask is imported only inside these functions,
so ``import newsmodel.dask`` costs nothing and the rest of the package never needs it.

The work is :func:`newsmodel.batch.convert_one`, unchanged: a path in, a
:class:`~newsmodel.batch.Result` out, errors as values.  Each Dask partition writes its own
``part-NNNNN.jsonl`` atomically (temporary file, then rename) and returns its counts and
failures, so a re-run after a crash rewrites only whole parts and nothing half-written is ever
read.  The paths must be visible to the workers (a shared file system), as with any Dask job
over files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsmodel.batch import AtomicWriter, Result, convert_one

if TYPE_CHECKING:
    import dask.bag


@dataclass(slots=True)
class PartReport:
    """What one partition did: the file it wrote, how many inputs converted, which failed."""

    path: str
    converted: int = 0
    articles: int = 0
    failures: list[str] = field(default_factory=list)


def _import(name: str) -> Any:
    """``dask`` or one of its modules, typed loosely (Dask's own annotations are partial)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as error:
        from newsmodel.errors import NewsmodelError

        raise NewsmodelError(
            "Dask is not installed", hint="pip install 'newsmodel[dask]'"
        ) from error


def convert_bag(
    paths: Sequence[str | Path],
    *,
    formats: Sequence[str] = ("json",),
    npartitions: int | None = None,
    from_format: str | None = None,
) -> dask.bag.Bag:
    """A bag of :class:`~newsmodel.batch.Result`, one per path (lazy: nothing runs yet).

    Use it to build your own pipeline (``.filter(lambda r: r.ok)``, ``.pluck``...); for the
    common case, :func:`write_jsonl` does the rest.
    """
    bag = _import("dask.bag")
    items = [str(path) for path in paths]
    parts = npartitions or max(1, min(len(items), 100))
    results: dask.bag.Bag = bag.from_sequence(items, npartitions=parts).map(
        convert_one, formats=tuple(formats), from_format=from_format, many=True
    )
    return results


def write_jsonl(
    paths: Sequence[str | Path],
    folder: str | Path,
    *,
    npartitions: int | None = None,
    from_format: str | None = None,
) -> list[PartReport]:
    """Convert every path and write ``folder/part-NNNNN.jsonl``; returns one report per part.

    Runs on the current Dask scheduler: a ``distributed.Client`` if one is active (a
    ``LocalCluster`` or a real cluster), the local threaded scheduler otherwise.
    """
    dask = _import("dask")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    results: Any = convert_bag(paths, npartitions=npartitions, from_format=from_format)
    writes = [
        dask.delayed(_write_partition)(part, str(target), number)
        for number, part in enumerate(results.to_delayed())
    ]
    reports: tuple[PartReport, ...] = dask.compute(*writes)
    return list(reports)


def _write_partition(results: Iterable[Result], folder: str, number: int) -> PartReport:
    """Write one partition's JSON Lines atomically and say what went in and what failed."""
    path = Path(folder) / f"part-{number:05d}.jsonl"
    report = PartReport(str(path))
    writer = AtomicWriter(path)
    try:
        for result in results:
            if result.error is not None:
                report.failures.append(result.error)
                continue
            assert result.outputs is not None
            writer.write(result.outputs["json"])
            report.converted += 1
            report.articles += result.count
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return report


__all__ = ["PartReport", "convert_bag", "write_jsonl"]
