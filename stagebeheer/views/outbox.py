from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stagebeheer.mail import send_on_commit
from stagebeheer.mail_tokens import mask
from stagebeheer.models import OutgoingMessage
from stagebeheer.permissions import may_read_outbox, visible_or_404


def _require_coordinator(user):
    if not may_read_outbox(user):
        raise PermissionDenied


@login_required
def outbox(request):
    """What was sent and what failed, for the coordinator's departments."""
    _require_coordinator(request.user)
    queryset = OutgoingMessage.objects.visible_to(request.user).defer("body_text", "body_html")
    status = request.GET.get("status", "")
    if status in OutgoingMessage.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "stagebeheer/outbox.html",
        {"page": page, "status": status, "statuses": OutgoingMessage.Status.choices},
    )


@login_required
def outbox_message(request, pk):
    _require_coordinator(request.user)
    message = visible_or_404(OutgoingMessage.objects, request.user, pk=pk)
    # The stored text holds placeholders, never tokens; they are shown as such.
    return render(
        request, "stagebeheer/outbox_message.html", {"message": message, "body": mask(message.body_text)}
    )


@login_required
@require_POST
def outbox_retry(request, pk):
    """Queue a failed or stuck message once more, as a new mail (a new Message-ID
    and so fresh link tokens); the claim in the task keeps it single."""
    _require_coordinator(request.user)
    message = visible_or_404(OutgoingMessage.objects, request.user, pk=pk)
    requeued = 0
    with transaction.atomic():
        if message.can_be_sent_again:
            # Conditional on the state read, so two clicks (or the sweeper) requeue once.
            requeued = OutgoingMessage.objects.filter(
                pk=message.pk, status=message.status, claimed_at=message.claimed_at, attempts=message.attempts
            ).update(
                status=OutgoingMessage.Status.QUEUED,
                attempts=0,
                message_id="",
                claimed_at=None,
                claimed_by="",
                exchange_started_at=None,
                fate_unknown=False,
            )
        if requeued:
            send_on_commit(message.pk)
    if requeued:
        messages.success(request, _("Het bericht staat opnieuw in de wachtrij."))
    else:
        messages.info(request, _("Dit bericht is niet mislukt en wordt niet opnieuw verzonden."))
    return redirect("outbox_message", pk=message.pk)
