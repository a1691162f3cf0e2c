"""Noun phrases with an organisation or place head word (``Ради безпеки Росії``, ``Курської
області``), their genitive complements, which may be names of their own, and gazetteer
entries with the territory a known body's name runs on over (``СБУ в Луганській області``).
"""

from __future__ import annotations

from newsmodel.extract import morph
from newsmodel.extract.entities.complements import _OPENS_COMPLEMENT, ComplementEdges, _verb_only
from newsmodel.extract.entities.heads import heads_nothing, name_heads
from newsmodel.extract.entities.vocabulary import (
    _BRANCHES,
    _GLUE,
    _LOCATIVE_PREPOSITIONS,
    _PHRASE_POS,
    _PLACE_ABBREVIATIONS,
    _QUOTE_OPEN,
    _REGION_HEADS,
    _SITE_HEADS,
    _TERRITORIAL_GLUE,
    PLACE_HEADS,
)
from newsmodel.extract.entities.words import (
    _compound_organisation,
    _has_name_reading,
    _is_initial,
    _looks_like_person,
    _shouted,
)
from newsmodel.extract.recognizer import EntitySpan, Label
from newsmodel.extract.tokens import latin_script


class PhraseRules(ComplementEdges):
    """The candidate rules of this kind (see the module docs)."""

    def noun_phrase(self, index: int) -> EntitySpan | None:
        """Adjectives + an organisation or place head noun + genitive complements."""
        token = self.tokens[index]
        if not token.is_word or token.text.isdigit():
            return None
        if not token.is_capitalised and not (morph.pos_set(token.text) & _PHRASE_POS):
            return None
        if not token.is_upper and heads_nothing(token.text):
            return None  # "Петренко", "Росії", "заяви": no adjective, and no head word itself
        # "Кременчуцький, Дрогобицький і Надвірнянський НПЗ": one head for all the adjectives
        head = (token.is_capitalised and self.coordinated_adjectives(index)) or index
        while (
            (t := self.tok(head))
            and t.is_word
            and morph.pos_set(t.text) & {"ADJF", "PRTF"}
            and (not morph.pos_set(t.text) & {"ADVB", "COMP"} or self.before_org_head(head))
            and not self.is_head(t.text, name_heads())
            and head - index < 8
            and self.adjacent(head, head + 1)
            # "Донецька обласна рада" agree; "Алчевську Луганської області" is a city (not an
            # adjective) before its region
            and self.agrees(head, head + 1)
        ):
            head += 1
        head_token = self.tok(head)
        if head_token is None or not head_token.is_word:
            return None
        if _is_initial(head_token.text.rstrip(".")):
            return None  # "Підвисоцький М. Т.": initials, not "м." the city
        if (
            head > index
            and token.is_capitalised
            and (head_token.is_upper or _compound_organisation(head_token.text))
            and (not self.initial(index) or self.seat_and_acronym(index, head))
            and head not in self.hits
        ):
            # "Херсонське ОТВ АМКУ", "Головне управління Держгеокадастру": adjective + acronym
            last, parts = self.complements(head, organisation=True)
            return self.span(index, last, "ORG", None, None, tuple(parts))
        is_org = self.org_head(head_token.text)
        is_place = not is_org and (
            self.is_head(head_token.text, PLACE_HEADS) or self.lowered[head] in _PLACE_ABBREVIATIONS
        )
        if not (is_org or is_place):
            if head == index and token.is_upper and (number := self.number_after(index)) > index:
                return self.span(index, self.name_suffix(number), "ORG")  # "АЗС №8", "ПМК № 15"
            return None
        capital = token.is_capitalised
        if not capital and head == index and (named := self.named_after(head)) is not None:
            # "університеті імені Тараса Шевченка", "парку ім. Т. Г. Шевченка": an institution
            # or a site named after someone is a name, its common head and all
            return named
        if head in self.hits and not capital:
            return None
        if token.is_upper and _shouted(token.text):
            return None  # "ДОБРОВІЛЬНОГО ОБ’ЄДНАННЯ": a heading in capitals
        if (
            is_place
            and not capital
            and head == index
            and self.is_head(head_token.text, _SITE_HEADS)
            and self.capital_word(head + 1)
            and self.adjacent(head, head + 1)
            and head + 1 not in self.hits
            and not self.tokens[head + 1].is_upper
        ):
            # "парк Шевченка", "аеропорт Бориспіль": a site and its name are one place name
            last = head + 1
            while last - head < 3 and self.capital_word(last + 1) and self.adjacent(last, last + 1):
                last += 1
            return self.span(index, last, "LOC")
        if is_place and head == index:
            return None  # "Площа", "Проспект": a bare place word names nothing
        if is_place and index in self.hits and self.lowered[head] not in _PLACE_ABBREVIATIONS:
            return None  # "Алчевську Луганської області": a city, then its region
        if is_place and capital:
            region = morph.noun_phrase_nominative(self.words[index : head + 1], PLACE_HEADS)
            # "Донецька обл.": the dot is punctuation
            end = head_token.end - 1 if head_token.text.endswith(".") else head_token.end
            return EntitySpan(token.start, end, "LOC", region, None, index, head)
        last, parts = self.complements(head, organisation=is_org)
        if not capital and not parts:
            if is_org and last == head and (number := self.number_after(head)) > head:
                # "у ліцеї № 4", "шахти №10 «Нововолинська»": a numbered body and its name
                return self.span(index, self.name_suffix(number), "ORG")
            return None  # a lower-case phrase is a name only with a named complement
        if not capital and parts[0].label == "ORG":
            if last > parts[0].last_token + 1 and self.topic(parts[0].last_token + 1):
                # "комітету Верховної Ради з питань охорони здоров'я": the body's own name
                return self.span(index, last, "ORG", None, None, (parts[0],))
            seat = self.regional_seat(parts[0].last_token)
            if head == index and seat is not None and self.is_head(head_token.text, _BRANCHES):
                # "управління Держгеокадастру у Волинській області": a body's regional office
                return self.span(index, seat, "ORG", None, None, (parts[0],))
            # "фракції Партії регіонів": the name is the capitalised organisation inside
            return parts[0]
        if not capital and (first := self.local_body(index, head, parts[0])) is not None:
            # "госпсуду Дніпропетровської області": the region's own court or prosecutor
            return self.span(first, parts[0].last_token, "ORG", None, None, (parts[0],))
        if not capital and parts[0].key is not None and parts[0].first_token == head + 1:
            # "на вулицях Києва", "у центрі Луганська": a common word, then the known place
            return parts[0]
        if not capital and head == index and not is_org:
            return None
        if is_place and not capital and head > index:
            return None
        if (
            capital
            and head == index
            and self.initial(index)
            and not any(self.capital_word(i) for i in range(index + 1, last + 1))
        ):
            return None  # "Суд першої інстанції вирішив": capitalised only by position
        if (
            capital
            and self.initial(index)
            and not any(self.capital_word(i) for i in range(index + 1, head + 1))
            and (after := self.tok(head + 1)) is not None
            and after.is_capitalised
            and latin_script(after.text)
            and self.adjacent(head, head + 1)
        ):
            # "Швейцарська компанія Nestlé", "Американська компанія Boeing": capitalised by
            # position, a descriptor; the Latin name after it is the name
            named = parts[0] if parts and parts[0].first_token == head + 1 else None
            return named if named is not None and named.label == "ORG" else None
        if not capital and head == index and is_org and not parts:
            return None
        if is_place and head == index and last == head:
            return None  # a bare "Область" is no name
        words = self.words[index : head + 1]
        name: str | None = morph.noun_phrase_nominative(
            [*words, *self.words[head + 1 : last + 1]], name_heads()
        )
        if "," in words or any(word.lower() in ("і", "та", "й") for word in words):
            name = None  # coordinated adjectives: no one nominative name for them all
        if (
            is_place
            and not capital
            and not any(self.capital_word(i) for i in range(index, last + 1))
        ):
            return None
        if is_org and capital and (suffix := self.name_suffix(last)) > last:
            # "Громадська організація «Світло»": the quoted name or number stays as written
            tail = self.text[self.tokens[last + 1].start : self.tokens[suffix].end]
            name, last = (f"{name} {tail}" if name else None), suffix
        return self.span(index, last, "ORG" if is_org else "LOC", name, None, tuple(parts))

    def complements(self, head: int, *, organisation: bool) -> tuple[int, list[EntitySpan]]:
        """Extend past the head over genitive complements: ``безпеки``, ``Росії``,
        ``Корейської народної армії``, ``оборони України``."""
        last = head
        parts: list[EntitySpan] = []
        budget = 6 if organisation else 3
        seat = -1  # the last token of a territorial seat just taken ("у м. Києві")
        while budget > 0 and self.adjacent(last, last + 1):
            nxt = last + 1
            if organisation and seat == last:
                if (region_end := self.second_seat(nxt)) is None:
                    break  # "ДПІ у Деснянському районі ГУ ДФС": its parent is another name
                last = seat = region_end  # "в м. Києві та Київській області": both seats
                continue
            hit = self.hits.get(nxt)
            if hit is not None:
                hit_span = self.lexicon(nxt) or self.span(hit.start, hit.end - 1, "ORG")
                if not self.genitive_span(nxt, hit.end - 1):
                    break
                parts.append(hit_span)
                last = hit.end - 1
                budget -= 1
                continue
            token = self.tokens[nxt]
            if (
                token.is_capitalised
                and latin_script(token.text)
                and not latin_script(self.words[last])
            ):
                break  # "компанія Nestlé": a Latin name after Ukrainian words is in apposition
            lower = self.lowered[nxt]
            named_tail = bool(parts) and parts[-1].last_token == last
            if organisation and last > head and not named_tail and self.coordinated(nxt):
                last = nxt  # "економіки та інвестицій", "геодезії, картографії та кадастру"
                continue
            if organisation and self.topic(nxt):
                last = nxt  # "Державне агентство з інвестицій", "комітет з питань ..."
                continue
            if organisation and (end := self.attachment(nxt)) is not None:
                last = end  # "комісія при Президентові", "центр у нафтогазовій галузі"
                budget -= 1
                continue
            if organisation and (seat_end := self.region_seat(nxt, last, head)) is not None:
                last = seat = seat_end[0]  # "ДСНС України у Закарпатській області"
                if seat_end[1] is not None:
                    parts.append(seat_end[1])
                budget -= 1
                continue
            if organisation and (city_end := self.city_seat(nxt)) is not None:
                last = seat = city_end  # "ГУ ДФС у м. Києві": the city office is the name
                budget -= 1
                continue
            if (after_name := self.named_for(nxt)) is not None:
                last = after_name  # "імені Тараса Шевченка", "у м. Києві"
                continue
            if organisation and (end := self.instrumental_complement(last)) is not None:
                last = end  # "Державного управління справами"
                budget -= 1
                continue
            if (
                not token.is_word
                or lower in _LOCATIVE_PREPOSITIONS
                or morph.pos_set(token.text) & {"PREP", "CONJ"}
                or token.text.isdigit()
                or (_verb_only(token.text) and not self.genitive_chain(nxt, last > head))
            ):
                break
            if token.is_upper and (q := self.tok(nxt + 1)) is not None and q.text in _QUOTE_OPEN:
                break  # "компанія ТД «Нафтопостач»": the acronym starts the next name
            # a run of adjectives and a genitive noun
            end = nxt
            while (
                (t := self.tok(end))
                and t.is_word
                and morph.pos_set(t.text) & {"ADJF", "PRTF"}
                and self.adjacent(end, end + 1)
                and end - nxt < 4
                and (not morph.has(t.text, "NOUN", "gent", known=True) or self.before_body(end))
            ):
                end += 1
            noun = self.tok(end)
            if noun is None or not noun.is_word:
                break
            if (
                end > nxt
                and self.lowered[last] not in ("у", "в")
                and not self.genitive_phrase(nxt, end - 1)
            ):
                break  # "райдержадміністрації пляжні зони": a new subject, not a complement
            if not (
                morph.has(noun.text, "NOUN", "gent")
                or noun.is_upper
                or (noun.is_capitalised and not morph.is_known(noun.text))
            ):
                break  # "Верховної Ради нас", "Фонду держмайна про": not a noun complement
            if (
                not token.is_capitalised
                and last > head
                and self.lowered[last] not in _OPENS_COMPLEMENT
                and noun.text.lower().endswith(("ння", "ття"))
            ):
                break  # "Міністерства економіки обґрунтування закупівлі": the sentence goes on
            if (
                token.is_capitalised
                and _looks_like_person(self.words[nxt : end + 1])
                and (noun.is_capitalised or not self.genitive_phrase(nxt, end))
            ):
                break  # not "Черкаської міськради": a surname's form, then a body
            if not token.is_capitalised and not organisation:
                break
            if not token.is_capitalised and named_tail:
                break  # "комітету України перевірки фактів": a name ends with its named part
            if not token.is_capitalised and noun.is_capitalised:
                break
            if token.is_capitalised:
                label: Label = (
                    "ORG"
                    if self.org_head(noun.text)
                    or _compound_organisation(noun.text)
                    or (noun.is_upper and nxt == end)
                    else "LOC"
                )
                inner: list[EntitySpan] = []
                if label == "ORG" and self.org_head(noun.text):
                    end, inner = self.complements(end, organisation=True)
                elif (
                    "республіка" in morph.lemmas_of(noun.text)
                    and self.capital_word(end + 1)
                    and self.adjacent(end, end + 1)
                ):
                    end += 1  # "Автономної Республіки Крим": the name follows the word
                phrase = self.words[nxt : end + 1]
                parts.append(
                    self.span(
                        nxt,
                        end,
                        label,
                        morph.noun_phrase_nominative(phrase, name_heads()),
                        None,
                        tuple(inner),
                    )
                )
            last = end
            budget -= 1
        while last > head and (
            self.lowered[last] in _GLUE
            or (self.lowered[last] == "питань" and self.lowered[last - 1] in ("з", "із"))
        ):
            last -= 1  # "інститут прогнозування та", "управління з питань": the glue words
        return last, [part for part in parts if part.last_token <= last]

    def named_after(self, head: int) -> EntitySpan | None:
        """A lower-case head and its lower-case complements, ``імені`` or ``ім.``, initials and
        a name (``інституту мовознавства ім. О. О. Потебні``): the whole span."""
        last, _ = self.complements(head, organisation=True)
        after = next(
            (i for i in range(head + 1, last) if self.lowered[i] in ("імені", "ім.", "ім")),
            None,
        )
        if after is None or not self.capital_word(last):
            return None
        if any(self.capital_word(i) for i in range(head + 1, after)):
            return None  # "фракції Партії регіонів імені ...": a named part comes first
        label: Label = "ORG" if self.is_head(self.words[head], self.org_heads) else "LOC"
        return self.span(head, last, label)

    def lexicon(self, index: int) -> EntitySpan | None:
        hit = self.hits.get(index)
        if hit is None:
            return None
        if (
            hit.end - hit.start == 1
            and _has_name_reading(self.words[index], "Name")
            and self.capital_word(index + 1)
            and self.adjacent(index, index + 1)
            and index + 1 not in self.hits
            and not self.tokens[index + 1].is_upper
            and morph.shares_case(self.words[index], self.words[index + 1])
        ):
            # "Володимир Гройсман", not the city of Volodymyr ("президентом Ізраїлю Шимоном
            # Пересом" is the country: its case is not the name's)
            return None
        if hit.end - hit.start == 1 and hit.type == "place" and self.foreign_name_after(index):
            return self.span(index, index + 1, "PERS")  # "Джорджія Мелоні", not Georgia
        label: Label = "LOC" if hit.type == "place" else "ORG"
        name = hit.name
        if label == "ORG" and not self.tokens[hit.start].is_upper:
            # the text's own wording, in the nominative: "Збройні сили Росії" as written
            name = morph.noun_phrase_nominative(self.words[hit.start : hit.end], self.org_heads)
        last = hit.end - 1
        if label == "ORG":
            last = self.territorial_extension(last)
        return self.span(hit.start, last, label, name, hit.key)

    def territorial_extension(self, last: int) -> int:
        """``ДСНС України``, ``СБУ в Луганській області``: a known body's name goes on over the
        country or region it serves, which belongs to the name and is no separate place."""
        extended, parts = self.complements(last, organisation=True)
        if extended == last or not parts:
            return last
        for part in parts:
            if part.label != "LOC" or not (
                part.key is not None or self.is_head(self.words[part.last_token], _REGION_HEADS)
            ):
                return last  # "СБУ Ледін": a name after the body is a person, not its seat
        covered = {i for part in parts for i in range(part.first_token, part.last_token + 1)}
        for i in range(last + 1, extended + 1):
            if i not in covered and self.lowered[i] not in _TERRITORIAL_GLUE:
                return last
        return extended
