from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from stagebeheer.models import Department
from stagebeheer.navigation import panels_for
from stagebeheer.permissions import department_names, roles_of


@login_required
def home(request):
    """The start page: each of the user's roles gets the panels its apps offer
    (a coordinator what needs attention, a supervisor the agenda, a leader the
    dashboard)."""
    if request.user.is_superuser:
        departments = [d.name for d in Department.objects.visible_to(request.user).select_related("school")]
    else:
        departments = department_names(request.user)  # read with the roles, no query of its own
    return render(
        request,
        "stagebeheer/home.html",
        {
            "panels": panels_for(request),
            "departments": departments,
            "roles": sorted(roles_of(request.user)),
        },
    )
