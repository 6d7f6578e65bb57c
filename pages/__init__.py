"""Page objects: one per screen, the only place that knows selectors.

Page objects offer locators and user intents wrapped in allure steps; tests assert with
Playwright's ``expect``. Each page knows its path and can tell whether it is the current page.
"""

from .account_page import AccountPage
from .login_page import LoginPage
from .signup_page import SignupPage
from .verification_page import VerificationPage

__all__ = ["AccountPage", "LoginPage", "SignupPage", "VerificationPage"]
