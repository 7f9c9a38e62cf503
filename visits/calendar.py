"""iCalendar text of contact moments, built with the icalendar package."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event


def calendar_for(visits) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Stagebeheer//contactmomenten//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Stagebeheer")
    stamp = timezone.now()
    for visit in visits:
        placement = visit.placement
        event = Event()
        event.add("uid", f"visit-{visit.pk}@stagebeheer")
        event.add("dtstamp", stamp)
        # All-day: the supervisor picks the hour with the host.
        event.add("dtstart", visit.planned_on)
        event.add("dtend", visit.planned_on + timedelta(days=1))
        event.add(
            "summary", f"{visit.get_purpose_display()}: {placement.student.full_name} — {placement.host.name}"
        )
        address = ", ".join(p for p in (placement.host.address, placement.host.city) if p)
        if address:
            event.add("location", address)
        event.add("description", f"{visit.get_mode_display()}")
        event.add("url", settings.SITE_URL + reverse("visits:visit_detail", args=[visit.pk]))
        calendar.add_component(event)
    return calendar.to_ical()
