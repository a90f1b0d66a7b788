from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "signpost.workspace"
    label = "workspace"
    verbose_name = "Co-production workspace"
