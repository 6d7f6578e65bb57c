"""Page objects: one per screen, the only place that knows selectors.

Page objects offer locators and user intents wrapped in allure steps; tests assert with
Playwright's ``expect``. Each page knows its path and can tell whether it is the current page.
"""

from .account_page import AccountPage
from .idp_consent_page import IdpConsentPage, SocialErrorPage
from .login_page import LoginPage
from .mobile_change_page import MobileChangePage
from .mobile_reset_page import MobileResetPage
from .passkeys_page import PasskeyCeremonyPage, PasskeyIdentityPage, PasskeysPage
from .security_password_page import SecurityPasswordPage
from .signup_page import PhoneCodePage, SignupDonePage, SignupPage
from .support_page import SupportPage
from .support_ticket_page import IdentityTicketPage, ReviewChecklistPage, SupportTicketPage
from .verification_page import VerificationPage

__all__ = [
    "AccountPage",
    "IdpConsentPage",
    "IdentityTicketPage",
    "LoginPage",
    "MobileChangePage",
    "MobileResetPage",
    "PasskeyCeremonyPage",
    "PasskeyIdentityPage",
    "PasskeysPage",
    "PhoneCodePage",
    "SecurityPasswordPage",
    "SignupDonePage",
    "SignupPage",
    "SocialErrorPage",
    "ReviewChecklistPage",
    "SupportPage",
    "SupportTicketPage",
    "VerificationPage",
]
