"""Everything the workspace holds about a person, found by walking what points at them.

Rather than a list of models to remember, the export asks Django for every field in our
own apps that points at the user model and collects the rows that point at this person.
A new model that names people is therefore exported as soon as it exists; the only way to
leave one out is to add it to EXCLUDED with a reason (a test checks the list stays honest).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime

from signpost.workspace.profile.names import display_name

# "app_label.ModelName.field" -> why it is not in a person's export.
EXCLUDED: dict[str, str] = {}

# Rows that belong to an exported row and say something about the person (a membership's
# dated states). Keyed by model label, naming the reverse accessor to follow.
CHILDREN: dict[str, str] = {"workspace.Membership": "statuses"}

# Fields never shown: secrets that would let someone act as the person.
SECRET_FIELDS = {"password", "token", "secret", "key", "code"}

USER_FIELDS = ("username", "first_name", "last_name", "email", "date_joined", "last_login")


@dataclass
class Section:
    """Rows of one model that point at the person through one field."""

    label: str
    title: str
    via: str
    rows: list[dict[str, Any]] = field(default_factory=list)


# Models outside our apps that still hold something a person should see (their addresses).
THIRD_PARTY = {"account.EmailAddress"}


def person_fields() -> list[models.Field]:
    """Every foreign key, one-to-one or many-to-many field in our apps that points at a user."""
    user_model = get_user_model()
    found: list[models.Field] = []
    for model in apps.get_models():
        ours = model.__module__.startswith("signpost.") and model is not user_model
        if not ours and model._meta.label not in THIRD_PARTY:
            continue
        # Local fields only: a field inherited from another app's model (Wagtail's page
        # owner) belongs to that app's records, not to what our workspace holds.
        for model_field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            if (
                isinstance(model_field, models.ForeignKey | models.ManyToManyField)
                and model_field.remote_field.model is user_model
            ):
                found.append(model_field)
    return found


def field_key(model_field: models.Field) -> str:
    """The "app_label.ModelName.field" name used in EXCLUDED."""
    return f"{model_field.model._meta.label}.{model_field.name}"


def collect(user: Any, *, readable: bool = False) -> dict[str, Any]:
    """The person's account details and every section of rows that names them.

    `readable` is for the page: dates in words and local time, no internal ids.
    """
    sections = []
    for model_field in person_fields():
        if field_key(model_field) in EXCLUDED:
            continue
        model = model_field.model
        rows = model._default_manager.filter(**{model_field.name: user}).distinct()
        if rows.exists():
            sections.append(
                Section(
                    label=model._meta.label,
                    title=str(model._meta.verbose_name_plural).capitalize(),
                    via=str(model_field.verbose_name),
                    rows=[_row(row, user, readable) for row in rows],
                )
            )
    account = {
        _account_label(user, name, readable): _value(getattr(user, name), readable)
        for name in USER_FIELDS
    }
    return {"account": account, "sections": sections}


def as_json(user: Any) -> dict[str, Any]:
    """The export as plain JSON-ready data."""
    data = collect(user)
    return {
        "exported_at": _value(dt.datetime.now(tz=dt.UTC)),
        "account": data["account"],
        "sections": [section.__dict__ for section in data["sections"]],
    }


def _account_label(user: Any, name: str, readable: bool) -> str:
    return str(user._meta.get_field(name).verbose_name).capitalize() if readable else name


def _row(instance: models.Model, person: Any, readable: bool) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for model_field in instance._meta.concrete_fields:
        if _is_secret(model_field.name) or (readable and model_field.primary_key):
            continue
        value = _field_value(instance, model_field, person, readable)
        row[str(model_field.verbose_name)] = value
    children = CHILDREN.get(instance._meta.label)
    if children:
        kept = getattr(instance, children).all()
        row[children] = [_row(child, person, readable) for child in kept]
    return row


def _field_value(
    instance: models.Model, model_field: models.Field, person: Any, readable: bool
) -> Any:
    """A field as a person would read it: choices in words, people by name, others by name."""
    value = getattr(instance, model_field.attname)
    if value is None:
        return None
    if model_field.is_relation:
        related = getattr(instance, model_field.name)
        if isinstance(related, get_user_model()):
            return "you" if related.pk == person.pk else display_name(related)
        return str(related)
    if model_field.choices:
        return str(getattr(instance, f"get_{model_field.name}_display")())
    return _value(value, readable)


def _is_secret(name: str) -> bool:
    return name in SECRET_FIELDS or any(word in name for word in ("password", "token", "secret"))


def _value(value: Any, readable: bool = False) -> Any:
    if readable and isinstance(value, dt.datetime):
        return date_format(localtime(value), "j F Y, H:i")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str | int | float | bool | list | dict) or value is None:
        return value
    return str(value)
