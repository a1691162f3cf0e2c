"""Language detection: the tag each kind of news text gets, on paragraphs written for this test.

The parser extracts entities only from text tagged ``uk``, so the neighbours that share its
script (Russian, Belarusian, Bulgarian, Serbian) must never be tagged ``uk``, and Ukrainian
must stay ``uk`` when it quotes another language.  Accuracy on hundreds of real paragraphs
is measured in ``benchmarks/bench_language.py``; this table pins the behaviour.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.language import detect_language

# Short news paragraphs, one or two sentences each, written for this table.
PARAGRAPHS = {
    "uk": "Уряд у середу схвалив проєкт державного бюджету на наступний рік. Міністр фінансів "
    "сказав, що дефіцит скоротиться на кілька мільярдів гривень.",
    "ru": "Правительство в среду одобрило проект государственного бюджета на следующий год. "
    "Министр финансов сказал, что дефицит сократится на несколько миллиардов рублей.",
    "be": "Урад у сераду ўхваліў праект дзяржаўнага бюджэту на наступны год. Міністр фінансаў "
    "сказаў, што дэфіцыт скароціцца на некалькі мільярдаў рублёў.",
    "bg": "Правителството одобри в сряда проекта на държавния бюджет за следващата година. "
    "Финансовият министър каза, че дефицитът ще намалее с няколко милиарда лева.",
    "sr": "Влада је у среду усвојила предлог државног буџета за наредну годину. Министар "
    "финансија рекао је да ће се дефицит смањити за неколико милијарди динара.",
    "cs": "Vláda ve středu schválila návrh státního rozpočtu na příští rok. Ministr financí "
    "řekl, že se schodek sníží o několik miliard korun.",
    "sk": "Vláda v stredu schválila návrh štátneho rozpočtu na budúci rok. Minister financií "
    "povedal, že sa schodok zníži o niekoľko miliárd eur.",
    "sl": "Vlada je v sredo sprejela predlog državnega proračuna za prihodnje leto. Finančni "
    "minister je dejal, da se bo primanjkljaj zmanjšal za nekaj milijard evrov.",
    "pl": "Rząd przyjął w środę projekt budżetu państwa na przyszły rok. Minister finansów "
    "powiedział, że deficyt zmniejszy się o kilka miliardów złotych.",
    "en": "The government approved the draft state budget for next year on Wednesday. The "
    "finance minister said the deficit would shrink by several billion pounds.",
}


@pytest.mark.parametrize(("language", "paragraph"), sorted(PARAGRAPHS.items()))
def test_a_news_paragraph_gets_its_language(language: str, paragraph: str) -> None:
    """Each of the ten languages of the region's news gets its own tag (the old stopword
    counter called the Serbian one `uk`, the Belarusian and Bulgarian ones `ru`)."""
    assert detect_language(paragraph) == language


@pytest.mark.parametrize(
    ("language", "paragraph"),
    [
        ("uk", "Прем'єр-міністр провів нараду з головами областей."),
        ("ru", "Премьер-министр провёл совещание с губернаторами."),
        ("be", "Прэм'ер-міністр правёў нараду з губернатарамі."),
        ("bg", "Премиерът проведе среща с областните управители."),
        ("sr", "Премијер је одржао састанак са градоначелницима."),
        ("cs", "Premiér se ve čtvrtek sešel s hejtmany krajů."),
        ("sk", "Premiér sa vo štvrtok stretol so županmi."),
        ("pl", "Premier spotkał się w czwartek z wojewodami."),
    ],
)
def test_a_headline_sized_sentence_gets_its_language(language: str, paragraph: str) -> None:
    """One short sentence, the size of a headline or a feed item, is enough."""
    assert detect_language(paragraph) == language


def test_a_serbian_latin_paragraph_is_not_ukrainian() -> None:
    """Serbian in Latin script reads as its standard twins (Croatian, Bosnian) to every detector
    measured: the tag may be any of the three, never a language the parser extracts from."""
    serbian = (
        "Vlada je u sredu usvojila predlog državnog budžeta za narednu godinu. Ministar "
        "finansija rekao je da će se deficit smanjiti za nekoliko milijardi dinara."
    )
    assert detect_language(serbian) in {"sr", "hr", "bs"}


def test_a_ukrainian_paragraph_around_an_english_quotation_is_ukrainian() -> None:
    """The quotation holds most of the letters; the paragraph is still Ukrainian (the old
    detector counted English stopwords and said `en`)."""
    text = (
        "«We stand with Ukraine today, and we will keep standing with Ukraine for as long "
        "as it takes», — заявив у вівторок у Києві міністр закордонних справ."
    )
    assert detect_language(text) == "uk"


def test_a_ukrainian_paragraph_around_a_russian_quotation_is_ukrainian() -> None:
    text = (
        "«Мы не допустим повторения таких провокаций на нашей границе, это я вам обещаю», "
        "— заявив речник російського міністерства."
    )
    assert detect_language(text) == "uk"


def test_a_short_quoted_name_keeps_its_letters() -> None:
    """A quoted organisation name is part of the evidence: without it the rest of this
    opening (`ДП 30 листопада за результатами`) reads as Russian."""
    assert detect_language("ДП «Одеська залізниця» 30 листопада за результатами") == "uk"


def test_an_article_is_in_the_language_of_most_of_its_paragraphs() -> None:
    """A Ukrainian article quoting a whole paragraph of an English statement stays Ukrainian."""
    article = "\n\n".join(
        [
            PARAGRAPHS["uk"],
            "The Ministry of Finance said in a statement that the figures were preliminary.",
            "Опозиція заявила, що голосуватиме проти документа.",
        ]
    )
    assert detect_language(article) == "uk"


def test_an_english_article_quoting_ukrainian_is_english() -> None:
    article = "\n".join(
        [
            PARAGRAPHS["en"],
            "Opposition leaders said they would vote against it, calling it «бюджет проїдання».",
        ]
    )
    assert detect_language(article) == "en"


@pytest.mark.parametrize(
    ("paragraph", "why"),
    [
        ("Прикордонники, які охороняли ділянку та нещодавно", "no letter of Kazakh's own"),
        ("Чиновники, які обіймали керівні посади та нещодавно", "no letter of Kazakh's own"),
        ("ФОП Гнатєнко А. С. і ТОВ «Інтєгра» підписали договори", "є and і are not Macedonian"),
    ],
)
def test_ukrainian_that_lingua_alone_calls_kazakh_or_macedonian_is_ukrainian(
    paragraph: str, why: str
) -> None:
    """Openings shaped like those of real Ukrainian news paragraphs that lingua alone tags
    `kk` or `mk` with full confidence (the benchmark found such in ner-uk); the alphabet
    rule gives them back to Ukrainian."""
    assert detect_language(paragraph) == "uk", why


@pytest.mark.parametrize("text", ["", "   \n\n ", "12345 67", "OK", "—", "№ 42, 7 %"])
def test_text_without_enough_letters_has_no_language(text: str) -> None:
    """No guess where there is nothing to go on: the article's language stays empty."""
    assert detect_language(text) is None


