"""CoinEx Reset Mobile Number wizard (seeds/004 lines 2-45): one URL, one <main data-page> per step."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class MobileResetPage(StepPage):
    path = "/reset-mobile"
    page_id = "mobile-reset-instructions"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("reset-error")

    @property
    def instructions(self) -> Locator:
        return self.page.get_by_test_id("reset-instructions")

    def confirm_reset(self, agree: bool = True) -> None:
        with allure.step(f"Reset instructions: {'tick' if agree else 'leave unticked'} I Agree, Confirm reset"):
            if agree:
                self.page.get_by_label("I Agree").check()
            self.click_and_load(self.page.get_by_role("button", name="Confirm reset"))

    def enter_credentials(self, email: str, password: str) -> None:
        with allure.step(f"Enter e-mail {email} and password, Next"):
            self.page.get_by_label("E-mail").fill(email)
            self.page.get_by_label("Password").fill(password)
            self.click_and_load(self.page.get_by_test_id("reset-credentials-next"))

    def forgot_password(self, email: str) -> None:
        with allure.step(f"Enter e-mail {email}, click Forgot Password"):
            self.page.get_by_label("E-mail").fill(email)
            self.click_and_load(self.page.get_by_role("button", name="Forgot Password"))

    def enter_email_code(self, code: str) -> None:
        with allure.step(f"Enter e-mail verification code {code}, Next"):
            self.page.get_by_label("E-mail verification code").fill(code)
            self.click_and_load(self.page.get_by_test_id("reset-code-next"))

    def start_through(self, email: str, password: str, code_for) -> None:
        """Instructions -> credentials -> e-mail code (``code_for()`` reads the code once sent)."""
        self.open()
        self.confirm_reset()
        self.enter_credentials(email, password)
        self.enter_email_code(code_for())

    # --- security questions ---
    @property
    def attention(self) -> Locator:
        return self.page.get_by_test_id("questions-attention")

    @property
    def questions(self) -> Locator:
        return self.page.get_by_test_id("question")

    @property
    def failed(self) -> Locator:
        return self.page.get_by_test_id("questions-failed")

    def question_kinds(self) -> list[str]:
        """Each question's kind, in order: single or multiple choice."""
        return [self.questions.nth(i).get_attribute("data-kind") for i in range(self.questions.count())]

    @property
    def continue_button(self) -> Locator:
        return self.page.get_by_role("button", name="Continue")

    @property
    def submit_documents_button(self) -> Locator:
        return self.page.get_by_role("button", name="Submit Documents")

    def start_questions(self) -> None:
        with allure.step("Attention: Start now"):
            self.click_and_load(self.page.get_by_role("button", name="Start now"))

    def answer(self, registered: str, coins: tuple[str, ...], deposit: str, bots: str) -> None:
        """Answer the 4 questions by the options' labels, then Submit."""
        with allure.step(f"Answer: registered {registered}, coins {coins}, last deposit {deposit}, bots {bots}"):
            groups = self.questions
            groups.nth(0).get_by_label(registered, exact=True).check()
            for coin in coins:
                groups.nth(1).get_by_label(coin, exact=True).check()
            groups.nth(2).get_by_label(deposit, exact=True).check()
            groups.nth(3).get_by_label(bots, exact=True).check()
            self.submit_answers()

    def submit_answers(self) -> None:
        with allure.step("Submit the answers"):
            self.click_and_load(self.page.get_by_role("button", name="Submit"))

    def continue_questions(self) -> None:
        with allure.step("Failed attempt: Continue"):
            self.click_and_load(self.continue_button)

    def submit_documents_instead(self) -> None:
        with allure.step("Choose Submit Documents"):
            self.click_and_load(self.submit_documents_button)

    # --- biometric ---
    def click(self, name: str) -> None:
        with allure.step(f"Click {name}"):
            self.click_and_load(self.page.get_by_role("button", name=name, exact=True))

    def choose_country(self, country_name: str) -> None:
        with allure.step(f"Country of residence: {country_name}, Continue"):
            self.page.get_by_label("Country of residence").select_option(label=country_name)
            self.click_and_load(self.page.get_by_test_id("country-continue"))

    @property
    def face_tips(self) -> Locator:
        return self.page.get_by_test_id("face-tips")

    @property
    def camera_status(self) -> Locator:
        return self.page.get_by_test_id("camera-status")

    @property
    def capture_button(self) -> Locator:
        return self.page.get_by_role("button", name="Take picture and submit")

    def capture_face(self) -> None:
        with allure.step("Take the picture with the camera and submit it"):
            self.capture_button.click()

    @property
    def handoff_link(self) -> Locator:
        return self.page.get_by_test_id("phone-handoff-link")

    # --- documents ---
    @property
    def documents_form(self) -> Locator:
        return self.page.get_by_test_id("documents-form")

    def submit_documents(self, email_kind: str | None, email_shot: dict | None, direction: str | None,
                         transaction_shot: dict | None) -> None:
        with allure.step(f"Submit documents: {email_kind} e-mail screenshot, {direction} transaction screenshot"):
            if email_kind:
                self.page.get_by_label("Which notification is it?").select_option(label=email_kind)
            if email_shot:
                self.page.get_by_label("E-mail screenshot").set_input_files(email_shot)
            if direction:
                self.page.get_by_label("The transaction was").select_option(value=direction)
            if transaction_shot:
                self.page.get_by_label("Transaction screenshot").set_input_files(transaction_shot)
            self.click_and_load(self.page.get_by_test_id("documents-submit"))

    def field_error(self, name: str) -> Locator:
        return self.page.get_by_test_id(f"error-{name}")

    @property
    def notice_kinds(self) -> Locator:
        return self.page.get_by_label("Which notification is it?").locator("option:not([value=''])")

    # --- outcomes ---
    @property
    def pending(self) -> Locator:
        return self.page.get_by_test_id("reset-pending")

    @property
    def rejected(self) -> Locator:
        return self.page.get_by_test_id("reset-rejected")

    @property
    def done(self) -> Locator:
        return self.page.get_by_test_id("reset-done")

    def back_to_login(self) -> None:
        with allure.step("Back (to log in)"):
            self.click_and_load(self.page.get_by_role("link", name="Back", exact=True))
