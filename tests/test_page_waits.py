"""Page objects wait for the page a click loads before they read it.

CI (2026-11-30) lost a reviewer's checklist. The page object clicked the link to the review, then
counted the checklist's boxes to tick them. Playwright's click returns once the new page has
*started* loading, and counting does not wait, so on a busy machine it counted the boxes of a
page still being parsed: none were ticked, the checklist failed and the review stayed pending.

Here a small server sends the review page in two parts, half a second apart, which makes that
window certain: a plain click reads the half page, ``BasePage.click_and_load`` the whole one.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import sync_playwright

from fixtures.browser import find_chromium, launch_args
from pages.base_page import BasePage

PAUSE_SECONDS = 0.5
CHECKLIST = ["e-mail is a CoinEx notice", "transaction from the counterparty", "coin, amount and time"]
QUEUE = b'<!doctype html><html lang="en"><title>Queue</title><a href="/review">Request #1</a></html>'
REVIEW_HEAD = b'<!doctype html><html lang="en"><title>Request #1</title><h1>Request #1</h1><form>'
REVIEW_REST = b"".join(
    f'<label><input type="checkbox" name="item{n}"> {label}</label>'.encode() for n, label in enumerate(CHECKLIST)
) + b"</form></html>"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if self.path == "/review":  # the first part, a pause (a slow network), then the rest
            self.wfile.write(REVIEW_HEAD)
            self.wfile.flush()
            threading.Event().wait(PAUSE_SECONDS)
            self.wfile.write(REVIEW_REST)
        else:
            self.wfile.write(QUEUE)


@pytest.fixture
def queue_page():  # its own browser: the suites' `page` brings an exchange server and a brand
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=launch_args())
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        yield BasePage(page)
        browser.close()
    server.shutdown()
    server.server_close()


def test_a_plain_click_returns_before_the_new_page_is_whole(queue_page):
    queue_page.page.get_by_role("link", name="Request #1").click()
    assert queue_page.page.url.endswith("/review")
    assert queue_page.page.get_by_role("checkbox").count() == 0  # the race the next test closes


def test_click_and_load_returns_once_the_new_page_has_loaded(queue_page):
    queue_page.click_and_load(queue_page.page.get_by_role("link", name="Request #1"))
    assert queue_page.page.get_by_role("checkbox").count() == len(CHECKLIST)