def test_a_one_word_ukrainian_text_is_ukrainian() -> None:
    assert detect_language("Київ") == "uk"


def test_only_the_opening_is_read() -> None:
    """The language is decided from the first paragraphs: a long Ukrainian article is not
    turned by a long English appendix."""
    article = "\n".join([PARAGRAPHS["uk"]] * 6 + [PARAGRAPHS["en"]] * 30)
    assert detect_language(article) == "uk"


def test_a_lone_surrogate_does_not_stop_detection() -> None:
    """Text decoded with `surrogateescape` keeps lone surrogates, which lingua cannot take."""
    assert detect_language("Київ \udcff столиця України") == "uk"


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=300))
def test_any_text_gets_a_lowercase_tag_or_none(text: str) -> None:
    """Never raises; the tag is a bare primary subtag the model's LanguageTag accepts."""
    tag = detect_language(text)
    assert tag is None or (tag.isalpha() and tag.islower() and 2 <= len(tag) <= 3)


def test_a_body_on_one_line_is_read_from_its_start() -> None:
    """A page's whole body may come as one line: its opening decides, as with paragraphs
    (and a 20,000-character line does not cost a detection over all of it)."""
    body = " ".join([PARAGRAPHS["uk"]] * 5 + [PARAGRAPHS["en"]] * 40)
    assert "\n" not in body
    assert detect_language(body) == "uk"


@pytest.mark.parametrize(
    "paragraph",
    [
        PARAGRAPHS["uk"],
        "Її брат працює в компанії Siemens AG у Мюнхені вже п'ять років.",
        "Ґрунт на полях Полтавщини цього року висох раніше, ніж торік.",
        "«Мы не допустим этого», — заявив речник, і додав, що зустріч відбудеться.",
        "Google, Apple і Microsoft є серед найбільших платників податків.",
        "Meta, Google, Apple, Amazon, Netflix, Nvidia і Tesla: їхні акції",
        "Міністерство інфраструктури оголосило тендер на ремонт доріг",
        "Її",
        "не є у",
        "що її, бо й він",
    ],
)
@pytest.mark.replaces_parser_code
def test_the_ukrainian_alphabet_shortcut_answers_as_lingua_would(
    paragraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paragraph of twenty Cyrillic letters or more in mostly Cyrillic words that fits only
    the Ukrainian alphabet is called Ukrainian without asking lingua; with the shortcut turned
    off, lingua and the alphabet rule agree on every one: the Latin brands and the few
    stopwords (where lingua names no language) are left to lingua."""
    from newsmodel.extract import language

    fast = detect_language(paragraph)
    monkeypatch.setattr(language, "_plainly_cyrillic", lambda paragraph, cyrillic: False)
    assert fast == detect_language(paragraph)


def test_a_few_stopwords_keep_lingua_s_answer() -> None:
    """Too few letters for the shortcut: lingua names no language for these, so neither does
    the detector (calling them Ukrainian would make a text of them extractable)."""
    assert detect_language("не є у") is None


def test_mostly_latin_words_are_left_to_lingua() -> None:
    """Ukrainian letters in a paragraph of Latin-script words do not make it Ukrainian by
    themselves: lingua decides (an English sentence quoting one Ukrainian word is English)."""
    from newsmodel.extract.language import _plainly_cyrillic

    english = "The deal was signed in Kyiv on Tuesday, calling it «їжак» for short."
    assert not _plainly_cyrillic(english, len("їжак" * 6))  # enough letters, too few words
    assert detect_language(english) == "en"
