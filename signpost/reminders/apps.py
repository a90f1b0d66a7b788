from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Calendar feeds, meeting reminders as background tasks, and GOV.UK Notify."""

    name = "signpost.reminders"
    label = "reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from signpost.reminders import checks  # noqa: F401  (registers the Notify check)
