from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stagebeheer.models.access_links import hash_token
from stagebeheer.permissions import require_any_role
from visits.calendar import calendar_for
from visits.models import CalendarFeed, Visit


@login_required
def calendar_settings(request):
    require_any_role(request.user, "supervisor", "coordinator")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "visits/calendar.html", {"feed": feed, "url": None})


@login_required
@require_POST
def calendar_renew(request):
    """A new secret URL, shown once; the old one stops working."""
    require_any_role(request.user, "supervisor", "coordinator")
    token = CalendarFeed.renew(request.user)
    feed = CalendarFeed.objects.get(user=request.user)
    messages.success(request, _("Uw agenda-adres is aangemaakt. Een eerder adres werkt niet meer."))
    return render(request, "visits/calendar.html", {"feed": feed, "url": CalendarFeed.url_for(token)})


@login_required
@require_POST
def calendar_revoke(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.success(request, _("Het agenda-adres is ingetrokken."))
    return redirect("visits:calendar")


def calendar_feed(request, token):
    """Public by secret: calendar apps cannot log in. 404 for any unknown token."""
    feed = CalendarFeed.objects.filter(token_hash=hash_token(token)).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    since = timezone.localdate() - timedelta(days=60)
    visits = (
        Visit.objects.visible_to(feed.user)
        .open()
        .filter(placement__school_supervisor=feed.user, placement__state="active", planned_on__gte=since)
        .select_related("placement__student", "placement__host")
        .order_by("planned_on")[:1000]
    )
    response = HttpResponse(calendar_for(visits), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
