"""'Help me find support': a guided route of NHS.UK question pages ending in the public search."""
