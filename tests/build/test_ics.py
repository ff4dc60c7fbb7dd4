"""The calendar files the browser makes (debrief/assets/calendar/ics.js), run under Node and
read back by the `icalendar` library as a calendar app would: awkward text (commas, semicolons,
line ends, accents, emoji, lines far past the fold) comes back as written, a day event lasts the
day, a timed one its minutes in floating local time, and the reminder fires when asked."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from debrief.assets import FOLDER

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node")

NOW = "2026-03-09T08:05:07Z"
PROD_ID = "-//Debrief//Calendar//EN"
AWKWARD = ("Thank Ana, María & Zoë; then chase, politely.\nSecond line: “quoted” 😀 — done\n"
           + "A long line of words that runs on well past seventy-five octets " * 4)
EVENTS = [
    {"uid": "interview-1@debrief", "start": "2026-03-12T14:30", "minutes": 90,
     "summary": "Interview: Northwind, Trading; 2nd round 😀", "description": AWKWARD,
     "reminderMinutes": 120},
    {"uid": "thanks-1@debrief", "start": "2026-03-12T18:00", "summary": "Thank-you note",
     "reminderMinutes": 15},
    {"uid": "chase-1@debrief", "start": "2026-03-20", "summary": "Chase the décision",
     "description": "Ask\\why; not \\n a line end"},
]

# Reads the events from standard input, writes the file's text to standard output.
RUN = """
import { calendarFile } from %s;
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { events, now, prodId } = JSON.parse(input);
process.stdout.write(calendarFile(events, { now: new Date(now), prodId }));
"""


def made(events: list[dict]) -> str:
    module = json.dumps((FOLDER / "calendar" / "ics.js").as_uri())
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", RUN % module], capture_output=True, check=False,
        input=json.dumps({"events": events, "now": NOW, "prodId": PROD_ID}).encode())
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def text() -> str:
    return made(EVENTS)


@pytest.fixture(scope="module")
def events(text: str) -> dict:
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]) == PROD_ID
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_every_line_keeps_to_the_rules(text: str) -> None:
    """CRLF line ends only, and no physical line longer than 75 octets of UTF-8."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode()) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines), "the long description was folded"


def test_a_timed_event_starts_and_ends_in_floating_time(events: dict) -> None:
    interview = events["interview-1@debrief"]
    start, end = interview.decoded("DTSTART"), interview.decoded("DTEND")
    assert start == datetime(2026, 3, 12, 14, 30) and start.tzinfo is None
    assert end - start == timedelta(minutes=90)
    thanks = events["thanks-1@debrief"]
    assert thanks.decoded("DTEND") - thanks.decoded("DTSTART") == timedelta(hours=1)
    assert interview.decoded("DTSTAMP") == datetime.fromisoformat(NOW)


def test_a_day_event_lasts_the_day(events: dict) -> None:
    chase = events["chase-1@debrief"]
    assert chase.decoded("DTSTART") == date(2026, 3, 20)
    assert chase.decoded("DTEND") == date(2026, 3, 21)
    assert not chase.walk("VALARM"), "no reminder asked, none given"


def test_awkward_text_comes_back_as_written(events: dict) -> None:
    interview = events["interview-1@debrief"]
    assert str(interview["SUMMARY"]) == EVENTS[0]["summary"]
    assert str(interview["DESCRIPTION"]) == AWKWARD
    assert str(events["chase-1@debrief"]["SUMMARY"]) == "Chase the décision"
    assert str(events["chase-1@debrief"]["DESCRIPTION"]) == EVENTS[2]["description"]


def test_the_reminder_fires_before_the_start(events: dict) -> None:
    (alarm,) = events["interview-1@debrief"].walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-120)
    assert str(alarm["DESCRIPTION"]) == EVENTS[0]["summary"]
    (alarm,) = events["thanks-1@debrief"].walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
