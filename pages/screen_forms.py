"""The forms the screens post, sent without a browser: for the variants of a behaviour that one
browser test already covers through the screens (a rule tried for every weekday, say).

Each method is the intent a page object offers and posts what that page's form posts (the CSRF
token of the form page and the session cookie included); field names and test ids live here
and in the page objects, nowhere in the suites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

import allure
import httpx
import phonenumbers

from .form_posts import post_form, script_headers

SCREEN = re.compile(r'<main[^>]*\sdata-page="([^"]+)"')
CODE_FIELDS = {"email": "email_code", "sms": "sms_code", "totp": "totp_code"}


class _TextOf(HTMLParser):
    """The text inside the first element carrying data-testid=<test_id>, and its attributes."""

    def __init__(self, test_id: str) -> None:
        super().__init__()
        self.test_id, self.depth, self.text, self.attributes = test_id, 0, [], None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.depth:
            self.depth += 1
        elif self.attributes is None and ("data-testid", self.test_id) in attrs:
            self.depth, self.attributes = 1, dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


class _Choices(HTMLParser):
    """The options of each question (fieldset data-testid=question): [{label: (name, value)}]."""

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[dict[str, tuple[str, str]]] = []
        self.input, self.label = None, None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "fieldset" and found.get("data-testid") == "question":
            self.questions.append({})
        elif tag == "label" and self.questions:
            self.input, self.label = None, []
        elif tag == "input" and self.label is not None and found.get("type") in ("radio", "checkbox"):
            self.input = (found["name"], found.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.label is not None:
            if self.input:
                self.questions[-1][" ".join("".join(self.label).split())] = self.input
            self.input, self.label = None, None

    def handle_data(self, data: str) -> None:
        if self.label is not None:
            self.label.append(data)


def visible_text(html: str) -> str:
    """The page's words without markup or per-session values (form tokens), to compare two answers."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'value="[^"]*"|content="[^"]*"', "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@dataclass
class Answer:
    """What the browser would show after the post: where it landed and the screen's words."""

    response: httpx.Response

    @property
    def path(self) -> str:
        return urlsplit(str(self.response.url)).path

    @property
    def status(self) -> int:
        return self.response.status_code

    def text_of(self, test_id: str) -> str | None:
        """The words of the element with this test id, or None when the screen has none."""
        parser = _TextOf(test_id)
        parser.feed(self.response.text)
        return " ".join("".join(parser.text).split()) if parser.attributes is not None else None

    def attribute_of(self, test_id: str, name: str) -> str | None:
        parser = _TextOf(test_id)
        parser.feed(self.response.text)
        return (parser.attributes or {}).get(name)

    # the login screens' answers
    @property
    def signed_in(self) -> bool:
        return self.path == "/account"

    @property
    def asks_for_code(self) -> bool:
        return self.path == "/login/verify"

    @property
    def verify_instructions(self) -> str | None:
        """What the verification screen asks for (the authenticator, a passkey, a code sent)."""
        return self.text_of("verify-instructions")

    @property
    def lockout_message(self) -> str | None:
        return self.text_of("lockout-message")

    @property
    def login_error(self) -> str | None:
        return self.text_of("login-error")

    @property
    def code_error(self) -> str | None:
        return self.text_of("verify-error")

    @property
    def code_notice(self) -> str | None:
        return self.text_of("verify-notice")

    # the account screen's answers
    @property
    def account_uid(self) -> str | None:
        return self.text_of("account-uid")

    @property
    def registered_via(self) -> str | None:
        return self.text_of("registered-via")

    @property
    def account_balance(self) -> str | None:
        return self.text_of("balance")

    @property
    def shows_no_bots(self) -> bool:
        return self.text_of("no-bots") is not None

    # the sign-up screen's answers
    @property
    def email_error(self) -> str | None:
        return self.text_of("email-error")

    @property
    def phone_error(self) -> str | None:
        return self.text_of("phone-error")

    @property
    def signed_up(self) -> bool:
        return self.text_of("signup-done") is not None

    # the withdrawal screen's answers
    @property
    def hold_banner(self) -> str | None:
        return self.text_of("withdrawal-hold-banner")

    @property
    def hold_until(self) -> datetime | None:
        until = self.attribute_of("withdrawal-hold-banner", "data-until")
        return datetime.fromisoformat(until) if until else None

    @property
    def withdrawal_error(self) -> str | None:
        return self.text_of("withdraw-error")

    @property
    def withdrawal_done(self) -> str | None:
        return self.text_of("withdraw-done")

    @property
    def balance(self) -> str | None:
        return self.text_of("withdraw-balance")

    # the forgot-password and unbind screens' answers
    @property
    def step(self) -> str | None:
        """The screen the answer shows (its <main data-page=...>), e.g. forgot-code or unbind-done."""
        found = SCREEN.search(self.response.text)
        return found.group(1) if found else None

    # the unbind screens' answers
    @property
    def unbind_done_message(self) -> str | None:
        return self.text_of("unbind-done")

    @property
    def unbind_error(self) -> str | None:
        return self.text_of("unbind-error")

    @property
    def bind_error(self) -> str | None:
        return self.text_of("bind-error")

    @property
    def unbind_missing(self) -> str | None:
        """What must be bound first, as the refused screen lists it."""
        return self.text_of("unbind-missing")

    # the Google Authenticator screen's answers
    @property
    def authenticator_key(self) -> str | None:
        return self.text_of("authenticator-key")

    @property
    def authenticator_error(self) -> str | None:
        return self.text_of("authenticator-error")

    # the passkey screens' answers
    @property
    def passkey_setup_error(self) -> str | None:
        return self.text_of("passkey-verify-error")

    @property
    def has_passkeys(self) -> bool:
        return self.text_of("passkey-list") is not None

    # the mobile-reset screens' answers (CoinEx)
    @property
    def questions_failed(self) -> str | None:
        return self.text_of("questions-failed")

    @property
    def asks_for_sign_up_code(self) -> bool:
        return self.path == "/signup/phone-code"

    def __str__(self) -> str:
        request = self.response.request
        return f"{request.method} {request.url.path} -> {self.response.status_code} at {self.path}"


class ScreenForms:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30, follow_redirects=True)

    def _post(self, path: str, fields: dict[str, str], form_page: str | None = None) -> Answer:
        return Answer(post_form(self.http, path, fields, form_page, hidden_fields=True))

    def login(self, email: str, password: str) -> Answer:
        with allure.step(f"Post the login form: {email}"):
            return self._post("/login", {"method": "email", "email": email, "password": password})

    def login_with_phone(self, region: str, national_number: str, password: str) -> Answer:
        with allure.step(f"Post the login form: phone {national_number} ({region})"):
            return self._post("/login", {"method": "phone", "country": region, "phone": national_number,
                                         "password": password}, form_page="/login?with=phone")

    def login_by(self, identifier: str, account, password: str) -> Answer:
        """The login form by the account's e-mail, or by its phone as a person types it: the
        number's region and its national digits (+46701234567 is SE, 0701234567)."""
        if identifier == "email":
            return self.login(account.email, password)
        number = phonenumbers.parse(account.phone)
        national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
        return self.login_with_phone(phonenumbers.region_code_for_number(number), national, password)

    def submit_code(self, code: str) -> Answer:
        with allure.step(f"Post the verification code {code}"):
            return self._post("/login/verify", {"code": code})

    def resend_code(self) -> Answer:
        with allure.step("Post 'Resend' on the verification step"):
            return self._post("/login/verify/resend", {}, form_page="/login/verify")

    def continue_with(self, provider: str, identity: str, password: str = "") -> Answer:
        """'Continue with Google / Apple' on the login page, then Continue as <identity> on the
        provider's consent screen (an Apple ID password too where the screen asks it)."""
        with allure.step(f"Continue with {provider} as {identity}"):
            fields = {"identity": identity, "decision": "allow", **({"idp_password": password} if password else {})}
            return self._post(f"/idp/{provider}/authorize", fields, form_page=f"/auth/{provider}/start")

    def sign_up(self, email: str, password: str) -> Answer:
        with allure.step(f"Post the sign-up form: {email}"):
            return self._post("/signup", {"method": "email", "email": email, "password": password})

    def sign_up_with_phone(self, region: str, national_number: str, password: str) -> Answer:
        with allure.step(f"Post the sign-up form: phone {national_number} ({region})"):
            return self._post("/signup", {"method": "phone", "country": region, "phone": national_number,
                                          "password": password}, form_page="/signup?with=phone")

    def submit_sign_up_code(self, code: str) -> Answer:
        """The phone sign-up's second step: the code the SMS brought."""
        with allure.step(f"Post the sign-up code {code}"):
            return self._post("/signup/phone-code", {"code": code})

    def request_lost_2fa_code(self) -> Answer:
        with allure.step("Post 'Send code' on the lost-2FA form"):
            return self._post("/login/lost-2fa/send", {}, form_page="/login/lost-2fa")

    def submit_lost_2fa_request(self, code: str, registered_month: str, balance_usdt: str) -> date:
        """The request's review due date, as the confirmation screen shows it."""
        with allure.step(f"Post the lost-2FA request (registered {registered_month}, balance {balance_usdt})"):
            answer = self._post("/login/lost-2fa", {
                "email_code": code, "registered_month": registered_month, "balance_usdt": balance_usdt,
                "reason": "New phone, the authenticator app is gone"})
        due = answer.attribute_of("lost-2fa-due-date", "datetime")
        assert due, f"{answer}: no due date on the answer"
        return date.fromisoformat(due)

    # forgot password (seeds/001 lines 9-19): identifier, robot check, code, new password
    def forgot_password(self, identifier: str) -> Answer:
        """Ask for a reset code: the identifier, then the ticked robot check."""
        with allure.step(f"Post the forgot-password form: {identifier}, then the robot check"):
            self._post("/forgot-password", {"identifier": identifier})
            return self._post("/forgot-password/robot", {"not_a_robot": "yes"})

    def confirm_reset_code(self, code: str) -> Answer:
        with allure.step(f"Post the reset code {code}"):
            return self._post("/forgot-password/code", {"code": code}, form_page="/forgot-password/code")

    def set_new_password(self, password: str) -> Answer:
        with allure.step("Post the new password, twice"):
            return self._post("/forgot-password/new", {"password": password, "password_again": password})

    # unbinding e-mail or SMS verification, changing the e-mail (seeds/001 lines 23-61)
    def unbind_screen(self, channel: str) -> Answer:
        """The first screen of unbinding <channel>: its notice, or why it is refused (unbind-refused)."""
        with allure.step(f"Open the unbind screen for {channel}"):
            return Answer(self.http.get(f"/security/unbind/{channel}"))

    def start_unbind(self, channel: str) -> Answer:
        with allure.step(f"Read the unbind notice for {channel} and press Next"):
            return self._post(f"/security/unbind/{channel}/next", {}, form_page=f"/security/unbind/{channel}")

    def confirm_unbind_authenticator(self, channel: str, totp: str) -> Answer:
        with allure.step(f"Post the Google Authenticator code {totp} to unbind {channel}"):
            return self._post(f"/security/unbind/{channel}/totp", {"totp_code": totp},
                              form_page=f"/security/unbind/{channel}")

    def confirm_unbind_codes(self, channel: str, email_code: str, sms_code: str) -> Answer:
        with allure.step(f"Post the e-mail and SMS codes to unbind {channel}"):
            return self._post(f"/security/unbind/{channel}/codes", {"email_code": email_code, "sms_code": sms_code},
                              form_page=f"/security/unbind/{channel}")

    def enter_new_email(self, email: str) -> Answer:
        with allure.step(f"Post the new account e-mail {email}"):
            return self._post("/security/unbind/email/new-email", {"new_email": email},
                              form_page="/security/unbind/email")

    def confirm_new_email(self, code: str) -> Answer:
        with allure.step(f"Post the code sent to the new address: {code}"):
            return self._post("/security/unbind/email/new-email/code", {"email_code": code},
                              form_page="/security/unbind/email")

    def bind_destination(self, channel: str, value: str) -> Answer:
        """Security -> bind e-mail (channel email) or SMS (channel sms) verification: the address or number."""
        with allure.step(f"Post {value} to bind {channel} verification"):
            return self._post(f"/security/bind/{channel}", {"destination": value})

    def confirm_bind_code(self, channel: str, code: str) -> Answer:
        with allure.step(f"Post the code {code} sent to bind {channel} verification"):
            return self._post(f"/security/bind/{channel}/code", {CODE_FIELDS[channel]: code},
                              form_page=f"/security/bind/{channel}")

    # withdrawing (seeds/001 line 18, seeds/002 line 18)
    def withdrawal_page(self) -> Answer:
        with allure.step("Open the withdrawal page"):
            return Answer(self.http.get("/withdraw"))

    def send_withdrawal_codes(self) -> Answer:
        with allure.step("Post 'Send verification codes' on the withdrawal page"):
            return self._post("/withdraw/codes", {}, form_page="/withdraw")

    def withdraw(self, address: str, amount: str, **codes: str) -> Answer:
        """Codes by factor: email=..., sms=..., totp=..."""
        with allure.step(f"Post a withdrawal of {amount} USDT to {address}"):
            return self._post("/withdraw", {"address": address, "amount": amount,
                                            **{CODE_FIELDS[factor]: code for factor, code in codes.items()}})

    # creating a passkey (seeds/002 lines 7-8): the three codes first, then the ceremony
    def start_passkey_setup(self) -> Answer:
        """Security -> Passkey -> 'Create Passkey': the bound factors' codes are sent."""
        with allure.step("Post 'Create Passkey' on Security -> Passkey"):
            return self._post("/security/passkeys/new/start", {}, form_page="/security/passkeys")

    def confirm_passkey_codes(self, name: str = "", **codes: str) -> Answer:
        """Codes by factor: email=..., sms=..., totp=...; the answer's step is passkey-ceremony once they pass."""
        with allure.step(f"Post the {', '.join(codes)} codes to create a passkey"):
            return self._post("/security/passkeys/new", {"name": name, **{CODE_FIELDS[factor]: code
                                                                          for factor, code in codes.items()}})

    def ask_passkey_ceremony(self) -> Answer:
        """The ceremony screen's first fetch (its options): 403 until the codes have passed."""
        with allure.step("Ask for the passkey ceremony's options"):
            headers = script_headers(self.http, "/security/passkeys")
            return Answer(self.http.post("/security/passkeys/options", headers=headers, content="{}"))

    def passkeys_page(self) -> Answer:
        with allure.step("Open Security -> Passkey"):
            return Answer(self.http.get("/security/passkeys"))

    # binding Google Authenticator (seeds/001 lines 62-76): e-mail/SMS code, key, 6-digit code
    def as_device(self, user_agent: str) -> "ScreenForms":
        """Post as this device (its user agent), e.g. the app on a phone."""
        self.http.headers["User-Agent"] = user_agent
        return self

    def authenticator_screen(self) -> Answer:
        with allure.step("Open Security -> Google Authenticator"):
            return Answer(self.http.get("/security/authenticator"))

    def send_authenticator_identity_code(self) -> Answer:
        with allure.step("Post 'Send code' on the Google Authenticator screen"):
            return self._post("/security/authenticator/send", {}, form_page="/security/authenticator")

    def confirm_authenticator_identity(self, code: str, channel: str = "email") -> Answer:
        with allure.step(f"Post the {channel} code {code} that confirms it is me"):
            return self._post("/security/authenticator/verify", {CODE_FIELDS[channel]: code},
                              form_page="/security/authenticator")

    def bind_authenticator(self, totp: str) -> Answer:
        with allure.step(f"Post the authenticator code {totp} and bind"):
            return self._post("/security/authenticator/bind", {"totp_code": totp}, form_page="/security/authenticator")

    # resetting the mobile number with security questions (seeds/004 lines 4-17, CoinEx)
    def start_mobile_reset(self, email: str, password: str, code_for) -> Answer:
        """Instructions (I Agree) -> e-mail + password -> e-mail code (``code_for()`` reads it once sent)."""
        with allure.step(f"Post the reset instructions (I Agree), {email} and password, then the e-mail code"):
            self._post("/reset-mobile/agree", {"agree": "yes"}, form_page="/reset-mobile")
            self._post("/reset-mobile/credentials", {"email": email, "password": password}, form_page="/reset-mobile")
            return self._post("/reset-mobile/code", {"code": code_for()}, form_page="/reset-mobile")

    def start_questions(self) -> Answer:
        with allure.step("Post 'Start now' on the Attention notice"):
            return self._post("/reset-mobile/questions/start", {}, form_page="/reset-mobile")

    def continue_questions(self) -> Answer:
        with allure.step("Post 'Continue' after a failed attempt"):
            return self._post("/reset-mobile/questions/continue", {}, form_page="/reset-mobile")

    def answer_questions(self, *answers: str | tuple[str, ...]) -> Answer:
        """One answer per question, in order, by the options' labels: a label, or a tuple of labels
        for a multiple-choice question (each one ticked)."""
        with allure.step(f"Post the security questions' answers {answers}"):
            page = self.http.get("/reset-mobile")
            choices = _Choices()
            choices.feed(page.text)
            assert len(choices.questions) == len(answers), (
                f"{len(choices.questions)} questions on the screen, {len(answers)} answers")
            fields = {}
            for options, wanted in zip(choices.questions, answers):
                for label in (wanted,) if isinstance(wanted, str) else wanted:
                    assert label in options, f"no option {label!r} among {sorted(options)}"
                    name, value = options[label]
                    fields[name] = value
            return self._post("/reset-mobile/questions", fields, form_page="/reset-mobile")

    def session_cookies(self) -> list[dict]:
        """This visitor's cookies ({name, value}), to hand a signed-in session to a browser."""
        return [{"name": cookie.name, "value": cookie.value} for cookie in self.http.cookies.jar]

    def close(self) -> None:
        self.http.close()
