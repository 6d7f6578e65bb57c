"""Request forgery: a token on every state change, and no state change through GET
(ASVS 5.0 V3.5.1, V3.5.3)."""

from urllib.parse import urljoin, urlsplit

import pytest

from pages import AccountPage, LoginPage
from pages.base_page import BasePage
from pages.form_posts import with_form_token
from suites.security.forgery import submit_forged_form
from suites.security.sessions import opens_the_account


@pytest.mark.behaviour("SEC-CSRF-01")
def test_a_logout_forged_on_another_origin_leaves_the_victim_signed_in(page, exchange, accounts, sign_in):
    victim = accounts.create()
    sign_in(page, victim)
    attack = page.context.new_page()

    answer = submit_forged_form(attack, exchange.base_url, "/logout", {})

    assert answer.status == 403, f"the forged logout was answered {answer.status}"
    assert opens_the_account(AccountPage(page).open().page), "the forged logout ended the victim's session"
    assert accounts.state(victim)["live_sessions"] == 1


@pytest.mark.behaviour("SEC-CSRF-01")
def test_a_login_forged_on_another_origin_does_not_sign_the_victim_into_the_attackers_account(page, exchange, accounts):
    attacker = accounts.create()
    LoginPage(page).open()  # the victim has visited the exchange: the browser holds a session cookie

    answer = submit_forged_form(page, exchange.base_url, "/login",
                                with_form_token({"email": attacker.email, "password": attacker.password}, "forged"))

    assert answer.status == 403, f"the forged login was answered {answer.status}"
    assert not opens_the_account(AccountPage(page).open().page), "the victim's browser is signed in as the attacker"
    assert accounts.state(attacker)["live_sessions"] == 0


def _same_origin_links(page, base_url: str) -> set[str]:
    hrefs = BasePage(page).link_targets()
    return {h.split("#")[0] for h in hrefs if urlsplit(h).netloc == urlsplit(base_url).netloc}


@pytest.mark.behaviour("SEC-CSRF-02")
def test_following_every_link_and_getting_every_form_action_changes_nothing(page, exchange, accounts, sign_in, inbox):
    account = accounts.create(factors=("email", "sms", "totp"), phone=accounts.new_phone()[0], balance_usdt=500)
    sign_in(page, account)
    before = (accounts.state(account), exchange.api.security_state(account.id),
              len(exchange.api.sms(account.phone)), len(inbox.messages(to=account.email)))

    to_visit, seen, actions = ["/account", "/security"], set(), set()
    while to_visit and len(seen) < 60:
        url = urljoin(exchange.base_url, to_visit.pop())
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is not None and response.status < 500, f"GET {url} answered {response and response.status}"
        if urlsplit(page.url).netloc == urlsplit(exchange.base_url).netloc:
            actions |= BasePage(page).post_form_actions()
            if len(seen) < 25:  # two levels deep from the signed-in pages is enough
                to_visit.extend(_same_origin_links(page, exchange.base_url) - seen)
    assert any(a.endswith("/logout") for a in actions), "the crawl found no logout form: it saw too little"

    for action in sorted(actions):
        response = page.request.get(action, max_redirects=0)
        assert response.status in (303, 302, 307, 404, 405) or response.status < 300, f"GET {action}: {response.status}"

    after = (accounts.state(account), exchange.api.security_state(account.id),
             len(exchange.api.sms(account.phone)), len(inbox.messages(to=account.email)))
    assert after == before, f"GET requests changed the account: {before} -> {after}"
    assert opens_the_account(AccountPage(page).open().page), "a GET request ended the session"
