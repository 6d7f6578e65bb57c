"""The numbers the Pionex articles promise, each with the line that says so.

Tests take their expectations from here (the specification), never from the server's
configuration: a server configured with 6 attempts must fail the lockout tests.
"""

LOCKOUT_THRESHOLD = 5  # seeds/000_ae79bc7e235ee3f9.txt:23 "After 5 consecutive failed attempts"
LOCKOUT_MINUTES = 30  # seeds/000_ae79bc7e235ee3f9.txt:23 "locked for 30 minutes"
SERVICE_EMAIL = "service@pionex.com"  # seeds/000_ae79bc7e235ee3f9.txt:19
NO_REPLY_EMAIL = "no-reply@pionex.com"  # seeds/000_ae79bc7e235ee3f9.txt:19
APP_DOWNLOAD_URL = "https://download.pionex.com/?lang=en-US"  # seeds/000_ae79bc7e235ee3f9.txt:26
APPLE_RELAY_DOMAIN = "@privaterelay.appleid.com"  # seeds/000_ae79bc7e235ee3f9.txt:3-4

# Where the seeds are silent, the project's documented choices (README, "Choices where the
# seeds are silent"), which the issue tracker asked for:
CODE_LIFETIME_MINUTES = 10  # e-mail/SMS codes expire after 10 minutes
RESEND_COOLDOWN_SECONDS = 60  # "Resend" is offered after a 60-second countdown
SESSION_IDLE_MINUTES = 60  # a session, a pending verification too, ends after 60 idle minutes (README, NIST 800-63B)
TOTP_STEP_SECONDS = 30  # seeds/001_6856ac0ef7d81c10.txt:67 "giltig inom var 30:e sekund"

# Recovery and security settings
# seeds/001_6856ac0ef7d81c10.txt:18 "uttag ... stängas av i 24 timmar efter en lösenordsåterställning"; :28, :55
WITHDRAWAL_HOLD_HOURS = 24
REUSE_BLOCK_DAYS = 30  # seeds/001_6856ac0ef7d81c10.txt:28 "förbjuden inom 30 dagar"; :55 "avstängd i 30 dagar"
# "exklusive nationella helgdagar" (seeds/001:45) names no country; the README's choice: the
# fixed-date holidays most markets share, as (month, day).
NATIONAL_HOLIDAYS = ((1, 1), (12, 25), (12, 26))
# seeds/000_ae79bc7e235ee3f9.txt:15 "within 3 business days"; seeds/001_6856ac0ef7d81c10.txt:45 "1-3 arbetsdagar"
REVIEW_BUSINESS_DAYS = 3
AUTHENTICATOR_KEY_LENGTH = 16  # seeds/001_6856ac0ef7d81c10.txt:37 "den 16-siffriga nyckeln"
AUTHENTICATOR_ACCOUNT_NAME = "Pionex ({account})"  # seeds/001_6856ac0ef7d81c10.txt:37 "Pionex (ditt Pionex-konto)"
