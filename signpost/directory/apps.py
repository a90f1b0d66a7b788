from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "signpost.directory"
    label = "directory"
    verbose_name = "Service directory"

    def ready(self) -> None:
        # The models ask for coverage by signal so they never import the code deriving it.
        from signpost.directory.models.places import coverage_needed
        from signpost.directory.places.coverage import on_coverage_needed

        coverage_needed.connect(on_coverage_needed, dispatch_uid="directory-coverage")
        # A place saved or deleted here is seen by this process's next search at once.
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from signpost.directory.models import Place
        from signpost.directory.places.index import forget

        post_save.connect(forget, sender=Place, dispatch_uid="places-forget-save")
        post_delete.connect(forget, sender=Place, dispatch_uid="places-forget-delete")
        m2m_changed.connect(forget, sender=Place.contains.through, dispatch_uid="places-forget-m2m")
        # Before a web process takes requests (core.warmup): the gazetteer in memory and the
        # busiest templates compiled, so nobody's first search waits for them.
        from signpost.core import warmup

        warmup.register("places", _load_places)
        warmup.register("templates", _compile_templates)


def _load_places() -> None:
    from signpost.directory.places.index import current_index

    current_index()


def _compile_templates() -> None:
    """Every public template, with the NHS.UK macros they import: compiling them is most of a
    first page's time, and happens once per process either way."""
    from django.template import engines

    for engine in engines.all():
        environment = getattr(engine, "env", None)
        if environment is not None:
            for name in environment.list_templates(extensions=["jinja"]):
                environment.get_template(name)
