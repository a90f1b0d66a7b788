"""Shared by the role migrations: permissions are normally made after migrating, and the
role groups need them while migrating."""


def ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
