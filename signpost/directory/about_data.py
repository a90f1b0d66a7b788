"""'About this site's data': where the place data comes from, with the attribution its
licences ask for (OGL v3.0 for postcodes, CC BY 4.0 for councils and towns)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def about_data(request: HttpRequest) -> HttpResponse:
    """A plain page anyone can read; nothing on it depends on the visitor."""
    return render(request, "directory/about_data.jinja")
