"""Withdraw USDT, confirmed with the bound factors' codes; shows the withdrawal hold."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage

LABELS = {"email": "E-mail verification code", "sms": "SMS verification code", "totp": "Google Authenticator code"}


class WithdrawalPage(BasePage):
    path = "/withdraw"
    page_id = "withdraw"

    @property
    def hold_banner(self) -> Locator:
        return self.page.get_by_test_id("withdrawal-hold-banner")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("withdraw-error")

    @property
    def done(self) -> Locator:
        return self.page.get_by_test_id("withdraw-done")

    @property
    def balance(self) -> Locator:
        return self.page.get_by_test_id("withdraw-balance")

    def send_codes(self) -> None:
        with allure.step("Send the withdrawal verification codes"):
            self.click_and_load(self.page.get_by_test_id("withdraw-send-codes"))

    def withdraw(self, address: str, amount: str, **codes: str) -> None:
        with allure.step(f"Withdraw {amount} USDT to {address}"):
            self.page.get_by_label("Destination address").fill(address)
            self.page.get_by_label("Amount (USDT)").fill(amount)
            for factor, code in codes.items():
                self.page.get_by_label(LABELS[factor]).fill(code)
            self.click_and_load(self.page.get_by_test_id("withdraw-submit"))

    @property
    def passkey_button(self) -> Locator:
        return self.page.get_by_test_id("withdraw-with-passkey")

    @property
    def passkey_unavailable(self) -> Locator:
        return self.page.get_by_test_id("passkey-withdrawal-unavailable")

    @property
    def passkey_error(self) -> Locator:
        return self.page.get_by_test_id("passkey-error")

    def withdraw_with_passkey(self, address: str, amount: str) -> None:
        with allure.step(f"Withdraw {amount} USDT to {address} with a passkey"):
            self.page.get_by_label("Destination address").fill(address)
            self.page.get_by_label("Amount (USDT)").fill(amount)
            self.passkey_button.click()
