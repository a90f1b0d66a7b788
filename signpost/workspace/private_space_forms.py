"""Forms for a group's private space; messages say what to do, in plain words."""

from __future__ import annotations

from django import forms


class NoteForm(forms.Form):
    """A facilitator's note to the group."""

    title = forms.CharField(
        max_length=120,
        error_messages={
            "required": "Enter a title for the note",
            "max_length": "The title must be 120 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Note",
        max_length=10000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the note",
            "max_length": "The note must be 10,000 characters or fewer",
        },
    )


class DiscussionPostForm(forms.Form):
    """A message in the group's discussion."""

    body = forms.CharField(
        label="Your message",
        max_length=5000,
        widget=forms.Textarea,
        error_messages={
            "required": "Write a message before you post it",
            "max_length": "Your message must be 5,000 characters or fewer",
        },
    )
