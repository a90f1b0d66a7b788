"""Staff roles as groups: editor, directory maintainer, administrator (see users/roles.py)."""

from django.db import migrations

from signpost.users import roles


def create_roles(apps, schema_editor):
    from signpost.users.migrations._permissions import ensure_permissions

    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    def page_permissions(group, codenames):
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            if root_page is not None:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )

    def media_permissions(group):
        for app_label, codename in roles.MEDIA_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    editor, _ = Group.objects.get_or_create(name=roles.EDITOR)
    editor.permissions.add(access_admin)
    page_permissions(editor, roles.EDITOR_PAGE_PERMISSIONS)
    media_permissions(editor)

    maintainer, _ = Group.objects.get_or_create(name=roles.DIRECTORY_MAINTAINER)
    maintainer.permissions.add(
        access_admin,
        *Permission.objects.filter(content_type__app_label__in=roles.DIRECTORY_APPS),
    )

    administrator, _ = Group.objects.get_or_create(name=roles.ADMINISTRATOR)
    administrator.permissions.add(*Permission.objects.all())
    page_permissions(administrator, roles.ADMINISTRATOR_PAGE_PERMISSIONS)
    media_permissions(administrator)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[roles.EDITOR, roles.DIRECTORY_MAINTAINER, roles.ADMINISTRATOR]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("directory", "0005_problem_report_statuses"),
        ("openreferral", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
