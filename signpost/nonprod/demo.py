"""Load the demo area: places, vocabularies, services, pages and site settings.

Everything comes from files in demo_data/, so a fresh clone can build the demo offline.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from signpost.core.models import SiteSettings
from signpost.directory.gazetteer.loader import load_gazetteer
from signpost.directory.models import Place, Service, ServiceAttribute, Taxonomy, TaxonomyTerm
from signpost.directory.places import refresh_all_coverage
from signpost.openreferral.importer import ImportReport, import_services
from signpost.pages.models import HomePage, InformationPage

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
SERVICE_FILES = ("services.json", "extra_services.json")


def _read(name: str):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _same(held: object, given: object) -> bool:
    """Equal, counting a UUID and its text as the same (the files hold ids as text)."""
    return held == given or (isinstance(held, uuid.UUID) and str(held) == given)


def _upsert(model, pk_field: str, key, values: dict) -> bool:
    """Create the row, or update it only where it differs. True when anything was written."""
    row = model.objects.filter(**{pk_field: key}).first()
    if row is None:
        model.objects.create(**{pk_field: key}, **values)
        return True
    changed = {k: v for k, v in values.items() if not _same(getattr(row, k), v)}
    if changed:
        for name, value in changed.items():
            setattr(row, name, value)
        row.save()
    return bool(changed)


def load_places() -> int:
    """The UK gazetteer, then the demo's own layer on it: groupings such as "Mid
    Nottinghamshire" and a few local places GeoNames lacks. Returns rows changed."""
    changed = load_gazetteer(refresh=False).total
    rows = _read("places.json")
    for row in rows:
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "aliases": row.get("aliases", []),
            "latitude": row.get("latitude"),
            "longitude": row.get("longitude"),
        }
        changed += _upsert(Place, "slug", row["slug"], values)
    by_slug = {place.slug: place for place in Place.objects.prefetch_related("contains")}
    for row in rows:
        place = by_slug[row["slug"]]
        parent = by_slug[row["parent"]] if row.get("parent") else None
        if place.parent_id != (parent.pk if parent else None) or not place.path:
            place.parent = parent
            place.save()  # sets its path under the parent
            changed += 1
        wanted = {by_slug[s].pk for s in row.get("contains", [])}
        if {p.pk for p in place.contains.all()} != wanted:
            place.contains.set(wanted)
            Place.objects.filter(pk=place.pk).update(changed_at=timezone.now())
            changed += 1
    return changed


def load_vocabularies() -> int:
    """Our five vocabularies and their terms, with fixed ids. Returns rows changed."""
    changed = 0
    for data in _read("vocabularies.json"):
        changed += _upsert(
            Taxonomy,
            "id",
            data["id"],
            {
                "name": data["name"],
                "description": data["description"],
                "version": data.get("version", ""),
            },
        )
        for order, term in enumerate(data["terms"]):
            values = {
                "taxonomy_id": data["id"],
                "code": term["code"],
                "name": term["name"],
                "description": term["description"],
                "sort_order": order,
            }
            changed += _upsert(TaxonomyTerm, "id", term["id"], values)
    return changed


def load_services() -> ImportReport:
    """All demo services through the normal HSDS importer."""
    records = [record for name in SERVICE_FILES for record in _read(name)]
    return import_services(records)


def tag_services() -> int:
    """Attach our vocabulary terms to each demo service. Returns how many services changed.

    Only differences are written, and without Service.save(): a save marks the service as
    edited here, so the next load would import every service again.
    """
    terms = {(t.taxonomy.name, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    wanted = {
        service_id: {terms[(vocab, code)] for vocab, codes in by.items() for code in codes}
        for service_id, by in _read("service_terms.json").items()
    }
    found = Service.objects.filter(id__in=wanted).values_list("id", flat=True)
    existing_ids = {str(i) for i in found}
    held: dict[str, set[uuid.UUID]] = {sid: set() for sid in existing_ids}
    own = ServiceAttribute.objects.filter(
        service_id__in=existing_ids, taxonomy_term_id__in=[t.pk for t in terms.values()]
    )
    for service_id, term_id in own.values_list("service_id", "taxonomy_term_id"):
        held[str(service_id)].add(term_id)
    changed = [sid for sid in existing_ids if held[sid] != {t.pk for t in wanted[sid]}]
    for service_id in changed:
        own.filter(service_id=service_id).delete()
        ServiceAttribute.objects.bulk_create(
            ServiceAttribute(service_id=service_id, taxonomy_term=t, link_type=t.taxonomy.name)
            for t in sorted(wanted[service_id], key=lambda t: (t.taxonomy.name, t.sort_order))
        )
    # The search index notices changes through updated_at.
    Service.objects.filter(id__in=changed).update(updated_at=timezone.now())
    return len(changed)


ABOUT_BODY = [
    (
        "text",
        "<p>This website helps people in Nottingham and Nottinghamshire find mental "
        "health support: urgent help, talking therapies, helplines, groups and courses, for "
        "all ages.</p><p>It was designed with people who have used mental health services "
        "and the professionals who run them.</p>",
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
    ]:
        if not InformationPage.objects.filter(slug=slug).exists():
            home.add_child(
                instance=InformationPage(title=title, slug=slug, summary=summary, body=body)
            )
    # The privacy notice is core's own page at /privacy/ now (every install has one); an
    # older demo's page there could never be reached, so it goes.
    InformationPage.objects.filter(slug="privacy", depth=home.depth + 1).delete()
    settings_obj = SiteSettings.for_site(site)
    settings_obj.site_name = "Notts Mental Health Support"
    settings_obj.area_name = "Nottingham and Nottinghamshire"
    settings_obj.footer_links = [
        ("link", {"text": "About this site", "url": "/about/"}),
        ("link", {"text": "For professionals", "url": "/professionals/"}),
    ]
    settings_obj.save()
    return home


@transaction.atomic
def load_demo() -> dict[str, object]:
    """Load the whole demo; run again, it writes only what differs from the files."""
    places = load_places()
    vocab = load_vocabularies()
    report = load_services()
    if report.rejected:
        raise ValueError("Demo data did not import cleanly:\n" + report.summary())
    with disable_reference_index_auto_update():
        tagged = tag_services()
    services_changed = sum(report.created.values()) + sum(report.updated.values())
    if places:
        refresh_all_coverage()  # the gazetteer changed: every service's reach may have
    build_site()
    return {
        "changed": places + vocab + services_changed + tagged,
        "places": Place.objects.count(),
        "terms": TaxonomyTerm.objects.count(),
        "services": Service.objects.count(),
        "tags": tagged,
        "report": report,
    }
