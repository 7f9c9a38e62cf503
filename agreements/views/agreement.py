"""The agreement's own pages: read, PDF, generate, send, sign for the school,
withdraw, and record a paper signature."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import services
from agreements.forms import PaperForm, SendForm, SignForm
from agreements.models import Agreement, AgreementStatus, Party, PdfStatus, Signature, SignatureRequest
from placements.models import Placement
from stagebeheer.history import history_of, note_read
from stagebeheer.permissions import visible_or_404


def _agreement_qs():
    return Agreement.objects.select_related(
        "placement__student", "placement__host", "placement__plan__department", "template"
    ).prefetch_related(
        Prefetch("signatures", queryset=Signature.objects.order_by("signed_at")),
        Prefetch("requests", queryset=SignatureRequest.objects.order_by("party")),
    )


def _get(request, pk):
    return visible_or_404(_agreement_qs(), request.user, pk=pk)


def _require_edit(request, agreement):
    if not Agreement.objects.editable_by(request.user).filter(pk=agreement.pk).exists():
        raise PermissionDenied


def _show_errors(request, exc):
    for message in exc.messages:
        messages.error(request, message)


@login_required
def detail(request, pk, send_form=None, sign_form=None):
    agreement = _get(request, pk)
    can_edit = Agreement.objects.editable_by(request.user).filter(pk=agreement.pk).exists()
    versions = Agreement.objects.filter(placement_id=agreement.placement_id).only(
        "pk", "version", "status", "created_at", "placement_id"
    )
    signatures = {s.party: s for s in agreement.signatures.all()}
    requests = {r.party: r for r in agreement.requests.all()}
    parties = [
        {"party": p, "label": label, "signature": signatures.get(p), "request": requests.get(p)}
        for p, label in Party.choices
    ]
    signers = None
    if can_edit and agreement.status == AgreementStatus.DRAFT and not agreement.problems:
        signers = services.signers_for(agreement, request.user)
    return render(
        request,
        "agreements/detail.html",
        {
            "agreement": agreement,
            "content": agreement.content,
            "placement": agreement.placement,
            "versions": versions,
            "parties": parties,
            "signers": signers,
            "can_edit": can_edit,
            "school_unsigned": Party.SCHOOL not in signatures,
            "send_form": send_form or SendForm(),
            "sign_form": sign_form
            or SignForm(initial={"name": request.user.full_name, "document": agreement.pdf_sha256}),
            "history": history_of(agreement)[:20],
        },
        status=400 if (send_form or sign_form) else 200,
    )


def _file_response(field, filename, request=None, agreement=None):
    if not field:
        raise Http404
    if request is not None:
        note_read(request, agreement, "agreement_pdf")  # downloads of agreements are recorded
    return FileResponse(
        field.open("rb"), content_type="application/pdf", as_attachment=False, filename=filename
    )


@login_required
def pdf(request, pk):
    agreement = _get(request, pk)
    if agreement.pdf_status != PdfStatus.DONE:
        raise Http404
    return _file_response(agreement.pdf, f"{agreement.kind}-v{agreement.version}.pdf", request, agreement)


@login_required
def signed_pdf(request, pk):
    agreement = _get(request, pk)
    if agreement.signed_pdf_status != PdfStatus.DONE:
        raise Http404
    return _file_response(
        agreement.signed_pdf, f"{agreement.kind}-v{agreement.version}-ondertekend.pdf", request, agreement
    )


@login_required
def scan(request, pk):
    agreement = _get(request, pk)
    return _file_response(
        agreement.scan, f"{agreement.kind}-v{agreement.version}-scan.pdf", request, agreement
    )


@login_required
@require_POST
def generate(request, placement_pk):
    placement = visible_or_404(Placement.objects, request.user, pk=placement_pk)
    if not Placement.objects.editable_by(request.user).filter(pk=placement.pk).exists():
        raise PermissionDenied
    try:
        agreement = services.generate(placement, actor=request.user)
    except services.AgreementError as exc:
        _show_errors(request, exc)
        current = services.current_agreement(placement)
        return redirect("agreements:detail", pk=current.pk) if current else redirect("agreements:overview")
    messages.success(request, _("De overeenkomst is opgesteld; de PDF wordt gemaakt."))
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_POST
def regenerate_pdf(request, pk):
    agreement = _get(request, pk)
    _require_edit(request, agreement)
    if agreement.pdf_status == PdfStatus.FAILED:
        services.queue_pdf(agreement)
        messages.success(request, _("De PDF wordt opnieuw gemaakt."))
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_POST
def send(request, pk):
    agreement = _get(request, pk)
    _require_edit(request, agreement)
    form = SendForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, send_form=form)
    try:
        services.send(
            agreement,
            actor=request.user,
            host_signatory=form.host_signatory(),
            school_signatory=form.school_signatory(),
        )
    except services.AgreementError as exc:
        _show_errors(request, exc)
        return redirect("agreements:detail", pk=agreement.pk)
    messages.success(request, _("De overeenkomst is verstuurd ter ondertekening."))
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_POST
def sign(request, pk):
    """The coordinator signs for the school in the app."""
    agreement = _get(request, pk)
    _require_edit(request, agreement)
    form = SignForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, sign_form=form)
    try:
        services.sign_in_app(
            agreement,
            request.user,
            form.cleaned_data["name"],
            request=request,
            shown_sha256=form.cleaned_data["document"],
        )
    except services.AgreementError as exc:
        _show_errors(request, exc)
        return redirect("agreements:detail", pk=agreement.pk)
    messages.success(request, _("U heeft getekend namens de school."))
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
def withdraw(request, pk):
    """GET asks for confirmation (links stop working, parties must sign anew); POST withdraws."""
    agreement = _get(request, pk)
    _require_edit(request, agreement)
    if request.method != "POST":
        content = agreement.content or {}
        return render(
            request,
            "agreements/withdraw_confirm.html",
            {"agreement": agreement, "content": content, "signed": agreement.signatures.count()},
        )
    try:
        services.withdraw(agreement, actor=request.user)
    except services.AgreementError as exc:
        _show_errors(request, exc)
    else:
        messages.success(request, _("De overeenkomst is ingetrokken; de links werken niet meer."))
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
def paper(request, pk):
    agreement = _get(request, pk)
    _require_edit(request, agreement)
    open_parties = agreement.unsigned_parties()
    if agreement.status != AgreementStatus.SENT:
        messages.error(request, _("Een scan kan alleen worden toegevoegd aan een verstuurde overeenkomst."))
        return redirect("agreements:detail", pk=agreement.pk)
    form = PaperForm(request.POST or None, request.FILES or None, open_parties=open_parties)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_paper(
                agreement, form.cleaned_data["scan"], form.cleaned_data["parties"], request.user
            )
        except services.AgreementError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("De scan is vastgelegd als handtekening van de aangevinkte partijen.")
            )
            return redirect("agreements:detail", pk=agreement.pk)
    return render(
        request,
        "agreements/paper.html",
        {"agreement": agreement, "content": agreement.content, "form": form},
        status=400 if request.method == "POST" else 200,
    )
