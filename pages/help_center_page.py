"""The help centre: the articles' ways out when signing in is stuck (CoinEx: reset the mobile, lost 2FA)."""

from __future__ import annotations

import allure

from .base_page import BasePage


class HelpCenterPage(BasePage):
    path = "/help"
    page_id = "help-center"

    def reset_mobile_number(self) -> None:
        with allure.step("Help centre: Reset Mobile Number"):
            self.click_and_load(self.page.get_by_role("link", name="Reset Mobile Number"))

    def lost_2fa_device_and_backup_codes(self) -> None:
        with allure.step("Help centre: Lost your 2FA device and your backup codes?"):
            self.click_and_load(self.page.get_by_role("link", name="Lost your 2FA device and your backup codes?"))
