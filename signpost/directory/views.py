"""Public directory pages: search and browse, service pages, reports and 'My list'."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from signpost.core.jinja_globals import PROFESSIONAL_SESSION_KEY
from signpost.directory import presenters
from signpost.directory.back_link import search_query
from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.forms import FILTER_PARAMS, ProblemReportForm, SearchForm
from signpost.directory.models import ProblemReport, Service
from signpost.directory.my_list import MyList, ids_from_share_token
from signpost.directory.places.notice import place_notice, with_distances
from signpost.directory.search_page import (
    chosen_filter_tags,
    filter_panel,
    national_helplines,
    results_heading,
)
from signpost.lexicon.unmatched import note_search

RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    """Search and browse with filters; every filter shows how many results it would give."""
    terms = presenters.vocabulary_terms()
    languages = presenters.language_choices()
    form = SearchForm(
        request.GET,
        vocab_codes={v: {t.code for t in ts} for v, ts in terms.items()},
        language_codes={code for code, _ in languages},
    )
    form.is_valid()
    data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    inferred_age = form.age_from_words() if data.get("age") is None else None
    search_request = SearchRequest(
        text="" if "q" in form.errors else data.get("q", ""),
        age=data.get("age") if inferred_age is None else inferred_age,
        where=data.get("where"),
        terms=form.selected,
        language=data.get("language", ""),
        free=bool(data.get("free")),
        open_now=bool(data.get("open_now")),
        professional=bool(request.session.get(PROFESSIONAL_SESSION_KEY)),
    )
    outcome = find_services(search_request)
    page = Paginator(outcome.service_ids, RESULTS_PER_PAGE).get_page(data.get("page", 1))
    place = search_request.where.label if search_request.where else ""
    has_filters = any(form.selected.values()) or any(
        [search_request.language, search_request.free, search_request.open_now]
    )
    note_search(search_request.text, outcome.total, filtered=has_filters)  # words only, no person
    need_names = [t.name for t in terms.get("needs", []) if t.code in form.selected["needs"]]
    return render(
        request,
        "directory/search.jinja",
        {
            "form": form,
            "outcome": outcome,
            "page": page,
            "cards": with_distances(
                presenters.cards_for(list(page.object_list), place_name=place),
                search_request.where,
            ),
            "place_notice": place_notice(search_request.where, request.GET),
            "place_name": place,
            "panel": filter_panel(terms, languages, form, outcome.facet_counts),
            "tags": chosen_filter_tags(request.GET, form, terms, languages, inferred_age),
            "heading": results_heading(
                outcome.total, need_names, search_request.age, place, bool(form.unknown_place)
            ),
            "browsing": bool(request.GET) and not search_request.text,
            "has_filters": has_filters,
            "searched": bool(request.GET),
            "helplines": national_helplines() if not outcome.total else [],
            "my_list": MyList(request.session),
            "filter_params": FILTER_PARAMS,
            "result_back": _back_to_results(request, page.number),
        },
    )


def _back_to_results(request: HttpRequest, page_number: int) -> str:
    """'?back=...' for each result's link, so its page can lead back to this very page."""
    params = request.GET.copy()
    params["page"] = str(page_number)
    return "?" + urlencode({"back": params.urlencode()})


def _public_service(service_id: uuid.UUID) -> Service:
    service = presenters.service_queryset().public().filter(id=service_id).first()
    if service is None:
        raise Http404("No such service")
    return service


def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """Everything about one service, for the public and (when switched on) professionals."""
    service = _public_service(service_id)
    # Only the search's own parameters survive: the back link can lead nowhere but our search.
    back = search_query(request.GET.get("back", ""))
    return render(
        request,
        "directory/service.jinja",
        {
            "page_service": presenters.ServicePage(service),
            "card": presenters.ServiceCard(service),
            "in_my_list": service.id in MyList(request.session),
            "report_form": ProblemReportForm(),
            "back_query": back,
        },
    )


def _rate_limited(request: HttpRequest) -> bool:
    """True once this address has sent too many reports this hour (the count is hashed)."""
    address = request.META.get("REMOTE_ADDR", "")
    key = "report-rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    count = cache.get_or_set(key, 0, timeout=3600)
    if count >= settings.SIGNPOST_REPORTS_PER_HOUR:
        return True
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
    return False


def report_problem(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """'Report a problem with this page': stored for directory staff to act on."""
    service = _public_service(service_id)
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            # A bot filled the hidden field: say thanks, store nothing.
            return redirect("directory:report_thanks", service_id=service.id)
        if _rate_limited(request):
            form.add_error(None, "You have sent a lot of reports. Please try again in an hour.")
        else:
            ProblemReport.objects.create(
                service=service,
                kind=form.cleaned_data["kind"],
                details=form.cleaned_data["details"],
                email=form.cleaned_data["email"],
            )
            return redirect("directory:report_thanks", service_id=service.id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "directory/report.jinja", {"service": service, "form": form}, status=status
    )


def report_thanks(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _public_service(service_id)
    return render(request, "directory/report_thanks.jinja", {"service": service})


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


@require_POST
def my_list_add(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """Save a service to 'My list'."""
    service = _public_service(service_id)
    if MyList(request.session).add(service.id):
        messages.success(request, f"{service.name} was added to your list.")
    else:
        messages.error(request, "Your list is full. Remove a service to add another.")
    return _back(request, reverse("directory:my_list"))


@require_POST
def my_list_remove(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """Take a service off 'My list'."""
    MyList(request.session).remove(service_id)
    messages.success(request, "The service was removed from your list.")
    return _back(request, reverse("directory:my_list"))


@require_POST
def my_list_clear(request: HttpRequest) -> HttpResponse:
    """Empty 'My list' in one go, for someone who must not leave a trace."""
    MyList(request.session).clear()
    messages.success(request, "Your list is now empty.")
    return redirect("directory:my_list")


def _saved_cards(ids) -> list[presenters.ServiceCard]:
    public_ids = set(Service.objects.public().filter(id__in=list(ids)).values_list("id", flat=True))
    return presenters.cards_for([i for i in ids if i in public_ids])


def my_list(request: HttpRequest) -> HttpResponse:
    """The saved services, with print and share."""
    saved = MyList(request.session)
    ids = [uuid.UUID(i) for i in saved]
    share_url = (
        request.build_absolute_uri(reverse("directory:my_list_shared", args=[saved.share_token()]))
        if ids
        else ""
    )
    return render(
        request,
        "directory/my_list.jinja",
        {
            "cards": _saved_cards(ids),
            "share_url": share_url,
            "printing": False,
            "shared": False,
            "keep_days": settings.SIGNPOST_MY_LIST_KEEP_DAYS,
            "messages": messages.get_messages(request),
        },
    )


def my_list_print(request: HttpRequest) -> HttpResponse:
    """The list laid out for paper: full contact details, no navigation."""
    ids = [uuid.UUID(i) for i in MyList(request.session)]
    return render(
        request,
        "directory/my_list_print.jinja",
        {
            "pages": [presenters.ServicePage(c.service) for c in _saved_cards(ids)],
        },
    )


def my_list_shared(request: HttpRequest, token: str) -> HttpResponse:
    """A list someone shared by link; read-only, nothing stored about who opened it."""
    ids = ids_from_share_token(token)
    if ids is None:
        raise Http404("That shared list link is broken")
    return render(
        request,
        "directory/my_list.jinja",
        {
            "cards": _saved_cards(ids),
            "share_url": "",
            "printing": False,
            "shared": True,
            "messages": [],
        },
    )
