"""Emailed links of the visits app.

- ``visit_input``: the workplace supervisor's judgement before a conversation.
- Global actions on every link page, whatever its purpose: ``report-concern``
  and ``guide`` (for workplace supervisors).
"""

import secrets

from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from placements.models import Placement
from stagebeheer.history import line, record
from stagebeheer.links import LinkHandler, placement_of, register, register_global_action
from visits import guide, services
from visits.forms import LinkConcernForm, WorkplaceInputForm
from visits.inputs import PURPOSE as INPUT_PURPOSE
from visits.models import ReporterRole, Visit, WorkplaceInput
from visits.notify import notify_concern


@register
class VisitInputHandler(LinkHandler):
    purpose = INPUT_PURPOSE
    label = _("inbreng voor een stagegesprek")

    def _visit(self, link):
        return (
            Visit.objects.filter(pk=link.object_id)
            .select_related("placement__student", "placement__host", "placement__plan")
            .first()
        )

    def _render(self, request, link, visit, form, status=200):
        return render(
            request,
            "visits/links/input_form.html",
            {"link": link, "visit": visit, "form": form},
            status=status,
        )

    def get(self, request, link):
        visit = self._visit(link)
        if visit is None:
            return render(request, "links/unknown.html", status=404)
        return self._render(request, link, visit, WorkplaceInputForm())

    def post(self, request, link):
        visit = self._visit(link)
        if visit is None:
            return render(request, "links/unknown.html", status=404)
        form = WorkplaceInputForm(request.POST)
        if not form.is_valid():
            return self._render(request, link, visit, form, status=400)
        with transaction.atomic():
            # The claim makes a double submit or a second tab store the answer once.
            if not link.claim_completion():
                return render(request, "links/completed.html", {"link": link}, status=410)
            WorkplaceInput.objects.update_or_create(
                visit=visit, defaults={**form.cleaned_data, "submitted_by": link.recipient_name}
            )
            record(
                visit.placement,
                action="visits:input",
                summary=line(gettext_noop("Inbreng van de praktijkbegeleider ontvangen")),
                actor_label=link.recipient_name,
            )
        return render(request, "visits/links/input_thanks.html", {"link": link, "visit": visit})


def placement_of_link(link):
    """The placement behind any link (each purpose's handler knows how to find it)."""
    placement = placement_of(link)
    return placement if isinstance(placement, Placement) else None


def _guess_role(link, placement):
    email = (link.recipient_email or "").lower()
    if placement is not None and placement.student.email and placement.student.email.lower() == email:
        return ReporterRole.STUDENT
    role = (link.recipient_role or "").lower()
    if "praktijk" in role or "werkplek" in role:
        return ReporterRole.WORKPLACE_SUPERVISOR
    if "ouder" in role or "verzorger" in role:
        return ReporterRole.GUARDIAN
    if "leerling" in role or "student" in role:
        return ReporterRole.STUDENT
    return ReporterRole.OTHER


def report_concern(request, link):
    """Students, parents and workplace supervisors report a concern from any link page."""
    placement = placement_of_link(link)
    department = placement.plan.department if placement else link.department
    context = {"link": link, "placement": placement, "department": department}
    if department is None:
        # Nothing to attach it to: say whom to contact rather than lose the report.
        return render(request, "visits/links/concern_unavailable.html", context)
    if request.method == "POST":
        form = LinkConcernForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            # One report per form: the unique submission key makes a double
            # submit or a reload store it once.
            try:
                with transaction.atomic():
                    concern = services.report_concern(
                        department=department,
                        placement=placement,
                        kind=data["kind"],
                        reporter_role=data["reporter_role"],
                        reporter_name=link.recipient_name,
                        reporter_contact=data["reporter_contact"] or link.recipient_email,
                        occurred_on=data["occurred_on"],
                        description=data["description"],
                        submission_key=data["nonce"],
                        actor_label=link.recipient_name,
                    )
                    notify_concern(concern)
            except IntegrityError:
                pass
            return render(request, "visits/links/concern_thanks.html", context)
        context["form"] = form
        return render(request, "visits/links/concern_form.html", context, status=400)
    context["form"] = LinkConcernForm(
        initial={
            "reporter_role": _guess_role(link, placement),
            "occurred_on": timezone.localdate(),
            "nonce": secrets.token_urlsafe(16),
        }
    )
    return render(request, "visits/links/concern_form.html", context)


def workplace_guide(request, link):
    """The plan's guide for workplace supervisors (defaults when the plan has none)."""
    placement = placement_of_link(link)
    plan_guide = None
    if placement is not None:
        from visits.models import PlanGuide

        plan_guide = PlanGuide.objects.filter(plan_id=placement.plan_id).first()
    return render(
        request,
        "visits/links/guide.html",
        {"link": link, "placement": placement, "sections": guide.sections_for(plan_guide)},
    )


register_global_action("report-concern", report_concern)
register_global_action("guide", workplace_guide)
