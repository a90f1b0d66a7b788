"""The full-text index over entries' analysed keys: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Raw SQL because Django models neither. The tokens are our analyser's own (ADR 010), so the
SQLite tokenizer only splits on spaces ("_" joins pairs) and PostgreSQL's literal tsvector
input applies no dictionary.
"""

from django.db import migrations


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE searchindex_searchentry ADD COLUMN tsv tsvector")
            cursor.execute(
                "CREATE INDEX searchindex_entry_tsv ON searchindex_searchentry USING GIN (tsv)"
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE searchindex_fts USING fts5(strong, body, "
                "tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\")"
            )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS searchindex_entry_tsv")
            cursor.execute("ALTER TABLE searchindex_searchentry DROP COLUMN IF EXISTS tsv")
        elif connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS searchindex_fts")


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
