"""CoinEx Security Settings -> Mobile -> Manage -> Change / Unbind (seeds/004 lines 46-59)."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class MobileChangePage(StepPage):
    path = "/security/mobile"
    page_id = "mobile-manage"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("mobile-error")

    @property
    def number(self) -> Locator:
        return self.page.get_by_test_id("mobile-number")

    @property
    def tool(self) -> Locator:
        return self.page.get_by_test_id("mobile-2fa-tool")

    @property
    def done(self) -> Locator:
        return self.page.get_by_test_id("mobile-done")

    def open_from_security_settings(self) -> None:
        with allure.step("Security Settings -> Manage (Mobile)"):
            self.page.goto("/account")
            self.click_and_load(self.page.get_by_role("link", name="Security", exact=True))
            self.click_and_load(self.page.get_by_test_id("security-mobile").get_by_role("link", name="Manage"))

    def action_button(self, action: str) -> Locator:
        """Manage -> Change or Unbind."""
        return self.page.get_by_role("button", name=action.title(), exact=True)

    def choose(self, action: str) -> None:
        with allure.step(f"Choose {action.title()}"):
            self.click_and_load(self.action_button(action))

    @property
    def instructions(self) -> Locator:
        return self.page.get_by_test_id("mobile-instructions")

    def continue_after_instructions(self) -> None:
        with allure.step("Read the instructions, Continue"):
            self.click_and_load(self.page.get_by_role("button", name="Continue"))

    def enter_email_code(self, code: str) -> None:
        with allure.step(f"Email verification code {code}, Next"):
            self.page.get_by_label("Email verification code").fill(code)
            self.click_and_load(self.page.get_by_test_id("mobile-email-next"))

    def switch_tool(self, tool: str) -> None:
        with allure.step(f"Switch verification tool to {tool}"):
            self.click_and_load(self.page.get_by_test_id(f"mobile-switch-to-{tool}"))

    def send_sms(self) -> None:
        with allure.step("Send the SMS code to the current number"):
            self.click_and_load(self.page.get_by_test_id("mobile-send-sms"))

    def enter_2fa_code(self, code: str) -> None:
        with allure.step(f"2FA code {code}, Next"):
            self.page.locator("#code").fill(code)
            self.click_and_load(self.page.get_by_test_id("mobile-2fa-next"))

    @property
    def passkey_error(self) -> Locator:
        return self.page.get_by_test_id("passkey-error")

    def verify_with_passkey(self) -> None:
        with allure.step("Verify with the passkey"):
            self.page.get_by_role("button", name="Verify with passkey").click()

    def enter_new_number(self, country: str, national: str) -> None:
        with allure.step(f"New mobile: {country} {national}, Next"):
            self.page.get_by_label("Country/region code").select_option(value=country)
            self.page.get_by_label("Phone number").fill(national)
            self.click_and_load(self.page.get_by_test_id("mobile-number-next"))

    @property
    def slide_target(self) -> Locator:
        return self.page.get_by_test_id("slide-target")

    def slide_to(self, position: int) -> None:
        with allure.step(f"Slide the puzzle piece to {position} %"):
            self.page.get_by_label("Slide to complete the puzzle").fill(str(position))
            self.click_and_load(self.page.get_by_test_id("slide-submit"))

    def slide_mark(self) -> int:
        """Where the puzzle piece belongs, in % of the track."""
        return int(self.slide_target.get_attribute("data-target"))

    def slide_to_the_mark(self) -> None:
        self.slide_to(self.slide_mark())

    def enter_sms_code(self, code: str) -> None:
        with allure.step(f"SMS code {code}, Next"):
            self.page.get_by_label("SMS code").fill(code)
            self.click_and_load(self.page.get_by_test_id("mobile-sms-next"))

    def bind_new(self) -> None:
        with allure.step("Bind a mobile number"):
            self.click_and_load(self.page.get_by_role("button", name="Bind a mobile number"))

    @property
    def authentication_unavailable(self) -> Locator:
        return self.page.get_by_role("link", name="Security authentication unavailable?")

    def report_authentication_unavailable(self) -> None:
        with allure.step("Security authentication unavailable?"):
            self.click_and_load(self.authentication_unavailable)
