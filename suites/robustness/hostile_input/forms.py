"""Every HTML form of both exchanges: where it is, how to reach it, and what each field holds.

A case fills one field with a hostile value and every other field with the values in
``partner`` (tokens in braces are filled in per case by the workbench, see workbench.py), so the
hostile value is the only thing wrong: where it is legitimate input, the form may accept it.

How the lockout rule is kept out of the way (five failed sign-ins lock an account for 30 minutes,
and CoinEx review-locks an account after failures from an unfamiliar device): the sign-in form
is posted with a fresh, unregistered e-mail address or phone number beside each hostile value,
so no account collects failures, and the workbench's own account must stay untouched. The
second-factor step counts every wrong code as a failed sign-in (a plausible attempt, which the
lockout suites cover), so it only gets the values the form reader refuses before any check runs
(``pre_check_only``).

Forms left out of the browser cases are in ``ELSEWHERE`` with the reason; a test fails when a
route or a form on a covered page is in neither list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fixtures import brands
from pages.form_posts import CSRF_FIELD

from .kinds import Kind

BOTH = brands.NAMES  # every brand (fixtures/brands.py)
STRONG_PASSWORD = "Tangerine-Harbour-47-kites"
ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@dataclass(frozen=True)
class FormSpec:
    key: str                      # short name used in case ids
    page: str                     # what the browser opens to find the form
    action: str                   # the form's action attribute
    fields: dict[str, Kind]       # the fields hostile values go into
    partner: dict[str, str] = field(default_factory=dict)  # values beside the hostile one
    reach: str = "anonymous"      # anonymous | signed_in | pending_2fa | forgot_started | agent
    account: dict = field(default_factory=dict)  # AccountFactory.create(...) arguments for the workbench account
    brands: tuple[str, ...] = BOTH
    pre_check_only: bool = False  # see the module docstring


CSRF = {CSRF_FIELD: Kind.CSRF}

FORMS: list[FormSpec] = [
    FormSpec("login", "/login", "/login",
             {"email": Kind.EMAIL, "password": Kind.PASSWORD, "method": Kind.DEFAULTED, **CSRF},
             partner={"email": "{fresh_email}", "password": "Wrong-password-123", "method": "email"}),
    FormSpec("login_phone", "/login?with=phone", "/login",
             {"phone": Kind.PHONE, "country": Kind.CHOICE, **CSRF},
             partner={"country": "SE", "phone": "{fresh_phone}", "password": "Wrong-password-123", "method": "phone"}),
    FormSpec("signup", "/signup", "/signup",
             {"email": Kind.EMAIL, "password": Kind.PASSWORD, "method": Kind.DEFAULTED, **CSRF},
             partner={"email": "{account_email}", "password": STRONG_PASSWORD, "method": "email"}),
    FormSpec("signup_phone", "/signup?with=phone", "/signup",
             {"phone": Kind.PHONE, "country": Kind.CHOICE, **CSRF},
             partner={"country": "SE", "phone": "{account_phone}", "password": STRONG_PASSWORD, "method": "phone"},
             account={"phone": "{new_phone}"}),
    FormSpec("forgot", "/forgot-password", "/forgot-password",
             {"identifier": Kind.IDENTIFIER, **CSRF}),
    FormSpec("forgot_robot", "/forgot-password/robot", "/forgot-password/robot",
             {"challenge": Kind.STRICT, "not_a_robot": Kind.CHOICE, **CSRF},
             partner={"not_a_robot": "yes"}, reach="forgot_started"),
    FormSpec("support_chat", "/support", "/support/chat",
             {"contact": Kind.CONTACT, "message": Kind.TEXT, **CSRF},
             partner={"contact": "{fresh_email}", "message": "I cannot log in."}),
    FormSpec("support_case", "/support/case?topic=phone_gone", "/support/case",
             {"contact_email": Kind.EMAIL, "old_phone": Kind.PHONE, "registered_month": Kind.MONTH,
              "balance_usdt": Kind.AMOUNT, "topic": Kind.STRICT, **CSRF},
             partner={"contact_email": "{fresh_email}", "old_phone": "+46 70 123 45 67",
                      "registered_month": "2021-05", "balance_usdt": "10", "topic": "phone_gone"}),
    FormSpec("support_ticket", "/support/ticket", "/support/ticket",
             {"contact": Kind.CONTACT, "description": Kind.TEXT, "error_message": Kind.OPTIONAL,
              "steps_tried": Kind.TEXT, "device": Kind.TEXT, "client_version": Kind.TEXT, "topic": Kind.CHOICE, **CSRF},
             partner={"contact": "{fresh_email}", "topic": "login", "description": "The code never arrives.",
                      "error_message": "", "steps_tried": "Restarted the app.", "device": "iPhone 14",
                      "client_version": "Chrome 115.0"}),
    FormSpec("withdraw", "/withdraw", "/withdraw",
             {"address": Kind.ADDRESS, "amount": Kind.AMOUNT, "totp_code": Kind.CODE, **CSRF},
             partner={"address": ADDRESS, "amount": "1", "totp_code": "{totp_next}"},
             reach="signed_in", account={"factors": ("totp",), "balance_usdt": 100}),
    FormSpec("bind_sms", "/security/bind/sms", "/security/bind/sms",
             {"destination": Kind.PHONE, **CSRF}, reach="signed_in"),
    FormSpec("backoffice_login", "/backoffice/login", "/backoffice/login",
             {"email": Kind.EMAIL, "password": Kind.PASSWORD, **CSRF},
             partner={"email": "{agent_email}", "password": "Wrong-password-123"}, reach="agent"),
    FormSpec("idp_consent", "/auth/google/start", "/idp/google/authorize",
             {"identity": Kind.EMAIL, "client_id": Kind.STRICT, "redirect_uri": Kind.STRICT, "state": Kind.STRICT,
              "nonce": Kind.STRICT, "code_challenge": Kind.STRICT, **CSRF},
             partner={"identity": "{fresh_email}", "decision": "allow"}, brands=brands.offering("google_login")),
    FormSpec("login_verify", "/login/verify", "/login/verify",
             {"code": Kind.CODE, **CSRF}, reach="pending_2fa", account={"factors": ("totp",)}, pre_check_only=True),
]

BY_KEY = {spec.key: spec for spec in FORMS}

# POST routes without browser cases here, and why. A route in neither FORMS nor this table fails
# test_every_post_route_is_in_the_table, so a new form cannot escape the suite unnoticed.
_JSON = "JSON (fetch) endpoint, not an HTML form: suites/robustness/api_schema"
_BUTTON = "button-only form (CSRF token only): the CSRF cases of the forms above cover the shared form reader"
_NOT_YET = "flow step the workbench does not reach yet"
ELSEWHERE: dict[str, str] = {
    "/idp/{provider}/token": "server-to-server OAuth token endpoint, not a browser form: tests/test_oidc.py",
    **{path: _JSON for path in (
        "/security/passkeys/options", "/security/passkeys/register", "/login/passkey/options", "/login/passkey",
        "/login/verify/passkey/options", "/login/verify/passkey", "/withdraw/passkey/options", "/withdraw/passkey",
        "/security/mobile/{action}/passkey/options", "/security/mobile/{action}/passkey/verify",
        "/reset-mobile/biometric/capture")},
    **{path: _BUTTON for path in (
        "/logout", "/login/verify/resend", "/security/password/code", "/security/passkeys/new/start",
        "/security/passkeys/{passkey_id}/remove", "/withdraw/codes", "/security/authenticator/send",
        "/security/unbind/{channel}/next", "/security/unbind/{channel}/resend", "/login/lost-2fa/send",
        "/backoffice/logout", "/backoffice/reviews/{review_id}/verify-identity", "/reset-mobile/questions/start",
        "/reset-mobile/questions/continue", "/reset-mobile/documents/choose", "/reset-mobile/biometric/intro",
        "/reset-mobile/biometric/continue", "/reset-mobile/biometric/tips", "/reset-mobile/restart")},
    **{path: _NOT_YET for path in (
        "/signup/phone-code", "/login/verify/switch", "/security/password", "/security/passkeys/new",
        "/forgot-password/code", "/forgot-password/new", "/security/authenticator/verify",
        "/security/authenticator/bind", "/security/unbind/{channel}/totp", "/security/unbind/{channel}/codes",
        "/security/unbind/email/new-email", "/security/unbind/email/new-email/code", "/security/bind/{channel}/code",
        "/login/lost-2fa", "/backoffice/reviews/{review_id}/decision", "/backoffice/reviews/{review_id}/checklist",
        "/reset-mobile/documents", "/reset-mobile/agree", "/reset-mobile/credentials", "/reset-mobile/forgot-password",
        "/reset-mobile/code", "/reset-mobile/questions", "/reset-mobile/biometric/device",
        "/reset-mobile/biometric/country", "/security/mobile/{action}/{step}", "/support/unlock",
        "/support/disable-2fa")},
}
