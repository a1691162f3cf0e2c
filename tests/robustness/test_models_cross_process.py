"""Every model survives pickling and deep-copying: articles cross process boundaries
(``--workers``, dask) and callers copy them.  ``PartialDate`` once refused both ("PartialDate
is immutable"), which hung the process pool."""

from __future__ import annotations

import copy
import pickle

from hypothesis import HealthCheck, given, settings

from newsmodel.models import Article, PartialDate
from tests.property.strategies import articles, partial_dates

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=100, deadline=None)
@given(partial_dates)
def test_a_partial_date_pickles_and_copies_to_an_equal_immutable_date(value: PartialDate) -> None:
    """Pickle (every protocol), copy and deepcopy give an equal date of the same precision."""
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert back == value
        assert back.precision == value.precision
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert copy.deepcopy(value).isoformat() == value.isoformat()


def test_a_copied_partial_date_is_still_immutable() -> None:
    """Copying must not open a way to change a date."""
    clone = copy.deepcopy(PartialDate(2024, 6))
    try:
        clone.year = 1  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("a copied PartialDate accepted an assignment")


@SETTINGS
@given(articles())
def test_every_generated_article_pickles_and_deep_copies(article: Article) -> None:
    """A generated article (events with partial dates, every entity kind) comes back equal."""
    assert pickle.loads(pickle.dumps(article)) == article
    assert copy.deepcopy(article) == article
    assert article.model_copy(deep=True) == article
