from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "signpost.directory"
    label = "directory"
    verbose_name = "Service directory"
