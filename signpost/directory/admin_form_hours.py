"""The week of opening hours on the service form: fields, checks, and the schedules to keep.

A mixin for the service admin form (see admin_forms). Staff give each day as closed, open
24 hours or open at up to three times, with a note; bad times get a plain message on the
field they are in, and the form keeps what was typed.
"""

from __future__ import annotations

from typing import Any

from django import forms

from signpost.directory import opening_week as ow
from signpost.directory.models import Schedule
from signpost.directory.opening import DAY_CODES, DAY_NAMES, parse_byday
from signpost.directory.service_history import schedule_line

WINDOWS_PER_DAY = 3
TIMES = ("opens", "closes")
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth"]
STATE_CHOICES = [
    (ow.OPEN, "Open at these times"),
    (ow.ALL_DAY, "Open 24 hours"),
    (ow.CLOSED, "Closed"),
]


def hours_field(day: int, part: str, window: int | None = None) -> str:
    """The form field name for one part of a day: hours_mo_state, hours_mo_1_opens..."""
    middle = f"_{window}" if window is not None else ""
    return f"hours_{DAY_CODES[day].lower()}{middle}_{part}"


class OpeningWeekFields(forms.BaseForm):
    """Adds a week of opening hours to a service form, read from and saved to schedules."""

    instance: Any

    def _load_week(self) -> None:
        schedules = list(self.instance.schedules.all()) if self.instance.pk else []
        self.week_schedules = [s for s in schedules if ow.fits_week(s)]
        self.kept_schedules = [s for s in schedules if not ow.fits_week(s)]
        self.loaded_week = ow.week_from_schedules(self.week_schedules)
        self.submitted_week: ow.Week | None = None
        self._add_week_fields()

    def _add_week_fields(self) -> None:
        for day, hours in enumerate(self.loaded_week):
            name = DAY_NAMES[day]
            self._add(hours_field(day, "state"), _state_field(name), hours.state)
            for index in range(1, WINDOWS_PER_DAY + 1):
                window = hours.windows[index - 1] if index <= len(hours.windows) else None
                self._add_window_fields(day, index, window)
            note = forms.CharField(
                label=f"Note for {name}",
                required=False,
                max_length=255,
                help_text="Shown to the public, such as 'Last entry 4pm'.",
            )
            self._add(hours_field(day, "note"), note, hours.note)

    def _add_window_fields(self, day: int, index: int, window: ow.Window | None) -> None:
        opens = ow.format_time(window.opens) if window else ""
        closes = ow.format_time(window.closes) if window else ""
        overnight = bool(window and window.closes < window.opens and window.closes != ow.MIDNIGHT)
        self._add(hours_field(day, "opens", index), _time_field("Opens"), opens)
        self._add(hours_field(day, "closes", index), _time_field("Closes"), closes)
        self._add(
            hours_field(day, "overnight", index),
            forms.BooleanField(label="Closes after midnight", required=False),
            overnight,
        )

    def _add(self, name: str, field: forms.Field, initial: Any) -> None:
        self.fields[name] = field
        self.initial[name] = initial

    def week_rows(self) -> list[dict[str, Any]]:
        """The week's bound fields, a day at a time, for the panel template."""
        rows = []
        for day, name in enumerate(DAY_NAMES):
            windows = [
                {
                    "legend": f"{name}, {ORDINAL_WORDS[index - 1]} opening",
                    "opens": self[hours_field(day, "opens", index)],
                    "closes": self[hours_field(day, "closes", index)],
                    "overnight": self[hours_field(day, "overnight", index)],
                }
                for index in range(1, WINDOWS_PER_DAY + 1)
            ]
            rows.append(
                {
                    "name": name,
                    "state": self[hours_field(day, "state")],
                    "windows": windows,
                    "note": self[hours_field(day, "note")],
                }
            )
        return rows

    def kept_schedule_lines(self) -> list[str]:
        """The hours the week cannot show, in words, listed read-only under it."""
        return [schedule_line(schedule) for schedule in self.kept_schedules]

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        self.submitted_week = tuple(self._clean_day(day) for day in range(7))
        return cleaned

    def _clean_day(self, day: int) -> ow.DayHours:
        name = DAY_NAMES[day]
        state = self.cleaned_data.get(hours_field(day, "state")) or ow.CLOSED
        windows = []
        for index in range(1, WINDOWS_PER_DAY + 1):
            window = self._clean_window(day, index)
            if window:
                windows.append(window)
        typed = any(
            (self.data.get(self.add_prefix(hours_field(day, part, index))) or "").strip()
            for index in range(1, WINDOWS_PER_DAY + 1)
            for part in ("opens", "closes")
        )
        if state == ow.OPEN and not typed:
            self.add_error(
                hours_field(day, "opens", 1),
                f"Enter {name}'s opening and closing times, or choose 'Closed'",
            )
        elif state != ow.OPEN and typed:
            chosen = "closed" if state == ow.CLOSED else "open 24 hours"
            self.add_error(
                hours_field(day, "state"),
                f"{name} is marked {chosen} but has times: choose 'Open at these times', "
                "or clear the times",
            )
        note = (self.cleaned_data.get(hours_field(day, "note")) or "").strip()
        unique = tuple(sorted(set(windows), key=lambda w: (w.opens, w.closes)))
        return ow.DayHours(state, unique if state == ow.OPEN else (), note)

    def _clean_window(self, day: int, index: int) -> ow.Window | None:
        """One opening's times, or None; a problem is added as an error on its field."""
        name = DAY_NAMES[day]
        names = {part: hours_field(day, part, index) for part in ("opens", "closes", "overnight")}
        texts = {part: (self.cleaned_data.get(names[part]) or "").strip() for part in TIMES}
        times = {}
        for part in TIMES:
            times[part] = ow.parse_time(texts[part]) if texts[part] else None
            if texts[part] and times[part] is None:
                self.add_error(
                    names[part], f"Enter a real time for {name}, such as 09:30 or 5:30pm"
                )
        opens, closes = times["opens"], times["closes"]
        if texts["opens"] and not texts["closes"]:
            self.add_error(names["closes"], f"Enter the time {name}'s opening closes")
        elif texts["closes"] and not texts["opens"]:
            self.add_error(names["opens"], f"Enter the time {name}'s opening starts")
        if opens is None or closes is None:
            return None
        problem = _window_problem(
            name, opens, closes, bool(self.cleaned_data.get(names["overnight"]))
        )
        if problem:
            self.add_error(names["closes"], problem)
            return None
        return ow.Window(opens, closes)

    def _schedules_to_keep(self, week: ow.Week) -> list[Schedule]:
        """The kept schedules, and the week's rules, reusing any row that already says one."""
        spare = {_rule_key_of(s): s for s in self.week_schedules}
        timezones = {s.timezone for s in self.week_schedules}
        timezone = timezones.pop() if len(timezones) == 1 else ""
        result: list[Schedule] = list(self.kept_schedules)
        for order, rule in enumerate(ow.rules_for_week(week)):
            key = (rule.byday, rule.opens_at, rule.closes_at, rule.description)
            schedule = spare.pop(key, None) or Schedule(
                freq="WEEKLY",
                byday=rule.byday,
                opens_at=rule.opens_at,
                closes_at=rule.closes_at,
                description=rule.description,
                timezone=timezone,
            )
            schedule.sort_order = order
            result.append(schedule)
        return result

    def _save_week(self) -> None:
        """Rewrite the week's schedules only when the week changed; others are kept as is."""
        if self.submitted_week is not None and self.submitted_week != self.loaded_week:
            self.instance.schedules = self._schedules_to_keep(self.submitted_week)


def _state_field(day_name: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"Is it open on {day_name}?",
        choices=STATE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )


def _time_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"size": 7, "autocomplete": "off", "spellcheck": "false"}),
    )


def _window_problem(name: str, opens: Any, closes: Any, overnight: bool) -> str:
    """What is wrong with an opening's times, in plain words, or '' if nothing."""
    if opens == closes:
        return f"The closing time for {name} must be different from the opening time"
    if overnight and closes > opens:
        return (
            f"{name}'s closing time is after its opening time, so it does not close after "
            "midnight: untick 'Closes after midnight', or check the times"
        )
    if not overnight and closes < opens and closes != ow.MIDNIGHT:
        return (
            f"The closing time for {name} must be after the opening time. If it closes after "
            "midnight, tick 'Closes after midnight'"
        )
    return ""


def _rule_key_of(schedule: Schedule) -> tuple[str, Any, Any, str]:
    """What a stored schedule says, keyed as a week's rule is, so an unchanged row is reused."""
    days = tuple(sorted({rule.weekday for rule in parse_byday(schedule.byday)}))
    byday = ow.Rule(days, None, None, "").byday
    return (byday, schedule.opens_at, schedule.closes_at, schedule.description.strip())
