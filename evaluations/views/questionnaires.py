"""The plan's evaluation forms: read by the department, edited by its coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from evaluations import services
from evaluations.access import is_coordinator_of, plan_for_editing, plan_for_reading
from evaluations.forms import QuestionFormSet
from evaluations.models import Audience, EvaluationForm, EvaluationQuestion


def _current_forms(plan):
    """The latest version per audience (those not yet made show the defaults once made)."""
    latest = {}
    for form in EvaluationForm.objects.filter(plan=plan).order_by("audience", "-version"):
        latest.setdefault(form.audience, form)
    questions = {}
    for q in EvaluationQuestion.objects.filter(form__in=list(latest.values())).order_by("order", "pk"):
        questions.setdefault(q.form_id, []).append(q)
    rows = []
    for value, label in Audience.choices:
        form = latest.get(value)
        rows.append(
            {
                "audience": value,
                "label": label,
                "form": form,
                "questions": questions.get(form.pk, []) if form else [],
            }
        )
    return rows


@login_required
def plan_forms(request, pk):
    plan = plan_for_reading(request.user, pk)
    return render(
        request,
        "evaluations/plan_forms.html",
        {
            "plan": plan,
            "rows": _current_forms(plan),
            "may_edit": is_coordinator_of(request.user, plan.department_id),
        },
    )


@login_required
def form_edit(request, pk, audience):
    plan = plan_for_editing(request.user, pk)
    if audience not in Audience.values:
        raise Http404
    current = services.current_form(plan, audience)
    existing = [(q.topic, q.kind, q.text) for q in current.questions.all()]
    initial = [{"topic": t, "kind": k, "text": x} for t, k, x in existing]
    formset = QuestionFormSet(request.POST or None, initial=initial, prefix="q")
    if request.method == "POST":
        if formset.is_valid():
            questions = []
            for f in formset.forms:
                data = f.cleaned_data
                text = (data.get("text") or "").strip() if data else ""
                if text and not data.get("DELETE"):
                    questions.append((data["topic"], data["kind"], text))
            if not questions:
                messages.error(request, _("Een evaluatie heeft minstens één vraag."))
            elif questions == existing:
                messages.info(request, _("Er is niets gewijzigd."))
                return redirect("evaluations:plan_forms", pk=plan.pk)
            else:
                form = services.save_form_version(plan, audience, questions, actor=request.user)
                messages.success(request, _("Versie %(v)s is opgeslagen.") % {"v": form.version})
                return redirect("evaluations:plan_forms", pk=plan.pk)
        else:
            messages.error(request, _("Controleer de gemarkeerde velden."))
    return render(
        request,
        "evaluations/form_edit.html",
        {"plan": plan, "audience": Audience(audience), "formset": formset, "current": current},
        status=400 if request.method == "POST" else 200,
    )
