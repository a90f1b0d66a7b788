"""The Open Referral UK 3.0 read API: public, keyless, JSON, paged with the HSDS page object."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import TooManyFieldsSent
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from signpost.directory.models import (
    Organisation,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

from .. import serialise
from . import filters
from .openapi import document
from .params import BadParameter, Paging, Params

VERSION = "HSDS-UK-3.0"
PROFILE = "https://openreferraluk.org/developers/specification/3.0"


ALLOWED_METHODS = "GET, HEAD, OPTIONS"
_HEADER_NAMES = re.compile(r"^[A-Za-z0-9\-, ]{0,500}$")


def _json(data: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False, json_dumps_params={"indent": None})
    response["Access-Control-Allow-Origin"] = "*"
    # An error may not stay true for a minute (an id can be imported a moment later).
    response["Cache-Control"] = "public, max-age=60" if status < 400 else "no-store"
    return response


def _preflight(request: HttpRequest) -> HttpResponse:
    """A browser's CORS preflight: any site may GET, with whatever headers it asked to send."""
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    asked = request.headers.get("Access-Control-Request-Headers", "")
    if asked and _HEADER_NAMES.match(asked):
        response["Access-Control-Allow-Headers"] = asked
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOWED_METHODS
    return response


def _error(status: int, code: str, message: str, parameter: str | None = None) -> JsonResponse:
    body: dict[str, Any] = {"status": status, "error": code, "message": message}
    if parameter:
        body["parameter"] = parameter
    return _json(body, status)


def api_view(view: Callable[..., JsonResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD (and CORS preflights) only; a bad parameter becomes a 400 that names it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            return _preflight(request)
        if request.method not in ("GET", "HEAD"):
            response = _error(405, "method_not_allowed", "This API is read-only: use GET.")
            response["Allow"] = ALLOWED_METHODS
            return response
        try:
            query = request.GET
        except TooManyFieldsSent:
            return _error(400, "bad_parameter", "There are too many query parameters.")
        try:
            return view(request, Params(query), *args, **kwargs)
        except BadParameter as problem:
            return _error(
                400,
                "bad_parameter",
                f"{problem.parameter} {problem.reason}",
                parameter=problem.parameter,
            )

    # A read-only public API with no cookies to protect: CSRF would only turn a
    # client's POST into an HTML 403 instead of the JSON 405 it should get.
    return csrf_exempt(wrapped)


def _page_of(paging: Paging, items: list[dict], total: int) -> JsonResponse:
    """The HSDS page object around one page of results."""
    total_pages = math.ceil(total / paging.per_page)
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": paging.page,
            "size": len(items),
            "first_page": paging.page == 1,
            "last_page": paging.page >= total_pages,
            "empty": not items,
            "contents": items,
        }
    )


def _page(params: Params, queryset: QuerySet, shape: Callable[[Any], dict]) -> JsonResponse:
    paging = params.paging()
    start = (paging.page - 1) * paging.per_page
    rows = queryset[start : start + paging.per_page]
    return _page_of(paging, [shape(row) for row in rows], queryset.count())


def _ranked_page(
    params: Params, queryset: QuerySet, ranked_ids: list[uuid.UUID], shape: Callable
) -> JsonResponse:
    """A page of rows in relevance order: page the ids, then fetch only that page's rows."""
    paging = params.paging()
    start = (paging.page - 1) * paging.per_page
    wanted = ranked_ids[start : start + paging.per_page]
    found = {row.id: row for row in queryset.filter(id__in=wanted)}
    return _page_of(paging, [shape(found[pk]) for pk in wanted if pk in found], len(ranked_ids))


def _one(model: type[Model], pk: str, queryset: QuerySet | None = None) -> Any:
    """The row with this id, or None (an id that is not a UUID matches nothing)."""
    try:
        key = uuid.UUID(pk)
    except ValueError:
        return None
    return (
        (queryset if queryset is not None else model._default_manager.all()).filter(pk=key).first()
    )


def _not_found(kind: str, pk: str) -> JsonResponse:
    return _error(404, "not_found", f"There is no {kind} with id {pk[:80]!r}.")


# --- endpoints ------------------------------------------------------------------------------


@api_view
def index(request: HttpRequest, params: Params) -> JsonResponse:
    return _json(
        {
            "version": VERSION,
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("oruk:openapi")),
        }
    )


@api_view
def openapi(request: HttpRequest, params: Params) -> JsonResponse:
    return _json(document(request.build_absolute_uri(reverse("oruk:index"))))


