from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from agreements.models import Agreement, AgreementStatus
from agreements.panels import _with_parties, waiting_rows
from stagebeheer.permissions import has_role, require_coordinator_or_leader


@login_required
def overview(request):
    """Every agreement the user may see, by status; who has not signed yet."""
    require_coordinator_or_leader(request.user)
    status = request.GET.get("status", AgreementStatus.SENT)
    queryset = Agreement.objects.visible_to(request.user)
    if status in AgreementStatus.values:
        queryset = queryset.filter(status=status)
    else:
        status = ""
    queryset = _with_parties(
        queryset.select_related("placement__student", "placement__host").defer("content")
    ).order_by("-sent_at", "-created_at", "-pk")
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "agreements/overview.html",
        {
            "page": page,
            "rows": waiting_rows(page.object_list),
            "status": status,
            "statuses": AgreementStatus.choices,
            "query": f"status={status or 'all'}",
            "can_edit_templates": has_role(request.user, "coordinator"),
        },
    )
