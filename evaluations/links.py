"""Emailed links of the evaluations app.

- ``evaluation``: the student's and the workplace supervisor's evaluation of a
  finished stage. GET shows the form and changes nothing; the POST claims the
  link and the invitation with conditional UPDATEs, so it is stored once.
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from evaluations import services
from evaluations.forms import AnswerForm
from evaluations.models import EvaluationInvitation
from stagebeheer.links import LinkHandler, register


@register
class EvaluationHandler(LinkHandler):
    purpose = services.PURPOSE
    label = _("evaluatie van de stage")

    def _invitation(self, link):
        return (
            EvaluationInvitation.objects.filter(pk=link.object_id)
            .select_related("placement__student", "placement__host", "form")
            .first()
        )

    def _render(self, request, link, invitation, form, status=200):
        return render(
            request,
            "evaluations/links/answer_form.html",
            {"link": link, "invitation": invitation, "form": form},
            status=status,
        )

    def get(self, request, link):
        invitation = self._invitation(link)
        if invitation is None:
            return render(request, "links/unknown.html", status=404)
        if invitation.completed_at:
            return render(request, "links/completed.html", {"link": link}, status=410)
        return self._render(request, link, invitation, AnswerForm(invitation.form.questions.all()))

    def post(self, request, link):
        invitation = self._invitation(link)
        if invitation is None:
            return render(request, "links/unknown.html", status=404)
        form = AnswerForm(invitation.form.questions.all(), request.POST)
        if not form.is_valid():
            return self._render(request, link, invitation, form, status=400)
        try:
            services.submit(invitation, form.answers(), link=link)
        except services.AlreadyAnsweredError:
            return render(request, "links/completed.html", {"link": link}, status=410)
        return render(request, "evaluations/links/thanks.html", {"link": link, "invitation": invitation})
