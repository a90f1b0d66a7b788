"""Staff set up projects and their co-production groups in the Wagtail admin."""

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from signpost.workspace.admin_forms import GroupAdminForm
from signpost.workspace.models import Group, Project


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "folder-open-inverse"
    list_display = ["name", "ladder_rung"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("focus"),
        FieldPanel("ladder_rung"),
        FieldPanel("ladder_reason"),
    ]


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "group"
    list_display = ["name", "project", "kind"]
    list_filter = ["project", "kind"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("purpose"),
            FieldPanel("public_description"),
            FieldPanel("neutral_name"),
            FieldPanel("wellbeing_contact"),
            FieldPanel("facilitator_emails"),
        ],
        base_form_class=GroupAdminForm,
    )


class CoProductionGroup(SnippetViewSetGroup):
    menu_label = "Co-production"
    menu_icon = "group"
    menu_order = 250
    items = (ProjectViewSet, GroupViewSet)


register_snippet(CoProductionGroup)
