"""Top-level URLs: the public site, the Wagtail admin and Wagtail-served pages."""

from django.apps import apps
from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from signpost.core import views as core_views
from signpost.openreferral.api import views as oruk_views

urlpatterns = [
    # Everyone signs in through allauth (ADR 008): the admin's own password form would skip
    # the second factor, so its address sends people to ours, keeping ?next=.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("accounts/", include("allauth.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/oruk/", include("signpost.openreferral.api.urls")),
    # Clients often drop the slash; an HTML redirect would be no use to them.
    path("api/oruk", oruk_views.index),
    path("documents/", include(wagtaildocs_urls)),
    path("workspace/meetings/", include("signpost.meetings.urls")),
    path("workspace/", include("signpost.workspace.urls")),
    path("get-involved/", include("signpost.workspace.recruitment.public_urls")),
    path("", include("signpost.core.urls")),
    path("", include("signpost.pages.urls")),
    path("", include("signpost.directory.urls")),
]

# The demo and the components page exist only where local or test settings install them
# (issue 11): production never routes them, whatever SIGNPOST_COMPONENTS_PAGE says.
if apps.is_installed("signpost.nonprod"):
    urlpatterns.append(path("", include("signpost.nonprod.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

handler404 = core_views.page_not_found
handler500 = core_views.server_error
handler400 = core_views.bad_request
