"""Events: frames (a trigger lemma whose roles Ukrainian marks by case and preposition),
modality (negated, conditional, planned, cancelled), one event per clause, and one event per
happening across its mentions.

The knowledge is data in ``lexicon/events/`` (frames, categories, support-verb collocations,
idioms, modality words, reporting words); the modules here only apply it:
``lexicon`` reads it, ``clause`` finds a clause's event and its status, ``roles`` its
participants and places, ``dating`` its date, ``merge`` joins retellings, ``find`` runs the stage.
"""

from newsmodel.extract.events.dating import DatedSpan
from newsmodel.extract.events.find import find_events, units
from newsmodel.extract.events.lexicon import Frame, lexicon, trigger_lemmas
from newsmodel.extract.events.merge import EventCandidate
from newsmodel.extract.events.roles import EntityMention

__all__ = [
    "DatedSpan",
    "EntityMention",
    "EventCandidate",
    "Frame",
    "find_events",
    "lexicon",
    "trigger_lemmas",
    "units",
]
