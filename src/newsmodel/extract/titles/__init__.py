"""Job titles and whom they belong to, read off the annotated document.

A person's title is written beside the name (:mod:`.apposition`: ``міністр оборони КНДР Но Кван
Чхоль``, ``Ірина Коваль, голова правління банку``), or as a predicate's complement
(:mod:`.predicate`: ``є засновником``, ``став керівником``, ``Директором фірми є ...``), whose
subject may be a pronoun or ``останній`` referring to the person named last before it.  Titles
are in the nominative singular, with the organisation part as written (``голова правління
ПриватБанку``).  Head words, predicate verbs and the other special words are lexicon data.
"""

from newsmodel.extract.titles.lexicon import title_heads
from newsmodel.extract.titles.links import TitleLink, choose, find_titles, resolve
from newsmodel.extract.titles.phrase import Title

__all__ = ["Title", "TitleLink", "choose", "find_titles", "resolve", "title_heads"]
