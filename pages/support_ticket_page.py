"""CoinEx support tickets and identity-verification tickets (seeds/003 lines 5-6, 22-29)."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .backoffice_page import BackofficePage
from .base_page import BasePage


class SupportTicketPage(BasePage):
    path = "/support/ticket"
    page_id = "support-ticket"

    def submit(self, *, contact: str, topic: str, description: str, error_message: str, steps_tried: str,
               device: str, client_version: str, screenshots: list[dict] | None = None) -> None:
        with allure.step(f"Submit a support ticket as {contact}: {topic}"):
            self.page.get_by_label("Registered e-mail address or phone number").fill(contact)
            self.page.get_by_label("Topic").select_option(label=topic)
            self.page.get_by_label("Description of the issue").fill(description)
            self.page.get_by_label("Exact error message").fill(error_message)
            self.page.get_by_label("Steps you have already tried").fill(steps_tried)
            self.page.get_by_label("Device").fill(device)
            self.page.get_by_label("Browser and version").fill(client_version)
            if screenshots:
                self.page.get_by_label("Screenshots of the error").set_input_files(screenshots)
            self.click_and_load(self.page.get_by_test_id("ticket-submit"))

    def submit_blank(self) -> None:
        with allure.step("Submit the support ticket without filling it in"):
            self.click_and_load(self.page.get_by_test_id("ticket-submit"))

    @property
    def queued(self) -> Locator:
        return self.page.get_by_test_id("ticket-queued")

    @property
    def duplicate(self) -> Locator:
        return self.page.get_by_test_id("ticket-duplicate")

    @property
    def reference(self) -> Locator:
        return self.page.get_by_test_id("ticket-reference")

    def field_error(self, name: str) -> Locator:
        return self.page.get_by_test_id(f"error-{name}")


class IdentityTicketPage(BasePage):
    """/support/unlock (review-locked accounts) and /support/disable-2fa (no backup codes)."""

    path = "/support/unlock"
    page_id = "support-unlock"

    def submit(self, email: str, id_photo: dict | None, selfie: dict | None, password: str | None = None) -> None:
        with allure.step(f"Submit a verification ticket for {email} with an ID photo and a selfie"):
            self.page.get_by_label("Registered e-mail address").fill(email)
            if password is not None:
                self.page.get_by_label("Password").fill(password)
            if id_photo:
                self.page.get_by_label("Photo of your ID").set_input_files(id_photo)
            if selfie:
                self.page.get_by_label("Selfie").set_input_files(selfie)
            self.click_and_load(self.page.get_by_test_id("identity-ticket-submit"))

    def submit_blank(self) -> None:
        with allure.step("Submit the verification ticket without filling it in"):
            self.click_and_load(self.page.get_by_test_id("identity-ticket-submit"))

    @property
    def submitted(self) -> Locator:
        return self.page.get_by_test_id("identity-ticket-submitted")

    def field_error(self, name: str) -> Locator:
        return self.page.get_by_test_id(f"error-{name}")


class ReviewChecklistPage(BackofficePage):
    """A CoinEx review in the back office: evidence links and the reviewer checklist."""

    @property
    def checklist(self) -> Locator:
        return self.page.get_by_test_id("review-checklist")

    @property
    def evidence(self) -> Locator:
        return self.page.get_by_test_id("review-evidence").get_by_role("link")

    def record_checklist(self, *ticked_labels: str) -> None:
        """Tick the items whose label contains one of the given texts, leave the rest, and record."""
        with allure.step(f"Back office: record the checklist, ticking {ticked_labels or 'nothing'}"):
            boxes = self.checklist.get_by_role("checkbox")
            for index in range(boxes.count()):
                box = boxes.nth(index)
                label = box.locator("xpath=..").inner_text()
                box.set_checked(any(text in label for text in ticked_labels))
            self.click_and_load(self.page.get_by_test_id("checklist-submit"))
