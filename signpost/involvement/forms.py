"""Forms for claims and rates, with plain messages next to each field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from .models import Choice

MONEY_ERRORS = {
    "invalid": "Enter an amount in pounds, like 4.50",
    "min_value": "Enter an amount of 0 or more",
    "max_value": "Enter an amount under £1,000",
    "max_decimal_places": "Enter pounds and pence, like 4.50",
    "max_digits": "Enter an amount under £1,000",
}


def money_field(*, required: bool = False) -> forms.DecimalField:
    """Pounds and pence, never negative."""
    return forms.DecimalField(
        required=required, min_value=Decimal("0"), max_value=Decimal("999.99"),
        decimal_places=2, max_digits=6,
        error_messages={"required": "Enter an amount in pounds, like 20", **MONEY_ERRORS},
    )  # fmt: skip


class ClaimForm(forms.Form):
    choice = forms.ChoiceField(error_messages={"required": "Choose how you would like to be paid"})
    expenses_amount = money_field()
    expenses_description = forms.CharField(required=False, max_length=500)

    def __init__(self, *args: Any, offered: list[str], expenses: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(c, Choice(c).label) for c in offered]
        if not expenses:
            del self.fields["expenses_amount"]
            del self.fields["expenses_description"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["expenses_amount"] = data.get("expenses_amount") or Decimal("0")
        if data["expenses_amount"] and not data.get("expenses_description"):
            self.add_error(
                "expenses_description", "Say what the expenses were for, like 'bus fare'"
            )
        return data


class RatesForm(forms.Form):
    payment_per_meeting = money_field(required=True)
    expenses_allowed = forms.BooleanField(required=False)
    voucher_available = forms.BooleanField(required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Reject")],
        error_messages={"required": "Choose approve or reject"},
    )
    note = forms.CharField(required=False, max_length=500)
