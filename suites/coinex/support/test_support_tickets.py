"""CoinEx: support tickets with the details the article asks for (seeds/003 lines 22-29)."""

import pytest
from playwright.sync_api import expect

from pages.support_ticket_page import SupportTicketPage
from suites.coinex.evidence import png, text_named_png

DETAILS = dict(
    topic="Cannot log in",
    description="The login page rejects my password since this morning.",
    error_message="Incorrect e-mail or password. 4 attempts left",
    steps_tried="Cleared cache and cookies, tried Firefox and a private window.",
    device="iPhone 14",
    client_version="Safari 17.1",
)


@pytest.mark.behaviour("CX-SUPPORT-01")
def test_ticket_form_takes_every_detail_the_article_lists_and_validates_them(page, accounts, exchange):
    contact = accounts.new_email()
    ticket = SupportTicketPage(page).open()
    with page.expect_response(lambda r: r.url.endswith("/support/ticket") and r.request.method == "POST") as response:
        ticket.submit(contact="", **{**DETAILS, "steps_tried": "", "device": ""},
                      screenshots=[text_named_png("error.png")])
    assert response.value.status == 400
    expect(ticket.field_error("contact")).to_contain_text("registered with your account")
    expect(ticket.field_error("steps_tried")).to_contain_text("steps you have already tried")
    expect(ticket.field_error("device")).to_contain_text("iPhone 14")
    expect(ticket.field_error("screenshots")).to_contain_text("PNG or JPEG")
    assert exchange.api.coinex_tickets(contact) == []

    ticket.submit(contact=contact, **DETAILS, screenshots=[png(name="error.png")])
    expect(ticket.queued).to_be_visible()
    (stored,) = exchange.api.coinex_tickets(contact)
    assert stored["error_message"] == DETAILS["error_message"]
    assert stored["steps_tried"] == DETAILS["steps_tried"]
    assert (stored["device"], stored["client_version"]) == (DETAILS["device"], DETAILS["client_version"])


@pytest.mark.behaviour("CX-SUPPORT-02")
def test_ticket_is_queued_with_a_reference_and_a_second_one_points_to_it(page, accounts, exchange):
    contact = accounts.new_email()
    ticket = SupportTicketPage(page).open()
    ticket.submit(contact=contact, **DETAILS)
    expect(ticket.queued).to_contain_text("in the queue")
    reference = ticket.reference.inner_text()
    assert reference

    ticket.open()
    ticket.submit(contact=contact.upper(), **{**DETAILS, "description": "Still cannot log in."})
    expect(ticket.duplicate).to_contain_text("already have an open ticket")
    expect(ticket.reference).to_have_text(reference)
    assert len(exchange.api.coinex_tickets(contact)) == 1
