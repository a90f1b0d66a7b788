"""Directory search: a pure-Python ranker (ranking, lexicon) and the Django glue around it."""
