"""``parse_text`` never raises on arbitrary text (only newsmodel errors for empty input), and
every mention it reports slices its own text out of ``body``."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import parse_text
from newsmodel.errors import NewsmodelError
from newsmodel.models import Article

UKRAINIAN_WORDS = st.sampled_from(
    [
        "Київ",
        "Києві",
        "Пхеньяні",
        "Кім",
        "Чен",
        "Ином",
        "Віктором",
        "Горемікіним",
        "ТОВ",
        "«Наш",
        "Дом»",
        "СБУ",
        "КНДР",
        "Ради",
        "безпеки",
        "Росії",
        "міністр",
        "оборони",
        "заступником",
        "вул.",
        "Горького",
        "В.",
        "Ющенка",
        "переговори",
        "6",
        "листопада",
        "у",
        "в",
        "до",
        "з",
        "та",
        "і",
        ",",
        ".",
        "«",
        "»",
        "(",
        ")",
        "—",
        "\n",
        "\n\n",
        "ім.",
        "м.",
        "р.",
        "2024",
        "року",
        "червні",
        "Національна",
        "розвідувальна",
        "служба",
        "США",
        "(NIS)",
        "Збройних",
        "сил",
        "головного",
        "політичного",
        "управління",
        "Корейської",
        "народної",
        "армії",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(UKRAINIAN_WORDS, max_size=80).map(" ".join),
    st.lists(st.one_of(UKRAINIAN_WORDS, st.text(max_size=5)), max_size=60).map(" ".join),
)


def _check(article: Article) -> None:
    for entity in article.entities():
        for mention in entity.mentions:
            assert article.body[mention.start : mention.end] == mention.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parse_text_never_raises_and_mentions_slice_the_body(text: str) -> None:
    try:
        article = parse_text(text)
    except NewsmodelError:
        assert (
            not text.strip()
            or text.strip().startswith("date")
            or any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" for c in text)
        )
        return
    _check(article)


@settings(max_examples=60, deadline=None)
@given(st.lists(UKRAINIAN_WORDS, min_size=1, max_size=60).map(" ".join))
def test_parsing_is_deterministic(text: str) -> None:
    try:
        first = parse_text(text)
    except NewsmodelError:
        return
    assert first == parse_text(text)
