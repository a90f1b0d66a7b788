"""Rank directory services for a free-text query, without Django.

A BM25F-style scorer over weighted service fields. Queries are expanded with the lay and
clinical vocabulary in ``lexicon`` (so "no motivation for anything" finds low-mood
services), unknown words are corrected against the index vocabulary (so "anxeity" finds
anxiety services), and crisis queries put round-the-clock crisis lines first.

This module is the public face of the package; the work is done in:

- ``text``: tokens, canonical words and stems, shared by services and queries
- ``phrases``: finding lexicon phrases in a run of words
- ``spelling``: correcting unknown words to known ones
- ``crisis``: crisis queries, and which services are crisis lines
- ``expansion``: a query's words, pairs and lexicon concepts as weighted slots
- ``index``: the BM25F index over service fields
- ``scoring``: the ``Ranker``, which scores, orders and pins
"""

from __future__ import annotations

from .crisis import is_crisis_query
from .documents import ScoredResult, SearchDocument
from .scoring import Ranker
from .text import normalise

__all__ = ["Ranker", "ScoredResult", "SearchDocument", "is_crisis_query", "normalise"]
