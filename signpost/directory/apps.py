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
