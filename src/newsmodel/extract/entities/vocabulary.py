"""Grammar words of names: legal forms, place heads, prepositions, street words, quotes.

World knowledge (countries, cities, organisations) is the gazetteer's; this is the closed
class vocabulary the rules read.
"""

from __future__ import annotations

LEGAL_FORMS = frozenset(
    [
        "ТОВ",
        "ТзОВ",
        "ПП",
        "ДП",
        "КП",
        "ПАТ",
        "ПрАТ",
        "ВАТ",
        "ЗАТ",
        "АТ",
        "ТДВ",
        "ГО",
        "БФ",
        "ОСББ",
        "НАК",
        "КНП",
        "ДУ",
        "СП",
        "ФГ",
        "ПФ",
        "ТД",
        "СТ",
        "МП",
        "LLC",
        "Ltd",
        "Inc",
        "GmbH",
    ]
)
"""Legal-form abbreviations written before a quoted company name."""

PLACE_HEADS = frozenset(
    [
        "область",
        "район",
        "регіон",
        "край",
        "округ",
        "місто",
        "село",
        "селище",
        "смт",
        "вулиця",
        "проспект",
        "бульвар",
        "провулок",
        "площа",
        "майдан",
        "узвіз",
        "шосе",
        "набережна",
        "річка",
        "море",
        "озеро",
        "острів",
        "півострів",
        "гора",
        "затока",
        "канал",
        "острів",
        "затока",
        "парк",
        "сквер",
        "урочище",
        "хутір",
        "станція",
        "аеропорт",
        # landmarks: "Софійський собор", "Високий замок", "Байкове кладовище"
        "замок",
        "собор",
        "монастир",
        "лавра",
        "фортеця",
        "кладовище",
        "цвинтар",
        "водосховище",
        "алея",
        "вокзал",
    ]
)
"""Generic heads of place names (``Курська область``, ``вулиця Франка``)."""

_LOCATIVE_PREPOSITIONS = frozenset(
    ["у", "в", "до", "з", "із", "зі", "на", "біля", "поблизу", "під", "від", "через", "над", "поза"]
)
_STREET_ABBREVIATIONS = frozenset(
    ["вул.", "просп.", "пл.", "бул.", "пров.", "м.", "с.", "смт.", "обл.", "р-н"]
)
_QUOTED_PLACE_HEADS = frozenset(
    [
        "урочище",
        "заказник",
        "заповідник",
        "парк",
        "сквер",
        "стадіон",
        "аеропорт",
        "вокзал",
        "метро",
        "станція",
        "болото",
        "озеро",
        "острів",
        "пляж",
        "кладовище",
        "цвинтар",
        "степ",
    ]
)
"""Common nouns of places whose quoted name follows: ``урочище «Маяк»``, ``стадіон «Юність»``."""
_SITE_HEADS = frozenset(["парк", "сквер", "аеропорт", "вокзал", "стадіон", "пляж", "кладовище"])
_FEATURE_WORDS = frozenset(
    ["річка", "ріка", "гора", "озеро", "острів", "півострів", "море", "затока", "хребет"]
)
_REGION_HEADS = frozenset({"область", "район"})
_TERRITORIAL_GLUE = frozenset({"у", "в", "м.", "місті", "та", "і"})
_GLUE = frozenset({"та", "і", "й", "з", "із", "у", "в", "імені", "ім.", "ім", "м.", ".", ","})
_QUOTE_PAIRS = {"«": frozenset("»"), "“": frozenset("”"), "„": frozenset("“”")}
"""Which marks close which: inside «...» a “ or " opens a nested name."""
_QUOTE_OPEN = frozenset('«„"“')
_QUOTE_CLOSE = frozenset('»"”“')
_OPENERS = frozenset('.!?…:;—–-«"„“(')
_FUNCTION_POS = frozenset(
    {"PREP", "CONJ", "PRCL", "ADVB", "NPRO", "VERB", "INFN", "NUMR", "INTJ", "PRED", "GRND", "COMP"}
)
SETTLEMENT_KINDS = {
    "село": "settlement",
    "селище": "settlement",
    "містечко": "settlement",
    "хутір": "settlement",
    "смт": "settlement",
    "місто": "city",
    "с.": "settlement",
    "смт.": "settlement",
    "м.": "city",
}
"""Settlement words (lemmas) and abbreviations before a place's name, with the place kind
they give it (``в селі Олексіївка``, ``м. Жовква``)."""
_SETTLEMENT_WORDS = frozenset(word for word in SETTLEMENT_KINDS if not word.endswith("."))
_SETTLEMENT_SHORT = frozenset({"с.", "м.", "смт", "смт."})
_STREET_WORDS = frozenset(
    [
        "вулиця",
        "проспект",
        "провулок",
        "бульвар",
        "площа",
        "узвіз",
        "шосе",
        "набережна",
        "майдан",
        "вул",
        "просп",
        "пров",
        "бул",
        "пл",
        "б-р",
    ]
)
_STREET_SHORT = frozenset(["вул", "просп", "пров", "бул", "пл"])
_LATIN_JOINERS = frozenset(["and", "of", "&", "de", "la", "du", "und"])
_LIST_GLUE = frozenset([",", "і", "й", "та"])
"""What joins the names of a street list: ``вул. Горького, Якубовського та Соборна``."""
_IN_PLACE = frozenset(["у", "в", "на", "біля", "поблизу", "під"])
"""Prepositions that put what follows on the map (not ``до``: ``до Закону України``)."""
_STREET_SHORT_DOTTED = frozenset(["вул.", "просп.", "пров.", "бул.", "пл.", "б-р", "р."])
_ORG_HEAD_ENDINGS = ("суд", "адміністрація", "інспекція", "прокуратура", "служба", "комітет")
_PLACE_ABBREVIATIONS = frozenset({"обл.", "обл", "р-н", "р-ну", "р-ні"})
_PHRASE_POS = frozenset({"ADJF", "PRTF", "NOUN"})
_ROMAN = frozenset(
    [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
        "XVII",
        "XVIII",
        "XIX",
        "XX",
        "XXI",
    ]
)
_NOT_NAMES = frozenset(
    [
        "бог",
        "господь",
        "але",
        "і",
        "й",
        "та",
        "а",
        "або",
        "чи",
        "що",
        "як",
        "це",
        "той",
        "ця",
        "цей",
        "ці",
        "ти",
        "ви",
        "ми",
        "він",
        "вона",
        "вони",
        "я",
        "так",
        "ні",
        "тут",
        "там",
        "де",
        "коли",
        "якщо",
        "щоб",
        "хоча",
        "проте",
        "однак",
        "тому",
        "також",
        "навіть",
        "лише",
    ]
)
_BRANCHES = frozenset(
    {"управління", "відділ", "відділення", "департамент", "філія", "офіс", "представництво"}
)
"""Heads of a body's regional office: ``управління Держгеокадастру у Волинській області``."""
_TERRITORIAL_HEADS = _BRANCHES | frozenset({"інспекція", "прокуратура", "служба"})
"""Heads whose office is named by its territory alone: ``Державна податкова інспекція у
Шевченківському районі``, ``прокуратура у Київській області``."""
_PREPOSITION_NOUNS = frozenset({"боку", "приводу", "нагоди", "рахунок"})
"""Nouns that make a compound preposition with ``з``: ``з боку``, ``з приводу``."""