@api_view
def service_list(request: HttpRequest, params: Params) -> JsonResponse:
    chosen = filters.services(params)
    queryset = serialise.summary_queryset(chosen.queryset)
    if chosen.ranked_ids is not None:
        return _ranked_page(params, queryset, chosen.ranked_ids, serialise.service_summary)
    return _page(params, queryset.order_by("name", "id"), serialise.service_summary)


@api_view
def service_detail(request: HttpRequest, params: Params, pk: str) -> JsonResponse:
    item = _one(Service, pk, serialise.full_queryset(Service.objects.all()))
    if item is None:
        return _not_found("service", pk)
    return _json(serialise.service_full(item))


def _service_at_location(link: ServiceAtLocation) -> dict:
    return serialise.compact(
        {
            "id": str(link.id),
            "service_id": str(link.service_id),
            "location_id": str(link.location_id),
            "description": link.description,
            "service": serialise.service_summary(link.service),
            "location": serialise.location(link.location),
        },
        keep=("id",),
    )


def _links(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("service__organisation", "location").prefetch_related(
        "location__addresses", "location__accessibility"
    )


@api_view
def service_at_location_list(request: HttpRequest, params: Params) -> JsonResponse:
    chosen = filters.service_at_locations(params)
    queryset = _links(chosen.queryset)
    if chosen.ranked_ids is not None:
        return _ranked_page(params, queryset, chosen.ranked_ids, _service_at_location)
    return _page(
        params, queryset.order_by("service__name", "location__name", "id"), _service_at_location
    )


@api_view
def service_at_location_detail(request: HttpRequest, params: Params, pk: str) -> JsonResponse:
    link = _one(ServiceAtLocation, pk, _links(ServiceAtLocation.objects.all()))
    if link is None:
        return _not_found("service at location", pk)
    data = _service_at_location(link)
    service = serialise.full_queryset(Service.objects.filter(pk=link.service_id)).get()
    data["service"] = serialise.service_full(service)
    return _json(data)


@api_view
def organization_list(request: HttpRequest, params: Params) -> JsonResponse:
    return _page(params, Organisation.objects.order_by("name", "id"), serialise.organization)


@api_view
def organization_detail(request: HttpRequest, params: Params, pk: str) -> JsonResponse:
    item = _one(Organisation, pk)
    if item is None:
        return _not_found("organization", pk)
    data = serialise.organization(item)
    offered = serialise.summary_queryset(item.services.order_by("name", "id"))
    services = [serialise.service_summary(s) for s in offered]
    for service in services:
        service.pop("organization", None)
    if services:
        data["services"] = services
    return _json(data)


@api_view
def taxonomy_list(request: HttpRequest, params: Params) -> JsonResponse:
    return _page(params, Taxonomy.objects.order_by("name", "id"), serialise.taxonomy)


@api_view
def taxonomy_detail(request: HttpRequest, params: Params, pk: str) -> JsonResponse:
    item = _one(Taxonomy, pk)
    if item is None:
        return _not_found("taxonomy", pk)
    return _json(serialise.taxonomy(item))


@api_view
def taxonomy_term_list(request: HttpRequest, params: Params) -> JsonResponse:
    queryset = TaxonomyTerm.objects.select_related("taxonomy")
    taxonomy_id = params.identifier("taxonomy_id")
    if taxonomy_id:
        queryset = queryset.filter(taxonomy_id=taxonomy_id)
    parent_id = params.identifier("parent_id")
    if parent_id:
        queryset = queryset.filter(parent_id=parent_id)
    if params.boolean("top_only"):
        queryset = queryset.filter(parent__isnull=True)
    return _page(
        params,
        queryset.order_by("taxonomy__name", "sort_order", "name", "id"),
        serialise.taxonomy_term,
    )


@api_view
def taxonomy_term_detail(request: HttpRequest, params: Params, pk: str) -> JsonResponse:
    item = _one(TaxonomyTerm, pk, TaxonomyTerm.objects.select_related("taxonomy"))
    if item is None:
        return _not_found("taxonomy term", pk)
    return _json(serialise.taxonomy_term(item))


@csrf_exempt
def not_found(request: HttpRequest, rest: str) -> JsonResponse:
    """Any other path under the API: a JSON 404, not the site's HTML page."""
    return _error(404, "not_found", "There is no such endpoint. GET / lists what there is.")
