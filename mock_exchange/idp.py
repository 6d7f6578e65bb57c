"""Mock OpenID Connect providers ("Continue with Google" / "Continue with Apple").

A real authorization-code flow with PKCE: an authorize endpoint with a consent screen where a
test identity is chosen, a token endpoint that answers RS256-signed ID tokens, a JWKS endpoint
and a discovery document. The provider keeps its own state (codes, keys) apart from the
exchange's database, as an outside provider would.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

CODE_LIFETIME = timedelta(minutes=1)
TOKEN_LIFETIME = timedelta(minutes=10)
APPLE_RELAY_DOMAIN = "privaterelay.appleid.com"


@dataclass(frozen=True)
class ProviderProfile:
    key: str
    name: str
    identity_label: str  # what the consent screen calls the identity field
    hide_my_email: bool  # Apple's relay-address option


PROVIDERS = {
    "google": ProviderProfile("google", "Google", "Google account e-mail", hide_my_email=False),
    "apple": ProviderProfile("apple", "Apple", "Apple ID", hide_my_email=True),
}


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    subject: str
    email: str
    is_private_email: bool
    nonce: str
    code_challenge: str
    expires_at: datetime
    used: bool = False


class ProviderError(Exception):
    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class IdentityProvider:
    def __init__(self, profile: ProviderProfile, clients: dict[str, str]) -> None:
        self.profile = profile
        self.clients = clients  # client_id -> client_secret
        self._key = RSAKey.generate_key(
            2048, parameters={"kid": f"{profile.key}-{secrets.token_hex(4)}", "use": "sig", "alg": "RS256"})
        self._grants: dict[str, Grant] = {}
        self._lock = threading.Lock()
        # A misbehaving provider, for tests of the relying party: claims to overwrite in the
        # next ID token only (e.g. a foreign nonce or audience). Set through the test API.
        self.next_token_overrides: dict[str, str] = {}

    def issuer(self, base_url: str) -> str:
        return f"{base_url.rstrip('/')}/idp/{self.profile.key}"

    def jwks(self) -> dict:
        return KeySet([self._key]).as_dict(private=False)

    def discovery(self, base_url: str) -> dict:
        issuer = self.issuer(base_url)
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "jwks_uri": f"{issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def subject_for(self, identity_email: str) -> str:
        """A stable pairwise subject per test identity."""
        return hashlib.sha256(f"{self.profile.key}:{identity_email}".encode()).hexdigest()[:24]

    def relay_address(self, identity_email: str) -> str:
        local = hashlib.sha256(f"relay:{identity_email}".encode()).hexdigest()[:12]
        return f"{local}@{APPLE_RELAY_DOMAIN}"

    def authorize(self, *, client_id: str, redirect_uri: str, identity_email: str, hide_email: bool,
                  nonce: str, code_challenge: str, now: datetime) -> str:
        if client_id not in self.clients:
            raise ProviderError("unauthorized_client", "unknown client")
        private = hide_email and self.profile.hide_my_email
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._grants[code] = Grant(
                client_id=client_id,
                redirect_uri=redirect_uri,
                subject=self.subject_for(identity_email),
                email=self.relay_address(identity_email) if private else identity_email,
                is_private_email=private,
                nonce=nonce,
                code_challenge=code_challenge,
                expires_at=now + CODE_LIFETIME,
            )
        return code

    def exchange_code(self, *, code: str, client_id: str, client_secret: str, redirect_uri: str,
                      code_verifier: str, base_url: str, now: datetime) -> dict:
        expected_secret = self.clients.get(client_id)
        if expected_secret is None or not hmac.compare_digest(expected_secret, client_secret):
            raise ProviderError("invalid_client", "client authentication failed")
        with self._lock:
            grant = self._grants.get(code)
            if grant is None or grant.used or now >= grant.expires_at:
                raise ProviderError("invalid_grant", "the code is unknown, used or expired")
            grant.used = True
        if grant.client_id != client_id or grant.redirect_uri != redirect_uri:
            raise ProviderError("invalid_grant", "the code was issued to another client or redirect URI")
        if not hmac.compare_digest(pkce_challenge(code_verifier), grant.code_challenge):
            raise ProviderError("invalid_grant", "PKCE verification failed")
        claims = {
            "iss": self.issuer(base_url),
            "aud": client_id,
            "sub": grant.subject,
            "email": grant.email,
            "email_verified": True,
            "nonce": grant.nonce,
            "iat": int(now.timestamp()),
            "exp": int((now + TOKEN_LIFETIME).timestamp()),
        }
        if self.profile.hide_my_email:
            claims["is_private_email"] = grant.is_private_email
        with self._lock:
            claims.update(self.next_token_overrides)
            self.next_token_overrides = {}
        id_token = jwt.encode({"alg": "RS256", "kid": self._key.kid}, claims, self._key)
        return {"id_token": id_token, "access_token": secrets.token_urlsafe(24), "token_type": "Bearer",
                "expires_in": int(TOKEN_LIFETIME.total_seconds())}


def verify_id_token(id_token: str, jwks: dict, *, issuer: str, client_id: str, nonce: str, now: datetime) -> dict:
    """Signature (RS256 against the provider's JWKS), issuer, audience, expiry and nonce."""
    token = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=["RS256"])
    registry = jwt.JWTClaimsRegistry(
        now=int(now.timestamp()),
        leeway=30,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": client_id},
        sub={"essential": True},
        exp={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    registry.validate(token.claims)
    return token.claims
