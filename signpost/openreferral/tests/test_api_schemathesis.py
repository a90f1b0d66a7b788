"""Schemathesis against our own OpenAPI document: no server errors, every answer as documented.

Requests go through the WSGI application in-process, so they see the test's database rows.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from signpost.config.wsgi import application
from signpost.directory.models import ServiceAtLocation
from signpost.openreferral.api.openapi import document

from .conftest import ApiDirectory

SERVER = "http://localhost/api/oruk/"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# The GZip middleware would compress bigger answers; the WSGI test transport does not unzip.
HEADERS = {"Accept-Encoding": "identity"}


schema = schemathesis.openapi.from_dict(document(SERVER))
schema.app = application


def test_the_fuzzed_document_is_the_one_the_api_serves(client):
    served = client.get("/api/oruk/openapi.json").json()
    assert served == document("http://testserver/api/oruk/")
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()


@pytest.fixture
def same_connection():
    """Keep the test's database connection open across WSGI requests, as Django's test client
    does: the request signals would otherwise close it (and its transaction) on PostgreSQL."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def _real_ids(directory: ApiDirectory) -> dict[str, str]:
    service = directory.service
    return {
        "/services/{id}": str(service.id),
        "/service_at_locations/{id}": str(
            ServiceAtLocation.objects.get(service=directory.hidden_service).id
        ),
        "/organizations/{id}": str(service.organisation_id),
        "/taxonomies/{id}": str(directory.term.taxonomy_id),
        "/taxonomy_terms/{id}": str(directory.term.id),
    }


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@pytest.mark.django_db
def test_every_operation_answers_as_documented_and_never_with_a_server_error(
    case, api_directory, same_connection
):
    response = case.call(headers=HEADERS)
    case.validate_response(response, checks=CHECKS, headers=HEADERS)
    real_id = _real_ids(api_directory).get(case.operation.path)
    if real_id and case.method.upper() == "GET":
        # Random ids are nearly all 404s; check a found one against the document too.
        case.path_parameters = {**(case.path_parameters or {}), "id": real_id}
        response = case.call(headers=HEADERS)
        assert response.status_code == 200, response.content[:300]
        case.validate_response(response, checks=CHECKS, headers=HEADERS)
