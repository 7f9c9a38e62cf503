"""Completing a placement with the checklist; something missing needs a reason."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.access import placement_for_managing
from assessments.completion import checklist
from assessments.views.placement import placement_url
from placements import services


class CompleteForm(forms.Form):
    override_reason = forms.CharField(
        label=gettext_lazy("Reden om toch af te ronden"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Alleen nodig als er iets ontbreekt; de reden komt in de geschiedenis van de stage."
        ),
    )


@login_required
def complete(request, pk):
    placement = placement_for_managing(request.user, pk)
    items = checklist(placement)
    missing = [item for item in items if not item["ok"]]
    form = CompleteForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.complete(
                    placement, actor=request.user, override_reason=form.cleaned_data["override_reason"]
                )
            except ValidationError as exc:
                form.add_error("override_reason" if missing else None, " ".join(exc.messages))
                status = 400
            else:
                messages.success(request, _("De stage is afgerond."))
                return redirect(placement_url(placement.pk))
        else:
            status = 400
    return render(
        request,
        "assessments/complete.html",
        {
            "placement": placement,
            "items": items,
            "missing": missing,
            "form": form,
            "placement_url": placement_url(placement.pk),
        },
        status=status,
    )
