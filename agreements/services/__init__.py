"""The agreement's workflow: generate, send, sign, renew, withdraw, paper.

The placement's state changes only through placements.services; this package
calls ``send_for_agreement`` when an agreement goes out for a draft placement,
``activate`` when the last party signs, and ``back_to_pending`` when an active
placement's contract changes. ``activation_guard`` is the rule that nothing
else may make a placement active (registered in AgreementsConfig.ready).
"""

from agreements.services.changes import close_for_ended_placement, renew_after_change, withdraw
from agreements.services.common import (
    COPY_LINK_PURPOSE,
    LINK_PURPOSE,
    AgreementError,
    _revoke_links,
    _tell_coordinators,
    client_ip,
    coordinators_of,
    current_agreement,
    sha256_of,
)
from agreements.services.copies import deliver_signed_copies
from agreements.services.generating import build_content, generate, queue_pdf, write_version
from agreements.services.sending import _issue_link, send, signers_for
from agreements.services.signing import activation_guard, record_paper, sign, sign_in_app

__all__ = [
    "COPY_LINK_PURPOSE",
    "LINK_PURPOSE",
    "AgreementError",
    "_issue_link",
    "_revoke_links",
    "_tell_coordinators",
    "activation_guard",
    "build_content",
    "client_ip",
    "close_for_ended_placement",
    "coordinators_of",
    "current_agreement",
    "deliver_signed_copies",
    "generate",
    "queue_pdf",
    "record_paper",
    "renew_after_change",
    "send",
    "sha256_of",
    "sign",
    "sign_in_app",
    "signers_for",
    "withdraw",
    "write_version",
]
