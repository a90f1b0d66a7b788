"""Staff set each project's involvement rates in the admin (facilitators can, in the workspace)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from signpost.involvement.models import InvolvementRate


class InvolvementRateViewSet(SnippetViewSet):
    model = InvolvementRate
    icon = "pick"
    menu_label = "Involvement rates"
    add_to_admin_menu = True
    list_display = ["project", "payment_per_meeting", "expenses_allowed", "voucher_available"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("project"),
        FieldPanel("payment_per_meeting"),
        FieldPanel("expenses_allowed"),
        FieldPanel("voucher_available"),
    ]


register_snippet(InvolvementRateViewSet)


class FinanceMenuItem(MenuItem):
    """Shown to staff who may download approved claims (the finance permission)."""

    def is_shown(self, request):
        return request.user.has_perm("involvement.export_approved_claims")


@hooks.register("register_admin_menu_item")
def finance_menu_item():
    return FinanceMenuItem(
        "Claims for finance",
        reverse("workspace:involvement:finance"),
        icon_name="download",
        order=950,
    )
