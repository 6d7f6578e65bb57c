"""Every screen of the mock exchange, per brand, with the journey that reaches it.

One row per screen *state* a user can see: a route's first view, and the states reached only
in a flow (verification step, lockout, form errors, banners, wizard steps). ``route`` is the
GET route (as the app declares it) that serves the screen after the journey; ``page_id`` is the
screen's ``<main data-page>``; ``shows`` (a data-testid) proves the journey reached the state
meant, not a neighbour; ``fields`` says whether the screen has visible form fields (SEC-A11Y-02
checks their labels; the axe test checks a screen marked without fields really has none).

``NON_SCREENS`` lists the GET routes that never render a screen of their own, with the reason.
tests/test_screen_table.py fails when a GET route of the app is in neither table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fixtures import brands

from . import journeys_account as account
from . import journeys_coinex as coinex
from . import journeys_public as public
from .driver import Driver

BOTH = brands.NAMES  # every brand (fixtures/brands.py)
COINEX = ("coinex",)
# screens of a flow only some brands offer: only where their profile declares it
GOOGLE, APPLE = brands.offering("google_login"), brands.offering("apple_login")
LOST_2FA_FORM = brands.offering("lost_authenticator_form")
STATUS_PAGE = brands.offering("status_page")


@dataclass(frozen=True)
class Screen:
    name: str
    route: str
    page_id: str
    journey: Callable[[Driver], None]
    shows: str | None = None
    fields: bool = True
    brands: tuple[str, ...] = BOTH


go = public.goto
signed_in = account.signed_in_at

SCREENS: tuple[Screen, ...] = (
    # --- log in, its messages and banners ---------------------------------------------------------
    Screen("login", "/login", "login", go("/login"), "login-form"),
    Screen("login-phone", "/login", "login", go("/login?with=phone"), "country-code"),
    Screen("login-wrong-password", "/login", "login", public.wrong_password, "login-error"),
    Screen("login-lockout", "/login", "login", public.locked_out, "lockout-message"),
    Screen("login-maintenance", "/login", "login", public.maintenance_login, "maintenance-banner"),
    Screen("login-logged-out", "/login", "login", public.logged_out, "login-notice"),
    Screen("login-review-locked", "/login", "login", public.review_locked, "security-lock-message", brands=COINEX),
    # --- sign up ---------------------------------------------------------------------------------
    Screen("signup", "/signup", "signup", go("/signup"), "signup-form"),
    Screen("signup-phone", "/signup", "signup", go("/signup?with=phone"), "country-code"),
    Screen("signup-errors", "/signup", "signup", public.signup_errors, "email-error"),
    Screen("signup-done", "/signup", "signup-done", public.signup_done, "signup-email", fields=False),
    Screen("signup-phone-code", "/signup/phone-code", "signup-phone-code", public.signup_phone_code,
           "code-destination"),
    Screen("signup-phone-code-error", "/signup/phone-code", "signup-phone-code", public.signup_phone_code_error,
           "signup-code-error"),
    # --- the verification step after the password ------------------------------------------------
    Screen("verify-email", "/login/verify", "verify", public.verify_email, "resend"),
    Screen("verify-sms", "/login/verify", "verify", public.verify_sms, "switch-tools"),
    Screen("verify-totp", "/login/verify", "verify", public.verify_totp, "verify-form"),
    Screen("verify-error", "/login/verify", "verify", public.verify_error, "verify-error"),
    Screen("verify-backup-code", "/login/verify", "verify", public.verify_backup_code, "code-input", brands=COINEX),
    Screen("lost-2fa", "/login/lost-2fa", "lost-2fa", public.lost_2fa, "lost-2fa-send-code", fields=False,
           brands=LOST_2FA_FORM),
    Screen("lost-2fa-code-sent", "/login/lost-2fa", "lost-2fa", public.lost_2fa_code_sent, "lost-2fa-form",
           brands=LOST_2FA_FORM),
    Screen("lost-2fa-error", "/login/lost-2fa", "lost-2fa", public.lost_2fa_error, "lost-2fa-error",
           brands=LOST_2FA_FORM),
    Screen("lost-2fa-submitted", "/login/lost-2fa", "lost-2fa-submitted", public.lost_2fa_submitted,
           "lost-2fa-submitted", fields=False, brands=LOST_2FA_FORM),
    # --- Google / Apple and their mock providers ---------------------------------------------------
    Screen("idp-consent-google", "/idp/{provider}/authorize", "idp-consent", public.idp_consent("google"),
           "idp-continue", brands=GOOGLE),
    Screen("idp-consent-apple", "/idp/{provider}/authorize", "idp-consent", public.idp_consent("apple"),
           "hide-my-email", brands=APPLE),
    Screen("idp-identity-error", "/idp/{provider}/authorize", "idp-consent", public.idp_identity_error,
           "idp-identity-error", brands=GOOGLE),
    Screen("idp-bad-request", "/idp/{provider}/authorize", "idp-consent", go("/idp/google/authorize?client_id=nobody"),
           "idp-problem", fields=False),
    Screen("social-error", "/auth/{provider}/callback", "social-error", public.social_error, "social-error",
           fields=False, brands=GOOGLE),
    # --- forgot password --------------------------------------------------------------------------
    Screen("forgot-password", "/forgot-password", "forgot-password", go("/forgot-password"), "forgot-form"),
    Screen("forgot-password-error", "/forgot-password", "forgot-password", public.forgot_error, "forgot-error"),
    Screen("forgot-robot", "/forgot-password/robot", "forgot-robot", public.forgot_robot, "not-a-robot"),
    Screen("forgot-robot-error", "/forgot-password/robot", "forgot-robot", public.forgot_robot_error, "forgot-error"),
    Screen("forgot-code", "/forgot-password/code", "forgot-code", public.forgot_code, "code-sent"),
    Screen("forgot-code-error", "/forgot-password/code", "forgot-code", public.forgot_code_error, "forgot-error"),
    Screen("forgot-new-password", "/forgot-password/new", "forgot-new-password", public.forgot_new_password,
           "new-password-form"),
    Screen("forgot-new-password-error", "/forgot-password/new", "forgot-new-password",
           public.forgot_new_password_error, "forgot-error"),
    Screen("forgot-done", "/forgot-password/new", "forgot-done", public.forgot_done, "reset-done", fields=False),
    # --- support, help and status -------------------------------------------------------------------
    Screen("support", "/support", "support", go("/support"), "live-chat"),
    Screen("support-chat-errors", "/support", "support", public.support_chat_errors, "contact-error"),
    Screen("support-chat-started", "/support", "support", public.support_chat_started, "chat-started", fields=False),
    Screen("support-case-phone-gone", "/support/case", "support-case", go("/support/case?topic=phone_gone"),
           "support-case-form"),
    Screen("support-case-forgot-account", "/support/case", "support-case", go("/support/case?topic=forgot_account"),
           "support-case-form"),
    Screen("support-case-error", "/support/case", "support-case", public.support_case_error, "support-case-error"),
    Screen("support-case-submitted", "/support/case", "support-case-submitted", public.support_case_submitted,
           "support-case-submitted", fields=False),
    Screen("support-ticket", "/support/ticket", "support-ticket", go("/support/ticket"), "ticket-form"),
    Screen("support-ticket-errors", "/support/ticket", "support-ticket", public.support_ticket_errors, "ticket-error",
           brands=COINEX),
    Screen("support-ticket-queued", "/support/ticket", "support-ticket-queued", public.support_ticket_queued,
           "ticket-queued", fields=False, brands=COINEX),
    Screen("support-ticket-duplicate", "/support/ticket", "support-ticket-duplicate", public.support_ticket_duplicate,
           "ticket-duplicate", fields=False, brands=COINEX),
    Screen("support-unlock", "/support/unlock", "support-unlock", go("/support/unlock"), "identity-ticket-form"),
    Screen("support-unlock-errors", "/support/unlock", "support-unlock",
           public.identity_ticket_errors("/support/unlock"), "identity-ticket-error", brands=COINEX),
    Screen("support-unlock-submitted", "/support/unlock", "support-unlock-submitted", public.identity_ticket_submitted,
           "identity-ticket-submitted", fields=False, brands=COINEX),
    Screen("support-disable-2fa", "/support/disable-2fa", "support-disable-2fa", go("/support/disable-2fa"),
           "identity-ticket-form"),
    Screen("support-disable-2fa-errors", "/support/disable-2fa", "support-disable-2fa",
           public.identity_ticket_errors("/support/disable-2fa"), "identity-ticket-error", brands=COINEX),
    Screen("help-center", "/help", "help-center", go("/help"), "help-topics", fields=False),
    Screen("help-2fa-code-errors", "/help/2fa-code-errors", "totp-help", go("/help/2fa-code-errors"), fields=False),
    Screen("status", "/status", "status", go("/status"), "status-announcement", fields=False, brands=STATUS_PAGE),
    Screen("status-maintenance", "/status", "status", public.maintenance_status, "status-announcement", fields=False,
           brands=STATUS_PAGE),
    Screen("not-found", "(any unknown path)", "error", go("/no-such-page"), "error-message", fields=False),
    # --- signed in: account, withdraw, banners ------------------------------------------------------
    Screen("account", "/account", "account", signed_in("/account"), "account-uid", fields=False),
    Screen("account-withdrawal-hold", "/account", "account", account.under_withdrawal_hold("/account"),
           "withdrawal-hold-banner", fields=False),
    Screen("withdraw", "/withdraw", "withdraw", signed_in("/withdraw", factors=("email",), balance_usdt=100),
           "withdraw-form"),
    Screen("withdraw-hold", "/withdraw", "withdraw", account.under_withdrawal_hold("/withdraw"),
           "withdrawal-hold-banner"),
    Screen("withdraw-codes-sent", "/withdraw", "withdraw", account.withdraw_codes_sent, "withdraw-codes-sent"),
    Screen("withdraw-error", "/withdraw", "withdraw", account.withdraw_error, "withdraw-error"),
    # --- security settings ---------------------------------------------------------------------------
    Screen("security", "/security", "security", signed_in("/security"), "security-authenticator", fields=False),
    # an account without a password is one made with Google or Apple: only where they are offered
    Screen("security-password", "/security/password", "security-password", account.password_setup, "send-email-code",
           fields=False, brands=GOOGLE),
    Screen("security-password-code-sent", "/security/password", "security-password", account.password_setup_code_sent,
           "save-password", brands=GOOGLE),
    Screen("security-password-error", "/security/password", "security-password", account.password_setup_error,
           "password-setup-error", brands=GOOGLE),
    Screen("authenticator-verify", "/security/authenticator", "authenticator-verify",
           signed_in("/security/authenticator"), "send-identity-code", fields=False),
    Screen("authenticator-code-sent", "/security/authenticator", "authenticator-verify",
           account.authenticator_code_sent, "identity-code-form"),
    Screen("authenticator-key", "/security/authenticator", "authenticator-key", account.authenticator_key,
           "authenticator-qr"),
    Screen("authenticator-bind-error", "/security/authenticator", "authenticator-key", account.authenticator_bind_error,
           "authenticator-error"),
    Screen("authenticator-bound", "/security/authenticator", "authenticator-bound", account.authenticator_bound,
           "authenticator-bound", fields=False),
    Screen("passkeys", "/security/passkeys", "passkeys", signed_in("/security/passkeys"), "create-passkey",
           fields=False),
    Screen("passkey-new", "/security/passkeys/new", "passkey-new", account.passkey_new,
           "confirm-passkey-codes"),
    Screen("passkey-new-error", "/security/passkeys/new", "passkey-new", account.passkey_identity_error,
           "passkey-verify-error"),
    Screen("passkey-ceremony", "/security/passkeys/new", "passkey-ceremony", account.passkey_ceremony,
           "start-passkey-ceremony", fields=False),
    Screen("unbind-refused", "/security/unbind/{channel}", "unbind-refused", account.unbind_refused, "unbind-missing",
           fields=False),
    Screen("unbind-sms-notice", "/security/unbind/{channel}", "unbind-notice", account.unbind_notice("sms"),
           "unbind-warning", fields=False),
    Screen("change-email-notice", "/security/unbind/{channel}", "unbind-notice", account.unbind_notice("email"),
           "unbind-warning", fields=False),
    Screen("unbind-totp", "/security/unbind/{channel}", "unbind-totp", account.unbind_totp, "unbind-totp-form"),
    Screen("unbind-totp-error", "/security/unbind/{channel}", "unbind-totp", account.unbind_totp_error, "unbind-error"),
    Screen("unbind-codes", "/security/unbind/{channel}", "unbind-codes", account.unbind_codes, "unbind-codes-form"),
    Screen("unbind-done", "/security/unbind/{channel}", "unbind-done", account.unbind_done, "rebind-link",
           fields=False),
    Screen("change-email-new", "/security/unbind/{channel}", "change-email-new", account.change_email_new,
           "new-email-form"),
    Screen("change-email-code", "/security/unbind/{channel}", "change-email-code", account.change_email_code,
           "new-email-code-form"),
    Screen("bind-method", "/security/bind/{channel}", "bind-method", account.bind_method, "bind-form"),
    Screen("bind-method-error", "/security/bind/{channel}", "bind-method", account.bind_method_error, "bind-error"),
    Screen("bind-code", "/security/bind/{channel}", "bind-code", account.bind_code, "bind-code-form"),
    # --- CoinEx: Security -> Mobile --------------------------------------------------------------------
    Screen("mobile-manage", "/security/mobile", "mobile-manage", coinex.mobile_manage, "mobile-change", fields=False,
           brands=COINEX),
    Screen("mobile-change-instructions", "/security/mobile/{action}", "mobile-change-instructions",
           coinex.mobile_instructions("change"), "mobile-instructions", fields=False, brands=COINEX),
    Screen("mobile-unbind-instructions", "/security/mobile/{action}", "mobile-unbind-instructions",
           coinex.mobile_instructions("unbind"), "mobile-instructions", fields=False, brands=COINEX),
    Screen("mobile-change-email", "/security/mobile/{action}", "mobile-change-email", coinex.mobile_email,
           "mobile-email-next", brands=COINEX),
    Screen("mobile-change-email-error", "/security/mobile/{action}", "mobile-change-email", coinex.mobile_email_error,
           "mobile-error", brands=COINEX),
    Screen("mobile-change-2fa", "/security/mobile/{action}", "mobile-change-2fa", coinex.mobile_2fa,
           "mobile-switch-tools", brands=COINEX),
    Screen("mobile-change-2fa-sms", "/security/mobile/{action}", "mobile-change-2fa", coinex.mobile_2fa_sms,
           "mobile-send-sms", brands=COINEX),
    Screen("mobile-change-number", "/security/mobile/{action}", "mobile-change-number", coinex.mobile_number,
           "country-code", brands=COINEX),
    Screen("mobile-change-slide", "/security/mobile/{action}", "mobile-change-slide", coinex.mobile_slide,
           "slide-form", brands=COINEX),
    Screen("mobile-change-new-code", "/security/mobile/{action}", "mobile-change-new-code", coinex.mobile_new_code,
           "mobile-sms-sent", brands=COINEX),
    Screen("mobile-change-done", "/security/mobile/{action}", "mobile-change-done", coinex.mobile_done, "mobile-done",
           fields=False, brands=COINEX),
    # --- CoinEx: Reset Mobile Number -----------------------------------------------------------------
    Screen("reset-instructions", "/reset-mobile", "mobile-reset-instructions", go("/reset-mobile"),
           "reset-instructions"),
    Screen("reset-instructions-error", "/reset-mobile", "mobile-reset-instructions", coinex.reset_instructions_error,
           "reset-error", brands=COINEX),
    Screen("reset-credentials", "/reset-mobile", "mobile-reset-credentials", coinex.reset_credentials,
           "reset-credentials-form", brands=COINEX),
    Screen("reset-credentials-error", "/reset-mobile", "mobile-reset-credentials", coinex.reset_credentials_error,
           "reset-error", brands=COINEX),
    Screen("reset-code", "/reset-mobile", "mobile-reset-code", coinex.reset_code, "reset-code-sent", brands=COINEX),
    Screen("reset-code-error", "/reset-mobile", "mobile-reset-code", coinex.reset_code_error, "reset-error",
           brands=COINEX),
    Screen("reset-attention", "/reset-mobile", "mobile-reset-attention", coinex.reset_attention, "questions-attention",
           fields=False, brands=COINEX),
    Screen("reset-questions", "/reset-mobile", "mobile-reset-questions", coinex.reset_questions, "questions-form",
           brands=COINEX),
    Screen("reset-questions-unanswered", "/reset-mobile", "mobile-reset-questions", coinex.reset_questions_unanswered,
           "reset-error", brands=COINEX),
    Screen("reset-questions-failed", "/reset-mobile", "mobile-reset-questions-failed", coinex.reset_questions_failed,
           "questions-failed", fields=False, brands=COINEX),
    Screen("reset-biometric-intro", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("intro"),
           "facial-recognition", fields=False, brands=COINEX),
    Screen("reset-biometric-continue", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("continue"),
           "bio-continue", fields=False, brands=COINEX),
    Screen("reset-biometric-device", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("device"),
           "continue-on-phone", fields=False, brands=COINEX),
    Screen("reset-biometric-country", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("country"),
           "country-continue", brands=COINEX),
    Screen("reset-biometric-handoff-link", "/reset-mobile", "mobile-reset-biometric",
           coinex.reset_biometric("country-phone"), "phone-handoff", brands=COINEX),
    Screen("reset-biometric-tips", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("tips"),
           "face-tips", fields=False, brands=COINEX),
    Screen("reset-biometric-capture", "/reset-mobile", "mobile-reset-biometric", coinex.reset_biometric("capture"),
           "camera-status", fields=False, brands=COINEX),
    Screen("reset-handoff", "/reset-mobile/continue/{token}", "mobile-reset-biometric", coinex.reset_handoff,
           "country-continue", brands=COINEX),
    Screen("reset-documents", "/reset-mobile", "mobile-reset-documents", coinex.reset_documents, "documents-form",
           brands=COINEX),
    Screen("reset-documents-errors", "/reset-mobile", "mobile-reset-documents", coinex.reset_documents_errors,
           "error-email_kind", brands=COINEX),
    Screen("reset-pending", "/reset-mobile", "mobile-reset-pending", coinex.reset_pending, "reset-pending",
           fields=False, brands=COINEX),
    Screen("reset-rejected", "/reset-mobile", "mobile-reset-rejected", coinex.reset_rejected, "reset-rejected",
           fields=False, brands=COINEX),
    Screen("reset-done", "/reset-mobile", "mobile-reset-done", coinex.reset_done, "reset-done", fields=False,
           brands=COINEX),
    # --- the back office ---------------------------------------------------------------------------------
    Screen("backoffice-login", "/backoffice/login", "backoffice-login", go("/backoffice/login"),
           "backoffice-login-submit"),
    Screen("backoffice-login-error", "/backoffice/login", "backoffice-login", account.backoffice_login_error,
           "backoffice-login-error"),
    Screen("backoffice-queue", "/backoffice", "backoffice-queue", account.backoffice_queue, "review-queue",
           fields=False),
    Screen("backoffice-review", "/backoffice/reviews/{review_id}", "backoffice-review",
           account.backoffice_review("lost_authenticator"), "decision-form"),
    Screen("backoffice-review-error", "/backoffice/reviews/{review_id}", "backoffice-review",
           account.backoffice_review_error, "review-error"),
    Screen("backoffice-review-checklist", "/backoffice/reviews/{review_id}", "backoffice-review",
           account.backoffice_checklist, "review-checklist", brands=COINEX),
)

# GET routes that never render a screen of their own.
NON_SCREENS: dict[str, str] = {
    "/": "redirect-only: to /account when signed in, else to /login",
    "/healthz": "JSON health probe for the harness",
    "/auth/{provider}/start": "redirect-only: sends the browser to the identity provider",
    "/idp/{provider}/jwks": "JSON: the mock provider's signing keys",
    "/idp/{provider}/.well-known/openid-configuration": "JSON: OpenID Connect discovery document",
    "/backoffice/evidence/{file_id}": "file: an uploaded image, served to the reviewer as it was uploaded",
}

