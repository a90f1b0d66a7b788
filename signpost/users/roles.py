"""The staff roles as Django/Wagtail groups: who may change what in the admin (ADR 008).

Member and facilitator are not here: they are per group (workspace Membership.role).
The data migration users/0002 creates these groups from this table; an area may adjust a
group's permissions afterwards in the admin (Settings > Groups).
"""

from __future__ import annotations

EDITOR = "Editor"
DIRECTORY_MAINTAINER = "Directory maintainer"
ADMINISTRATOR = "Administrator"

# Page tree permissions an editor holds on the whole site (Wagtail GroupPagePermission).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMINISTRATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "delete_page", "bulk_delete_page"]
# Images and documents live in collections (Wagtail GroupCollectionPermission on the root).
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# Every model permission in these apps: the directory, its imports, exports and feeds, and
# the search words staff add (lexicon).
DIRECTORY_APPS = ["directory", "openreferral", "lexicon"]
