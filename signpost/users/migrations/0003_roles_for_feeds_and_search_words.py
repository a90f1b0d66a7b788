"""Give the staff roles the permissions of models added since 0002: feed subscriptions
and runs (openreferral) and search words (lexicon). Administrators hold every permission."""

from django.db import migrations

from signpost.users import roles


def grant(apps, schema_editor):
    from signpost.users.migrations import _permissions

    _permissions.ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    maintainer = Group.objects.filter(name=roles.DIRECTORY_MAINTAINER).first()
    if maintainer is not None:
        maintainer.permissions.add(
            *Permission.objects.filter(content_type__app_label__in=roles.DIRECTORY_APPS)
        )
    administrator = Group.objects.filter(name=roles.ADMINISTRATOR).first()
    if administrator is not None:
        administrator.permissions.add(*Permission.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_staff_roles"),
        ("openreferral", "0002_feed_subscriptions"),
        ("lexicon", "0001_initial"),
        ("searchindex", "0002_fulltext"),
        ("directory", "0006_uk_gazetteer"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
