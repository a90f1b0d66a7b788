"""The group form in the Wagtail admin: staff name a group's facilitators by email.

Members join through recruitment (a facilitator's welcome), never here: the admin shows who
facilitates a group, not who is in it, and offers no list of accounts to pick from, because
that would put every member's name and address in front of anyone who can edit groups.
"""

from __future__ import annotations

from django import forms
from django.core.validators import validate_email
from wagtail.admin.forms import WagtailAdminModelForm

from signpost.users.services import create_member_account
from signpost.workspace.models import Membership, MembershipState, Role
from signpost.workspace.services import add_member, set_membership_state


class GroupAdminForm(WagtailAdminModelForm):
    facilitator_emails = forms.CharField(
        label="Facilitators",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Their email addresses, one a line. They run the group's meetings and see "
        "its private space; they sign in with a code sent to that address.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            emails = self._current_facilitators().values_list("user__email", flat=True)
            self.initial["facilitator_emails"] = "\n".join(sorted(emails))

    def _current_facilitators(self):
        return Membership.objects.current().filter(group=self.instance, role=Role.FACILITATOR)

    def clean_facilitator_emails(self) -> list[str]:
        emails = []
        for line in self.cleaned_data["facilitator_emails"].split():
            email = line.strip().strip(",;").lower()
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"'{email[:80]}' is not an email address. Put one address on each line, "
                    "like name@example.org"
                ) from None
            emails.append(email)
        return emails

    def save(self, commit: bool = True):
        group = super().save(commit=commit)
        if commit:
            self.save_facilitators()
        return group

    def save_facilitators(self) -> None:
        """Welcome new facilitators and end the facilitation of those taken off, as rows."""
        by = getattr(self, "for_user", None)
        wanted = set(self.cleaned_data.get("facilitator_emails") or [])
        current = {
            m.user.email.lower(): m for m in self._current_facilitators().select_related("user")
        }
        for email in wanted - set(current):
            user = create_member_account(email=email, preferred_name=email.split("@")[0], by=by)
            add_member(group=self.instance, user=user, role=Role.FACILITATOR, by=by)
        for email in set(current) - wanted:
            set_membership_state(
                membership=current[email], state=MembershipState.LEFT, by=by,
                note="No longer a facilitator (changed in the admin)",
            )  # fmt: skip
