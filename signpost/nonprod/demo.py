"""Load the demo area: places, vocabularies, services, pages and site settings.

Everything comes from files in demo_data/, so a fresh clone can build the demo offline.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from signpost.core.models import SiteSettings
from signpost.directory.coverage import refresh_all_coverage
from signpost.directory.models import Place, Service, ServiceAttribute, Taxonomy, TaxonomyTerm
from signpost.openreferral.importer import ImportReport, import_services
from signpost.pages.models import HomePage, InformationPage

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
SERVICE_FILES = ("services.json", "extra_services.json")


def _read(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_places() -> int:
    """Create or update the gazetteer, then what each place contains."""
    rows = _read("places.json")
    by_slug = {}
    for row in rows:
        place, _ = Place.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "aliases": row.get("aliases", []),
                "postcode_districts": row.get("postcode_districts", []),
            },
        )
        by_slug[row["slug"]] = place
    for row in rows:
        by_slug[row["slug"]].contains.set([by_slug[s] for s in row.get("contains", [])])
    return len(rows)


def load_vocabularies() -> int:
    """Our five vocabularies and their terms, with fixed ids."""
    count = 0
    for data in _read("vocabularies.json"):
        taxonomy, _ = Taxonomy.objects.update_or_create(
            id=data["id"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "version": data.get("version", ""),
            },
        )
        for order, term in enumerate(data["terms"]):
            TaxonomyTerm.objects.update_or_create(
                id=term["id"],
                defaults={
                    "taxonomy": taxonomy,
                    "code": term["code"],
                    "name": term["name"],
                    "description": term["description"],
                    "sort_order": order,
                },
            )
            count += 1
    return count


def load_services() -> ImportReport:
    """All demo services through the normal HSDS importer."""
    records = [record for name in SERVICE_FILES for record in _read(name)]
    return import_services(records)


def tag_services() -> int:
    """Attach our vocabulary terms to each demo service."""
    terms = {(t.taxonomy.name, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    own = [t.pk for t in terms.values()]
    count = 0
    for service_id, by_vocabulary in _read("service_terms.json").items():
        service = Service.objects.filter(id=service_id).first()
        if service is None:
            continue
        ServiceAttribute.objects.filter(service=service, taxonomy_term_id__in=own).delete()
        for vocabulary, codes in by_vocabulary.items():
            for code in codes:
                ServiceAttribute.objects.create(
                    service=service, taxonomy_term=terms[(vocabulary, code)], link_type=vocabulary
                )
                count += 1
        service.save(update_fields=["updated_at"], refresh=False)
    return count


ABOUT_BODY = [
    (
        "text",
        "<p>This website helps people in Nottingham and Nottinghamshire find mental "
        "health support: urgent help, talking therapies, helplines, groups and courses, for "
        "all ages.</p><p>It was designed with people who have used mental health services "
        "and the professionals who run them.</p>",
    ),
]
PRIVACY_BODY = [
    (
        "text",
        "<p>We do not use tracking cookies or analytics. We keep one cookie so the "
        "site can remember your saved list and your choices while you browse.</p><p>If you "
        "report a problem with a page, we keep what you tell us so we can fix the page.</p>",
    ),
]


def _page_tree_root() -> Page:
    """Wagtail's root page; made again if a test flushed the tables its migration filled."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def build_site() -> HomePage:
    """The home page at the site root, a few information pages, and site settings."""
    home = HomePage.objects.first()
    if home is None:
        home = _page_tree_root().add_child(instance=HomePage(title="Home", slug="home-signpost"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            is_default_site=True,
            root_page=home,
            site_name="Signpost",
        )
    if site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    for slug, title, summary, body in [
        ("about", "About this site", "Who runs this website and why.", ABOUT_BODY),
        ("privacy", "Privacy", "What we keep about you, which is very little.", PRIVACY_BODY),
    ]:
        if not InformationPage.objects.filter(slug=slug).exists():
            home.add_child(
                instance=InformationPage(title=title, slug=slug, summary=summary, body=body)
            )
    settings_obj = SiteSettings.for_site(site)
    settings_obj.site_name = "Notts Mental Health Support"
    settings_obj.area_name = "Nottingham and Nottinghamshire"
    settings_obj.footer_links = [
        ("link", {"text": "About this site", "url": "/about/"}),
        ("link", {"text": "Privacy", "url": "/privacy/"}),
        ("link", {"text": "For professionals", "url": "/professionals/"}),
    ]
    settings_obj.save()
    return home


@transaction.atomic
def load_demo() -> dict[str, object]:
    """Load the whole demo; safe to run again (everything updates by id)."""
    places = load_places()
    vocab = load_vocabularies()
    report = load_services()
    if report.rejected:
        raise ValueError("Demo data did not import cleanly:\n" + report.summary())
    with disable_reference_index_auto_update():
        tagged = tag_services()
    refresh_all_coverage()
    build_site()
    return {
        "places": places,
        "terms": vocab,
        "services": Service.objects.count(),
        "tags": tagged,
        "report": report,
    }
