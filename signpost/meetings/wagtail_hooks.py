"""Staff pair two groups of a project in the admin; pairing never moves either group's slot."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from signpost.meetings.models import Pairing


class PairingViewSet(SnippetViewSet):
    model = Pairing
    icon = "link"
    menu_label = "Paired groups"
    add_to_admin_menu = True
    list_display = ["__str__", "project", "offset_days"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("project"),
        FieldPanel("first_group", help_text="Its meeting leads the first cycle."),
        FieldPanel("second_group"),
        FieldPanel("offset_days", help_text="Days between the two meetings of a cycle."),
    ]


register_snippet(PairingViewSet)
