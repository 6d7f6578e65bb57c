"""Brand profiles: everything that differs between exchanges, held as data.

Handlers never ask "which brand is this?"; they ask the profile for a number, a name or
whether a flow exists. Adding a brand means adding a profile here, not editing handlers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Policy:
    """The numbers the help-centre articles promise (and the safer choices where they are silent)."""

    lockout_threshold: int = 5  # consecutive failed password/code attempts
    lockout_minutes: int = 30
    withdrawal_hold_hours: int = 24  # after a password reset or a security change
    reuse_block_days: int = 30  # an unbound e-mail/phone cannot be used again
    review_business_days: int = 3  # manual reviews (lost authenticator, ...)
    code_lifetime_minutes: int = 10  # one-time codes (e-mail, SMS)
    resend_cooldown_seconds: int = 60
    # SMS sent to one number in a rolling hour (the seeds are silent; ASVS V2.4 anti-automation
    # against SMS pumping). Security notices are exempt: they must always reach the owner.
    sms_per_number_per_hour: int = 10
    session_idle_minutes: int = 60  # NIST 800-63B AAL2 allows 30 min idle / 12 h; we pick 60 / 12
    session_absolute_hours: int = 12
    password_min_length: int = 8  # NIST 800-63B: at least 8, no composition rules
    password_max_length: int = 128
    # CoinEx (seeds/003 line 5): "multiple failed login attempts from an unfamiliar location" lock
    # the account until a support review. The seed gives no number; 3 is this mock's choice.
    unfamiliar_failure_threshold: int = 3
    backup_code_count: int = 10
    # CoinEx mobile reset (seeds/004). The seed says "3 attempts" (line 16); the high-value
    # threshold and upload size are this mock's choices where the seed is silent.
    security_question_attempts: int = 3
    high_value_usdt: int = 50_000  # above this balance a reset goes to manual review (line 22)
    upload_max_bytes: int = 5 * 1024 * 1024
    # KYC levels (seeds/003 line 5 names no numbers): (level, name, largest single withdrawal in USDT)
    kyc_withdrawal_limits: tuple[tuple[int, str, int], ...] = (
        (0, "No verification", 1_000),
        (1, "Primary verification", 50_000),
        (2, "Advanced verification", 1_000_000),
    )


@dataclass(frozen=True)
class Brand:
    key: str
    name: str
    domain: str
    service_email: str
    no_reply_email: str
    support_channels: tuple[str, ...]
    policy: Policy = field(default_factory=Policy)
    flows: frozenset[str] = frozenset()
    accent: str = "#1f6feb"
    app_links: tuple[tuple[str, str], ...] = ()  # (label, URL) of the official apps
    official_url: str = ""  # the address users should see in the address bar (anti-phishing)
    # Days that do not count as business days for manual reviews (seeds/001 line 45: "national
    # holidays excluded"). The seeds name no country; see PIONEX_HOLIDAYS.
    holidays: tuple[date, ...] = ()

    def has(self, flow: str) -> bool:
        """Whether this brand offers ``flow``. A flow's screens, links and steps are served only
        where it is declared (tests/test_declared_flows.py); elsewhere its paths are unknown."""
        return flow in self.flows



# The seeds do not say which nation's holidays; the mock takes the fixed-date holidays most
# markets share (New Year's Day, Christmas Day, Boxing Day) for the years the suites can reach.
PIONEX_HOLIDAYS = tuple(
    date(year, month, day) for year in range(2025, 2036) for month, day in ((1, 1), (12, 25), (12, 26))
)

PIONEX = Brand(
    key="pionex",
    name="Pionex",
    domain="pionex.com",
    service_email="service@pionex.com",
    no_reply_email="no-reply@pionex.com",
    support_channels=("live chat", "service@pionex.com"),
    # Log-in and sign-up with a phone number are no flow of their own: both brands have them
    # (Pionex seeds/000 lines 9 and 11; CoinEx seeds/003 line 24, "registered email address or phone number").
    flows=frozenset({
        "google_login", "apple_login",  # seeds/000 lines 1-6: "Continue with Google / Apple"
        "lost_authenticator_form",  # seeds/000 line 15: the Google Authenticator unbinding request form
    }),
    accent="#e8731b",
    official_url="https://www.pionex.com",
    app_links=(("Download the Pionex app", "https://download.pionex.com/?lang=en-US"),),  # seeds/000:26
    holidays=PIONEX_HOLIDAYS,
)

COINEX = Brand(
    key="coinex",
    name="CoinEx",
    domain="coinex.com",
    service_email="support@coinex.com",
    no_reply_email="notice@coinex.com",
    support_channels=("support ticket", "support@coinex.com"),
    flows=frozenset({
        "security_questions",  # seeds/004 lines 10-16: the mobile reset's Case 1
        "backup_codes", "mobile_reset", "kyc_levels",
        "status_page",  # seeds/003 line 21: "Coinex's official status page"
        "switch_verification_tool",  # seeds/004 line 54
        "unfamiliar_location_lock",  # seeds/003 line 5
        "login_notification",  # seeds/004 line 36: CoinEx sends "successful ... login" notices
        "mobile_change",  # seeds/004 lines 46-59: Security Settings -> Mobile -> Manage
        "support_tickets",  # seeds/003 lines 22-29
    }),
    accent="#1bb08f",
    official_url="https://www.coinex.com",  # seeds/004 line 4
    app_links=(  # seeds/003:16: only the official stores
        ("CoinEx on the App Store", "https://apps.apple.com/app/coinex/id1264462812"),
        ("CoinEx on Google Play", "https://play.google.com/store/apps/details?id=com.coinex.trade.play"),
    ),
)

BRANDS: dict[str, Brand] = {b.key: b for b in (PIONEX, COINEX)}


def get_brand(key: str) -> Brand:
    try:
        return BRANDS[key]
    except KeyError:
        raise ValueError(f"unknown brand {key!r}; known brands: {', '.join(sorted(BRANDS))}") from None
