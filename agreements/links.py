"""Signing an agreement through an emailed link (host, student or guardian)."""

from csp.constants import SELF
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from agreements import services
from agreements.forms import SignForm
from agreements.models import AgreementStatus, PdfStatus, SignatureMethod, SignatureRequest
from stagebeheer.history import note_read
from stagebeheer.links import LinkHandler, register


def _request_row(link):
    return SignatureRequest.objects.select_related("agreement__placement").filter(pk=link.object_id).first()


@register
class SignAgreementLink(LinkHandler):
    purpose = services.LINK_PURPOSE
    label = _("Overeenkomst ondertekenen")

    def placement_for(self, link):
        req = _request_row(link)
        return req.agreement.placement if req else None

    def _page(self, request, link, req, form=None, status=200, error=""):
        agreement = req.agreement
        return render(
            request,
            "agreements/link/sign.html",
            {
                "link": link,
                "req": req,
                "agreement": agreement,
                "content": agreement.content,
                "form": form or SignForm(initial={"document": agreement.pdf_sha256}),
                "pdf_ready": agreement.pdf_status == PdfStatus.DONE,
                "error": error,
                "token": request.resolver_match.kwargs["token"],
            },
            status=status,
        )

    def _closed(self, request, link, req):
        return render(request, "agreements/link/closed.html", {"link": link, "req": req}, status=410)

    def get(self, request, link):
        req = _request_row(link)
        if req is None or req.agreement.status != AgreementStatus.SENT:
            return self._closed(request, link, req)
        return self._page(request, link, req)

    def get_pdf(self, request, link):
        """The signer reads the exact PDF whose hash the signature stores."""
        req = _request_row(link)
        if req is None or req.agreement.status != AgreementStatus.SENT:
            return self._closed(request, link, req)
        agreement = req.agreement
        if agreement.pdf_status != PdfStatus.DONE or not agreement.pdf:
            return render(request, "agreements/link/pdf_pending.html", {"link": link}, status=404)
        note_read(request, agreement, "agreement_pdf")  # the link holder is named in the record
        response = FileResponse(
            agreement.pdf.open("rb"),
            content_type="application/pdf",
            as_attachment=False,
            filename=f"{agreement.content.get('title', 'overeenkomst')}.pdf",
        )
        # The one framed response: the signing page shows it in a frame of our own.
        response["X-Frame-Options"] = "SAMEORIGIN"
        response._csp_replace = {"frame-ancestors": [SELF]}
        return response

    def post(self, request, link):
        req = _request_row(link)
        if req is None or req.agreement.status != AgreementStatus.SENT:
            return self._closed(request, link, req)
        form = SignForm(request.POST)
        if not form.is_valid():
            return self._page(request, link, req, form=form, status=400)
        try:
            with transaction.atomic():
                # Claim the link first: a double submit or a second tab stores one signature.
                if not link.claim_completion():
                    return render(
                        request,
                        "agreements/link/signed.html",
                        {
                            "link": link,
                            "req": req,
                            "again": True,
                            "agreement": req.agreement,
                            "copy_ready": False,
                        },
                    )
                services.sign(
                    req.agreement,
                    req.party,
                    name=form.cleaned_data["name"],
                    role=req.role_label,
                    method=SignatureMethod.LINK,
                    ip_address=services.client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    request_row=req,
                    shown_sha256=form.cleaned_data.get("document") or "",
                )
        except services.AgreementError as exc:
            link.completed_at = None  # rolled back with the transaction
            return self._page(request, link, req, form=form, status=409, error=" ".join(exc.messages))
        return render(
            request,
            "agreements/link/signed.html",
            {"link": link, "req": req, "again": False, "agreement": req.agreement, "copy_ready": False},
        )

    def completed_response(self, request, link):
        """A used signing link: the signed PDF once every party signed; 'replaced' when a
        change voided this version; otherwise that this signer has signed."""
        req = _request_row(link)
        if req is None:
            return None
        action = request.resolver_match.kwargs.get("action")
        agreement = req.agreement
        if agreement.status == AgreementStatus.OUTDATED:
            return _replaced(request, link, agreement) if action is None else None
        if action == "signed":
            return _signed_pdf(request, agreement) if _copy_ready(agreement) else None
        if action is not None:
            return None
        return render(
            request,
            "agreements/link/signed.html",
            {
                "link": link,
                "req": req,
                "again": True,
                "agreement": agreement,
                "copy_ready": _copy_ready(agreement),
                "token": request.resolver_match.kwargs["token"],
            },
        )

    def revoked_response(self, request, link):
        """An unsigned party's link of a version a change replaced says so."""
        req = _request_row(link)
        if req is not None and req.agreement.status == AgreementStatus.OUTDATED:
            return _replaced(request, link, req.agreement)
        return None


def _copy_ready(agreement) -> bool:
    return (
        agreement.status == AgreementStatus.SIGNED
        and agreement.signed_pdf_status == PdfStatus.DONE
        and bool(agreement.signed_pdf)
    )


def _signed_pdf(request, agreement):
    note_read(request, agreement, "agreement_pdf")  # the link holder is named in the record
    title = agreement.content.get("title", "overeenkomst")
    return FileResponse(
        agreement.signed_pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{title} ondertekend.pdf",
    )


def _replaced(request, link, agreement):
    newer = (
        agreement.placement.agreements.filter(version__gt=agreement.version)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    return render(
        request,
        "agreements/link/replaced.html",
        {"link": link, "agreement": agreement, "newer": newer},
        status=410,
    )


@register
class SignedCopyLink(LinkHandler):
    """The lasting link each signer gets to the signed agreement (read only)."""

    purpose = services.COPY_LINK_PURPOSE
    label = _("Ondertekende overeenkomst")
    placement_for = SignAgreementLink.placement_for  # both links aim at the signature request

    def get(self, request, link):
        req = _request_row(link)
        if req is None:
            return render(request, "links/unknown.html", status=404)
        if req.agreement.status == AgreementStatus.OUTDATED:
            return _replaced(request, link, req.agreement)
        return render(
            request,
            "agreements/link/copy.html",
            {
                "link": link,
                "req": req,
                "agreement": req.agreement,
                "copy_ready": _copy_ready(req.agreement),
                "token": request.resolver_match.kwargs["token"],
            },
        )

    def get_pdf(self, request, link):
        req = _request_row(link)
        if req is None or not _copy_ready(req.agreement):
            return render(request, "links/unknown.html", status=404)
        return _signed_pdf(request, req.agreement)
