from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from audit.access import may_read_trail
from audit.models import ReadEvent, ReadKind


@login_required
def read_list(request):
    """Who read what in the coordinator's departments (administrators: everywhere)."""
    if not may_read_trail(request.user):
        raise PermissionDenied
    reads = ReadEvent.objects.visible_to(request.user).select_related("user")
    kind = request.GET.get("kind", "")
    if kind in ReadKind.values:
        reads = reads.filter(kind=kind)
    page = Paginator(reads, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/read_list.html",
        {"page": page, "kind": kind, "kinds": ReadKind.choices, "query": f"kind={kind}" if kind else ""},
    )
