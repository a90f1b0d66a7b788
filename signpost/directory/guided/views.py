"""'Help me find support' at /find-support/: one question a page, check answers, then results.

Every page after the start is the response to a post of all the answers so far. It is rendered,
not redirected to, because a redirect would have to carry the answers in an address (which is
logged) or the session (which is stored). Error reports hide the posted answers, and no page
is cached, so a shared computer's browser keeps none of them.
"""

from __future__ import annotations

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from signpost.core.jinja_globals import PROFESSIONAL_SESSION_KEY
from signpost.directory.guided.forms import common_needs, form_for
from signpost.directory.guided.journey import answer_rows, check_all, results_url
from signpost.directory.guided.presenters import choice_items
from signpost.directory.guided.steps import (
    STEPS,
    URGENT_ANSWERS,
    WHO_PROFESSIONAL,
    Answers,
    next_step,
    previous_step,
    wording_for,
)
from signpost.directory.models import TaxonomyTerm

CHANGE = "change-"


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def guided_route(request: HttpRequest) -> HttpResponse:
    """The start page on GET; on POST, whatever the button pressed leads to."""
    if request.method == "GET":
        return render(request, "directory/guided/start.jinja", {})
    answers = Answers.from_post(request.POST)
    step = request.POST.get("step", "")
    go = request.POST.get("go", "next")
    returning = request.POST.get("return_to") == "check"
    needs = common_needs()
    if go == "start":
        return _question(request, "who", answers, needs)
    if go.startswith(CHANGE) and go.removeprefix(CHANGE) in STEPS:
        return _question(request, go.removeprefix(CHANGE), answers, needs, returning=True)
    if step == "check" and go == "back":
        return _question(request, STEPS[-1], answers, needs)
    if go == "results" or step == "check":
        return _results(request, answers, needs)
    if step not in STEPS:
        return render(request, "directory/guided/start.jinja", {})
    if go == "back":
        return _back(request, step, answers, needs, returning=returning)
    return _continue(request, step, answers, needs, returning=returning, skip=go == "skip")


def _back(
    request: HttpRequest,
    step: str,
    answers: Answers,
    needs: list[TaxonomyTerm],
    *,
    returning: bool,
) -> HttpResponse:
    """The page before, keeping whatever was typed on this one, checked or not."""
    if returning:
        return _check_page(request, answers, needs)
    before = previous_step(step)
    if not before:
        hidden = list(answers.hidden_fields())
        return render(request, "directory/guided/start.jinja", {"hidden_fields": hidden})
    return _question(request, before, answers, needs)


def _continue(
    request: HttpRequest,
    step: str,
    answers: Answers,
    needs: list[TaxonomyTerm],
    *,
    returning: bool,
    skip: bool,
) -> HttpResponse:
    """Checks this step's answer; then urgent help, check answers or the next question."""
    if skip and step == "where":
        answers = answers.without("where")
    form = form_for(step, answers, needs)
    if not form.is_valid():
        return _question(request, step, answers, needs, form=form, returning=returning)
    if step == "urgency" and form.cleaned_data["urgency"] in URGENT_ANSWERS:
        return redirect("core:urgent_help")
    if step == "age" and form.cleaned_data.get("age_unknown"):
        answers = answers.without("age")  # they chose not to say: carry no age onwards
    following = "check" if returning else next_step(step)
    if following == "check":
        return _check_page(request, answers, needs)
    return _question(request, following, answers, needs)


def _results(request: HttpRequest, answers: Answers, needs: list[TaxonomyTerm]) -> HttpResponse:
    """The search page for these answers, or the first question that needs fixing."""
    checked = check_all(answers, needs)
    if checked.failed_step:
        return _question(
            request, checked.failed_step, answers, needs, form=checked.failed_form, returning=True
        )
    if checked.urgent:
        return redirect("core:urgent_help")
    if checked.cleaned["who"] == WHO_PROFESSIONAL:
        # The same switch as "For professionals": referral details show on service pages.
        request.session[PROFESSIONAL_SESSION_KEY] = True
    return redirect(results_url(checked.cleaned))


def _question(
    request: HttpRequest,
    step: str,
    answers: Answers,
    needs: list[TaxonomyTerm],
    *,
    form: Form | None = None,
    returning: bool = False,
) -> HttpResponse:
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()} if form else {}
    return render(
        request,
        f"directory/guided/{step}.jinja",
        {
            "step": step,
            "answers": answers,
            "hidden_fields": list(answers.hidden_fields(showing=step)),
            "wording": wording_for(answers.get("who")),
            "items": choice_items(step, answers, needs),
            "errors": errors,
            "error_list": [
                {"text": message, "href": f"#{name}"}
                for name, messages in errors.items()
                for message in messages
            ],
            "returning": returning,
        },
    )


def _check_page(request: HttpRequest, answers: Answers, needs: list[TaxonomyTerm]) -> HttpResponse:
    return render(
        request,
        "directory/guided/check.jinja",
        {
            "step": "check",
            "answers": answers,
            "hidden_fields": list(answers.hidden_fields()),
            "rows": answer_rows(answers, needs),
        },
    )
