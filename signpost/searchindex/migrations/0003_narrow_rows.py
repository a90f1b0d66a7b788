"""SQLite: a narrow table beside FTS5 with just what eligibility reads (service, ages).

Joining full-text matches to the wide entry table (its JSON columns) read four times the
pages; at 100,000 services that was most of a search's time. PostgreSQL filters the entry
table's own columns under its GIN index and needs nothing here.
"""

from django.db import migrations


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE searchindex_fts_rows (id INTEGER PRIMARY KEY,"
            " service_id char(32) NOT NULL, minimum_age integer NULL, maximum_age integer NULL)"
        )
        cursor.execute("CREATE INDEX searchindex_fts_rows_service ON searchindex_fts_rows (service_id)")
        cursor.execute(
            "INSERT INTO searchindex_fts_rows SELECT id, service_id, minimum_age, maximum_age"
            " FROM searchindex_searchentry"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS searchindex_fts_rows")


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0002_fulltext")]

    operations = [migrations.RunPython(create, drop)]
