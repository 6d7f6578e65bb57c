"""What every page object shares: its path, `open()`, and the Keycloak-style `is_current()`."""

from __future__ import annotations

import allure
from playwright.sync_api import APIResponse, Locator, Page, expect

from .form_posts import CSRF_FIELD, CSRF_HEADER

# the fields a person fills in or picks from: inputs other than hidden ones and buttons, selects, text areas
FORM_FIELDS = ("input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), "
               "select, textarea")


class BasePage:
    path: str = "/"
    page_id: str = ""  # the screen's <main data-page="..."> value

    def __init__(self, page: Page) -> None:
        self.page = page

    def csrf_token(self) -> str:
        """The form token the page carries, for a request the page's own script would send."""
        return self.page.locator('meta[name="csrf-token"]').get_attribute("content")

    def post_form(self, path: str, fields: dict | None = None, *, multipart: bool = False,
                  max_redirects: int | None = None) -> APIResponse:
        """Post a form from this page's session with the page's token, as a form of the page would:
        a step the screen does not offer now (skipped, forced, or a choice it does not list)."""
        with allure.step(f"Post {path} from this page's session, as one of its forms would"):
            body = {CSRF_FIELD: self.csrf_token(), **(fields or {})}
            sent = {"multipart": body} if multipart else {"form": body}
            return self.page.request.post(path, max_redirects=max_redirects, **sent)

    def script_headers(self) -> dict[str, str]:
        """The headers the page's own script sends with its JSON posts (its token among them)."""
        return {CSRF_HEADER: self.csrf_token(), "Content-Type": "application/json"}

    def post_as_script(self, path: str, body: str = "{}") -> APIResponse:
        """Post what the page's own script posts (a JSON body, the token in a header), from this
        page's session: a request the screen would not send now, or one replayed or forged."""
        with allure.step(f"Post {path} from this page's session, as its script would"):
            return self.page.request.post(path, data=body, headers=self.script_headers())

    def open(self):
        with allure.step(f"Open {type(self).__name__} ({self.path})"):
            self.page.goto(self.path)
        return self

    def click_and_load(self, target: Locator) -> None:
        """Click a form's submit button or a link, and return once the page that answers has loaded.

        Every form here is a plain POST answered by a new page. Without this wait the next fill or
        click can land on the page being left, when both pages carry the same form (a review page
        and the review page that answers it): that second submit then cancels the first while it
        is in flight, and the server may never see it. CI lost a reviewer's checklist that way.
        """
        with self.page.expect_event("load"):
            target.click()

    @property
    def main(self) -> Locator:
        return self.page.locator(f'main[data-page="{self.page_id}"]')

    def is_current(self) -> bool:
        return self.main.count() == 1

    def assert_current(self) -> None:
        expect(self.main, f"expected to be on the {self.page_id} screen").to_be_visible()

    @property
    def error_page_message(self) -> Locator:
        return self.page.get_by_test_id("error-message")

    @property
    def form_fields(self) -> Locator:
        return self.page.locator(FORM_FIELDS)

    def link_targets(self) -> list[str]:
        """Where each link on the page leads (absolute URLs)."""
        return self.page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")

    def post_form_actions(self) -> set[str]:
        """Where each form of the page that posts sends it (absolute URLs)."""
        return set(self.page.locator("form").evaluate_all(
            "forms => forms.filter(f => f.method.toLowerCase() === 'post').map(f => f.action)"))
