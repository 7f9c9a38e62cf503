"""Emailed links of the assessments app.

- ``assessment_form``: the workplace supervisor's form, or the student's
  self-assessment, for one round of one placement. GET shows it (a draft comes
  back as it was left); POST ``/draft/`` saves a draft and keeps the link open;
  POST submits once, claimed by a conditional UPDATE, then the page is read-only.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from assessments import filling
from assessments.models import Assessment, Party
from assessments.opening import PURPOSE
from stagebeheer.links import LinkHandler, register


def _assessment(link):
    return (
        Assessment.objects.filter(pk=link.object_id)
        .select_related("placement__student", "placement__host", "round", "framework__scale")
        .prefetch_related("scores")
        .first()
    )


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

    def _form(self, assessment, data=None, submit=False):
        levels, competencies = filling.form_context(assessment.framework, assessment.party)
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
        assessment = _assessment(link)
        if assessment is None:
            return render(request, "links/unknown.html", status=404)
        if assessment.is_submitted:
            return render(request, "links/completed.html", {"link": link}, status=410)
        form = self._form(assessment, request.POST, submit=submit)
        if not form.is_valid():
            return self._render(request, link, assessment, form, status=400)
        try:
            filling.save(
                assessment, form, submit=submit, by_label=link.recipient_name, link=link if submit else None
            )
        except filling.ConflictError as exc:
            return self._render(request, link, assessment, form, status=409, error=str(exc))
        if submit:
            return render(request, "assessments/links/thanks.html", {"link": link, "assessment": assessment})
        # Back to the form with what was saved and the new revision, to carry on.
        assessment = _assessment(link)
        return self._render(request, link, assessment, self._form(assessment), saved=True)

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
