from signpost.directory.tests.uk_gazetteer import uk_gazetteer  # noqa: F401
