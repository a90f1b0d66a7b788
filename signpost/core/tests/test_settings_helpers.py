import pytest
from django.core.exceptions import ImproperlyConfigured

from signpost.config.database import database_from_url
from signpost.config.env import env_bool, env_int, env_list


@pytest.mark.parametrize(
    "raw, expected", [("true", True), ("YES", True), ("0", False), ("off", False)]
)
def test_yes_no_settings_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", not expected) is expected


def test_a_yes_no_setting_refuses_nonsense_with_a_clear_message(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be true or false"):
        env_bool("SOME_FLAG", False)


def test_a_number_setting_refuses_words_and_out_of_range_values(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "lots")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("SOME_NUMBER", 1)
    monkeypatch.setenv("SOME_NUMBER", "0")
    with pytest.raises(ImproperlyConfigured, match="between 1 and 10"):
        env_int("SOME_NUMBER", 1, minimum=1, maximum=10)


def test_list_settings_split_on_commas_and_drop_blanks(monkeypatch):
    monkeypatch.setenv("SOME_HOSTS", "a.example, b.example,,")
    assert env_list("SOME_HOSTS", []) == ["a.example", "b.example"]


def test_no_database_url_means_the_embedded_sqlite_file_with_wal_and_immediate(tmp_path):
    config = database_from_url("", tmp_path / "var" / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "var" / "db.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_a_postgres_url_selects_postgresql(tmp_path):
    config = database_from_url("postgres://me@db.example:5433/signpost", tmp_path / "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "signpost")


def test_an_unsupported_database_is_refused(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="sqlite:/// or postgres://"):
        database_from_url("mysql://root@localhost/db", tmp_path / "x")
