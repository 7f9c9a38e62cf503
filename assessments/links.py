"""Emailed links of the assessments app.

- ``assessment_form``: the workplace supervisor's form, or the student's
  self-assessment, for one round of one placement. GET shows it (a draft comes
  back as it was left); POST ``/draft/`` saves a draft and keeps the link open;
  POST submits once, claimed by a conditional UPDATE, then the page is read-only.
- ``stageboek``: the student's stageboek for one placement (see StageboekHandler).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from assessments import filling, stageboek
from assessments.forms import HandInForm
from assessments.models import Assessment, Assignment, Party
from assessments.opening import PURPOSE
from placements.models import Placement
from stagebeheer.links import LinkHandler, register, remember_placement, target_of


def _assessment(link, scores=True):
    """The link's form with what its pages show; ``scores=False`` for a POST,
    which reads the scores from the request (and replaces them)."""
    assessment = (
        Assessment.objects.filter(pk=link.object_id)
        .select_related(
            "placement__student",
            "placement__host",
            "placement__plan",
            "placement__school_supervisor",
            "round",
            "framework__scale",
        )
        .prefetch_related(*(["scores"] if scores else []))
        .first()
    )
    if assessment is not None:
        remember_placement(link, assessment.placement)
    return assessment


@register
class AssessmentFormHandler(LinkHandler):
    purpose = PURPOSE
    label = _("beoordelingsformulier")

    def placement_for(self, link):
        assessment = Assessment.objects.filter(pk=link.object_id).select_related("placement__plan").first()
        return assessment.placement if assessment else None

    def _render(self, request, link, assessment, form, status=200, error=None, saved=False):
        return render(
            request,
            "assessments/links/form.html",
            {
                "link": link,
                "assessment": assessment,
                "form": form,
                "is_student": assessment.party == Party.STUDENT,
                "error": error,
                "saved": saved,
            },
            status=status,
        )

    def _form(self, assessment, data=None, submit=False, context=None):
        """``context``: the (levels, competencies) of an earlier form of this request."""
        levels, competencies = context or filling.form_context(assessment.framework, assessment.party)
        initial = None if data is not None else filling.initial_for(assessment)
        return filling.AssessmentForm(
            data, initial=initial, levels=levels, competencies=competencies, submit=submit
        )

    def get(self, request, link):
        assessment = _assessment(link)
        if assessment is None:
            return render(request, "links/unknown.html", status=404)
        if assessment.is_submitted:
            return self.completed_response(request, link)
        return self._render(request, link, assessment, self._form(assessment))

    def _post(self, request, link, submit):
        assessment = _assessment(link, scores=False)
        if assessment is None:
            return render(request, "links/unknown.html", status=404)
        if assessment.is_submitted:
            return render(request, "links/completed.html", {"link": link}, status=410)
        context = filling.form_context(assessment.framework, assessment.party)
        form = self._form(assessment, request.POST, submit=submit, context=context)
        if not form.is_valid():
            return self._render(request, link, assessment, form, status=400)
        try:
            filling.save(
                assessment,
                form,
                submit=submit,
                by_label=link.recipient_name,
                link=link if submit else None,
                refresh=submit,  # a draft reads the form again below
            )
        except filling.ConflictError as exc:
            return self._render(request, link, assessment, form, status=409, error=str(exc))
        if submit:
            return render(request, "assessments/links/thanks.html", {"link": link, "assessment": assessment})
        # Back to the form with what was saved and the new revision, to carry on;
        # the framework's levels and texts are those the POST was checked against.
        levels, competencies = context
        fresh = filling.AssessmentForm(
            initial=filling.initial_after_draft(assessment, form), levels=levels, competencies=competencies
        )
        return self._render(request, link, assessment, fresh, saved=True)

    def post(self, request, link):
        return self._post(request, link, submit=True)

    def post_draft(self, request, link):
        return self._post(request, link, submit=False)

    def completed_response(self, request, link):
        """Read-only: what was sent, with thanks."""
        assessment = _assessment(link)
        if assessment is None:
            return None
        levels, competencies = filling.form_context(assessment.framework, assessment.party)
        scores = {s.competency_id: s for s in assessment.scores.all()}
        by_pk = {level.pk: level for level in levels}
        rows = [
            (
                c,
                by_pk.get(scores[c.pk].level_id) if c.pk in scores else None,
                scores[c.pk].comment if c.pk in scores else "",
            )
            for c in competencies
        ]
        return render(
            request,
            "assessments/links/submitted.html",
            {
                "link": link,
                "assessment": assessment,
                "rows": rows,
                "is_student": assessment.party == Party.STUDENT,
            },
        )


@register
class StageboekHandler(LinkHandler):
    """The student's stageboek: the placement's assignments with their state; a
    POST hands one in (again, after it was sent back). Stays open for many
    visits, like the hours link, until it expires or is revoked."""

    purpose = stageboek.PURPOSE
    label = _("stageboek")

    def placement_for(self, link):
        return target_of(link)

    def _placement(self, link):
        return Placement.objects.filter(pk=link.object_id).select_related("student", "host", "plan").first()

    def _page(self, request, link, placement, form=None, status=200, error=None, chosen=None):
        may_hand_in = placement.state == "active"
        rows = [
            (a, h, may_hand_in and (h is None or h.state == "sent_back"))
            for a, h in stageboek.rows(placement)
        ]
        return render(
            request,
            "assessments/links/stageboek.html",
            {
                "link": link,
                "placement": placement,
                "rows": rows,
                "form": form,
                "chosen": chosen,
                "error": error,
            },
            status=status,
        )

    def get(self, request, link):
        placement = self._placement(link)
        if placement is None:
            return render(request, "links/unknown.html", status=404)
        return self._page(request, link, placement)

    def post(self, request, link):
        placement = self._placement(link)
        if placement is None:
            return render(request, "links/unknown.html", status=404)
        if placement.state != "active":
            return self._page(
                request,
                link,
                placement,
                status=400,
                error=_("Deze stage loopt niet meer; inleveren kan niet meer."),
            )
        form = HandInForm(
            request.POST, request.FILES, assignments=Assignment.objects.filter(plan_id=placement.plan_id)
        )
        valid = form.is_valid()
        # The failed assignment's card shows the errors and keeps the text typed.
        chosen = getattr(form.cleaned_data.get("assignment"), "pk", None)
        if not valid:
            return self._page(request, link, placement, form=form, status=400, chosen=chosen)
        data = form.cleaned_data
        try:
            stageboek.hand_in(
                placement,
                data["assignment"],
                text=data["text"],
                upload=data.get("file"),
                kind=getattr(form, "file_kind", ""),
                by_label=link.recipient_name,
            )
        except stageboek.StaleError as exc:
            return self._page(request, link, placement, status=409, error=str(exc))
        messages.success(
            request, _("Ingeleverd: %(a)s. Je begeleider kijkt ernaar.") % {"a": data["assignment"].title}
        )
        return redirect(request.path)
