"""Build: the parser's modules compiled with Cython, and our own JSON Schemas put in the wheel.

Everything about the package is in ``pyproject.toml``; this file holds only what setuptools
cannot read from there.  The modules under ``src/newsmodel/extract`` (the parser: thousands of
small rule calls per article) are compiled from their unchanged Python source with Cython:
the same code without the interpreter's dispatch, 12 % fewer instructions per parse of the seed
(35.4 M against 31.2 M, counted by callgrind) and a seventh more articles a second
(``benchmarks/bench_parse.py``).  The package initialisers stay Python.

``NEWSMODEL_PURE_PYTHON=1`` at install time skips the compilation; so does a machine without a
C compiler (with a warning): the package is then plain Python and gives the same results.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py
from setuptools.errors import CCompilerError, CompileError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent
COMPILED_PACKAGE = Path("src", "newsmodel", "extract")
PURE_ENV = "NEWSMODEL_PURE_PYTHON"
_BUILD_FAILURES = (CCompilerError, CompileError, ExecError, PlatformError, OSError)


def compiled_modules() -> list[str]:
    """The parser's module files Cython compiles: every one but the package initialisers
    (relative to the project root, in a stable order)."""
    return sorted(
        path.as_posix() for path in COMPILED_PACKAGE.rglob("*.py") if path.name != "__init__.py"
    )


def extensions() -> list[object]:
    if os.environ.get(PURE_ENV) == "1":
        _remove_compiled_beside_sources()
        return []
    from Cython.Build import cythonize

    return cythonize(
        compiled_modules(),
        build_dir="build/cython",  # the generated C stays out of src/
        compiler_directives={
            "language_level": 3,
            # our annotations are for mypy: Cython must not turn them into runtime type checks
            # (a ``list[str]`` parameter would refuse a tuple the Python code accepts)
            "annotation_typing": False,
        },
        nthreads=os.cpu_count() or 1,
        quiet=True,
    )


def _remove_compiled_beside_sources() -> None:
    """An editable install compiled the modules beside their sources, where Python would go on
    importing them before the ``.py``: a plain install removes them."""
    for source in compiled_modules():
        for suffix in EXTENSION_SUFFIXES:
            Path(source).with_suffix(suffix).unlink(missing_ok=True)


class OptionalBuildExt(build_ext):
    """Compile in parallel; where compiling is impossible, install the Python modules alone."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":
            for extension in self.extensions:
                # no debugging symbols: they would make the wheel 28 MB instead of a few
                extension.extra_compile_args = [*extension.extra_compile_args, "-g0"]
        super().build_extensions()

    def run(self) -> None:
        try:
            super().run()
        except _BUILD_FAILURES as error:
            self._fall_back(error)

    def build_extension(self, ext: object) -> None:
        try:
            super().build_extension(ext)
        except _BUILD_FAILURES as error:
            self._fall_back(error)

    @staticmethod
    def _fall_back(error: BaseException) -> None:
        print(
            f"newsmodel: the parser could not be compiled ({error}); installing it as plain "
            "Python (same results, slower). Install a C compiler and reinstall to compile it.",
            file=sys.stderr,
        )


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
