from django.apps import AppConfig


class LexiconConfig(AppConfig):
    name = "signpost.lexicon"
    label = "lexicon"
    verbose_name = "Search words"

    def ready(self) -> None:
        """Let the search read staff phrases, and move their version on every change."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from signpost.directory.search import lexicon

        from . import staff_source
        from .models import SearchPhrase

        lexicon.register_staff_source(staff_source.version, staff_source.phrases)
        uid = "lexicon-staff-phrases"
        post_save.connect(staff_source.changed, sender=SearchPhrase, dispatch_uid=uid)
        post_delete.connect(staff_source.changed, sender=SearchPhrase, dispatch_uid=uid)
        m2m_changed.connect(
            staff_source.changed, sender=SearchPhrase.terms.through, dispatch_uid=uid
        )
