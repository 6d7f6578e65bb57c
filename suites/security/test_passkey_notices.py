"""Adding or removing a passkey is announced by e-mail (ASVS 5.0 V6.3.7). Pionex documents
passkeys (seeds/002); CoinEx uses them only as a verification tool bound elsewhere."""

import pytest

from pages import PasskeysPage
from suites.pionex.passkey.steps import ALL_FACTORS, create_passkey, sign_in_with_codes


pytestmark = pytest.mark.parametrize("brand", ["pionex"])  # a parameter, so --brand and the report see it


@pytest.mark.behaviour("SEC-NOTICE-01")
def test_adding_and_removing_a_passkey_are_each_announced_by_email(
        page, accounts, inbox, authenticator, deliveries, sign_in):
    account = accounts.create(factors=ALL_FACTORS)  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)

    create_passkey(page, account, sign_in, inbox, name="Work laptop")
    added = deliveries.email(account.email, "a passkey was added")
    assert "Work laptop" in added.body and "If this was not you" in added.body

    mark = deliveries.mark()
    PasskeysPage(page).open().remove("Work laptop")
    removed = deliveries.email(account.email, "a passkey was removed", since=mark)
    assert "Work laptop" in removed.body
