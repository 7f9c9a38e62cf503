from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from stagebeheer.models import Department
from stagebeheer.navigation import panels_for
from stagebeheer.permissions import roles_of


@login_required
def home(request):
    """The start page: each of the user's roles gets the panels its apps offer
    (a coordinator what needs attention, a supervisor the agenda, a leader the
    dashboard)."""
    departments = Department.objects.visible_to(request.user).select_related("school")
    return render(
        request,
        "stagebeheer/home.html",
        {
            "panels": panels_for(request),
            "departments": departments,
            "roles": sorted(roles_of(request.user)),
        },
    )
