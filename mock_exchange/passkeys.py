"""WebAuthn ceremonies for passkeys, with py_webauthn (seeds/002).

Registration and authentication both require user verification (the biometric step); the
challenge is single use; the RP ID is the exchange's host name and the origin must be exactly
the exchange's public origin, which is what makes a passkey useless on a phishing site.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlparse

from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.structs import (
    AuthenticatorAttachment,
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .models import Account, Passkey

CEREMONY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class RelyingParty:
    origin: str
    name: str

    @property
    def rp_id(self) -> str:
        return urlparse(self.origin).hostname or "localhost"


def registration_options(rp: RelyingParty, account: Account, existing: list[Passkey]) -> tuple[str, str]:
    """(options JSON for navigator.credentials.create, the challenge to keep)."""
    challenge = secrets.token_bytes(32)
    options = generate_registration_options(
        rp_id=rp.rp_id,
        rp_name=rp.name,
        user_id=f"account-{account.id}".encode(),
        user_name=account.email or account.phone or f"account-{account.id}",
        challenge=challenge,
        timeout=CEREMONY_TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            authenticator_attachment=AuthenticatorAttachment.PLATFORM,
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id)) for p in existing],
    )
    return options_to_json(options), bytes_to_base64url(challenge)


def verify_registration(rp: RelyingParty, credential: dict, challenge: str):
    return verify_registration_response(
        credential=credential,
        expected_challenge=base64url_to_bytes(challenge),
        expected_rp_id=rp.rp_id,
        expected_origin=rp.origin,
        require_user_verification=True,
    )


def authentication_options(rp: RelyingParty, allowed: list[Passkey] | None = None) -> tuple[str, str]:
    """Options for navigator.credentials.get; no allow-list means a discoverable credential."""
    challenge = secrets.token_bytes(32)
    options = generate_authentication_options(
        rp_id=rp.rp_id,
        challenge=challenge,
        timeout=CEREMONY_TIMEOUT_MS,
        allow_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id))
                           for p in allowed or []],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return options_to_json(options), bytes_to_base64url(challenge)


def credential_id_of(credential: dict) -> str:
    value = credential.get("id") if isinstance(credential, dict) else None
    if not isinstance(value, str) or not value or len(value) > 1400:
        raise ValueError("the credential has no id")
    return value


def verify_assertion(rp: RelyingParty, credential: dict, challenge: str, passkey: Passkey) -> int:
    """Checks signature, challenge, RP ID, origin and user verification; the new sign count."""
    verified = verify_authentication_response(
        credential=credential,
        expected_challenge=base64url_to_bytes(challenge),
        expected_rp_id=rp.rp_id,
        expected_origin=rp.origin,
        credential_public_key=passkey.public_key,
        credential_current_sign_count=passkey.sign_count,
        require_user_verification=True,
    )
    return verified.new_sign_count

