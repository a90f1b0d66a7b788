"""The staff roles exist as groups with the permissions their names promise."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from signpost.users import roles
from signpost.workspace.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def person_in(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return type(user).objects.get(pk=user.pk)


def test_an_editor_edits_pages_but_not_the_directory():
    editor = person_in(roles.EDITOR)
    assert editor.has_perm("wagtailadmin.access_admin")
    assert GroupPagePermission.objects.filter(
        group__name=roles.EDITOR,
        page=Page.get_first_root_node(),
        permission__codename="publish_page",
    ).exists()
    assert editor.has_perm("wagtailimages.add_image")
    assert not editor.has_perm("directory.change_service")
    assert not editor.has_perm("openreferral.add_importrun")


def test_a_directory_maintainer_edits_services_and_runs_imports_but_not_pages():
    maintainer = person_in(roles.DIRECTORY_MAINTAINER)
    assert maintainer.has_perm("directory.change_service")
    assert maintainer.has_perm("openreferral.add_importrun")
    assert not GroupPagePermission.objects.filter(group__name=roles.DIRECTORY_MAINTAINER).exists()
    assert not maintainer.has_perm("auth.change_group")


def test_a_directory_maintainer_runs_feeds_and_maps_search_words():
    maintainer = person_in(roles.DIRECTORY_MAINTAINER)
    assert maintainer.has_perm("openreferral.add_feedsubscription")
    assert maintainer.has_perm("lexicon.add_searchphrase")
    assert maintainer.has_perm("lexicon.view_unmatchedsearch")
    administrator = person_in(roles.ADMINISTRATOR)
    assert administrator.has_perm("lexicon.change_searchphrase")
    assert administrator.has_perm("openreferral.change_feedsubscription")
    editor = person_in(roles.EDITOR)
    assert not editor.has_perm("lexicon.add_searchphrase")


def test_an_administrator_may_do_everything():
    administrator = person_in(roles.ADMINISTRATOR)
    assert administrator.has_perm("auth.change_group")
    assert administrator.has_perm("users.change_user")
    assert administrator.has_perm("directory.delete_service")
    assert GroupPagePermission.objects.filter(
        group__name=roles.ADMINISTRATOR, permission__codename="delete_page"
    ).exists()
