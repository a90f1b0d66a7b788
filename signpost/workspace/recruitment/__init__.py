"""Recruitment that never stops: campaigns, the public form, posters, the pipeline, charts."""
