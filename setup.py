"""Build: the parser's modules compiled with mypyc, and our own JSON Schemas put in the wheel.

Everything about the package is in ``pyproject.toml``; this file holds only what setuptools
cannot read from there.  The modules under ``src/newsmodel/extract`` (the parser: thousands of
small rule calls per article) are compiled from their unchanged, mypy-strict Python source with
mypyc, mypy's compiler: classes become native classes (an attribute read is a C struct field,
a method call a C call), calls between the parser's functions are C calls, and the code is
otherwise the same.  The seed parses about a third faster than with Cython (which this build
used before, compiling the same code without its types) and half again as fast as
uncompiled (``benchmarks/bench_parse.py``; docs/performance.md has the numbers).  Left as
Python: the package initialisers and the two lexicon loaders (:data:`UNCOMPILED`).

mypyc reads the types mypy infers, so the build type-checks the package first, with
:data:`MYPYC_OPTIONS`: pip's build environment has none of the runtime dependencies, and what
they provide is typed ``Any``, which compiles to the generic operations.

``NEWSMODEL_PURE_PYTHON=1`` at install time skips the compilation; so does a machine without a
C compiler (with a warning): the package is then plain Python and gives the same results.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py
from setuptools.errors import CCompilerError, CompileError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent
COMPILED_PACKAGE = Path("src", "newsmodel", "extract")
PURE_ENV = "NEWSMODEL_PURE_PYTHON"
_BUILD_FAILURES = (CCompilerError, CompileError, ExecError, PlatformError, OSError)
UNCOMPILED = frozenset({"__init__.py", "lexicon_data.py", "lexicon_index.py"})
"""Not compiled: the package initialisers (the packages stay importable from their source),
and the lexicon loaders, which run once per process and whose tests put a fake file reader in
place of theirs (a compiled module calls its own functions directly, past any replacement)."""
GROUP = "newsmodel_parser"
"""The compiled modules share one library, the top-level module ``newsmodel_parser__mypyc``:
mypyc's runtime and all their code; each module's own extension is a small shim that loads
it.  (A group named inside the package, ``newsmodel.extract._parser``, makes mypyc put its
headers where its C files do not look.)"""
MYPYC_OPTIONS = ["--ignore-missing-imports", "--python-version", "3.11"]
"""mypy's options for the compile: only the types matter here (the checks are the CI's
``mypy`` run with the project's configuration), and neither the pydantic plugin nor the stub
packages that configuration names are installed in a build environment."""


def compiled_modules(*, compiled: bool = True) -> list[str]:
    """The parser's module files mypyc compiles (relative to the project root, in a stable
    order): every one under ``src/newsmodel/extract`` but :data:`UNCOMPILED` (or, with
    ``compiled=False``, those)."""
    return sorted(
        path.as_posix()
        for path in COMPILED_PACKAGE.rglob("*.py")
        if (path.name not in UNCOMPILED) == compiled
    )


def extensions() -> list[object]:
    if os.environ.get(PURE_ENV) == "1":
        _remove_compiled_beside([*compiled_modules(), f"src/{GROUP}__mypyc.py"])
        return []
    _remove_compiled_beside(compiled_modules(compiled=False))  # left by an older build
    config = Path("build", "mypyc.ini")  # an empty configuration: pyproject.toml's is the CI's
    config.parent.mkdir(exist_ok=True)
    config.write_text("[mypy]\n", encoding="utf-8")
    try:
        from mypyc.build import mypycify

        return list(
            mypycify(
                [*MYPYC_OPTIONS, "--config-file", str(config), *compiled_modules()],
                opt_level="3",
                debug_level="0",  # no debugging symbols: a wheel of a few MB, not tens
                multi_file=True,  # one C file per module, compiled in parallel
                group_name=GROUP,
                target_dir="build/mypyc",  # the generated C stays out of src/
            )
        )
    except (ImportError, SystemExit) as error:  # no mypyc, or mypy found the code ill-typed
        _fall_back(error)
        return []


def _remove_compiled_beside(sources: list[str]) -> None:
    """An editable install compiles modules beside their sources, where Python goes on
    importing them before the ``.py``: a plain install removes them and their library, and a
    compiled one those of modules it no longer compiles."""
    for source in sources:
        for suffix in EXTENSION_SUFFIXES:
            Path(source).with_suffix(suffix).unlink(missing_ok=True)


def _fall_back(error: BaseException) -> None:
    reason = " ".join(str(error).split())
    reason = reason if len(reason) <= 200 else reason[:200] + "..."
    print(
        f"newsmodel: the parser could not be compiled ({type(error).__name__}: {reason}); "
        "installing it as plain Python (same results, slower). Install a C compiler and "
        "reinstall to compile it.",
        file=sys.stderr,
    )


class OptionalBuildExt(build_ext):
    """Compile in parallel; where any module cannot be compiled, install none of them (a shim
    without its library would not import) and the Python modules serve alone, saying so once."""

    failure: BaseException | None = None

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except _BUILD_FAILURES as error:
            self.failure = self.failure or error
        if self.failure is not None:
            self._discard(self.failure)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except _BUILD_FAILURES as error:
            self.failure = self.failure or error

    def _discard(self, error: BaseException) -> None:
        for extension in self.extensions:
            Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
        _fall_back(error)


class BuildPyWithSchemas(build_py):
    """Ship ``schemas/*.schema.json`` (committed at the project root, where the README links
    them) as ``newsmodel/schemas`` in the wheel."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib, "newsmodel", "schemas")
        target.mkdir(parents=True, exist_ok=True)
        for schema in sorted((ROOT / "schemas").glob("*.json")):
            shutil.copy2(schema, target / schema.name)


setup(
    ext_modules=extensions(),
    cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithSchemas},
)
