"""What the CoinEx articles promise, each with the line that says so (expectations for tests)."""

OFFICIAL_URL = "https://www.coinex.com"  # seeds/004_70c24985f7ab962c.txt:4
APP_STORE_HOSTS = ("apps.apple.com", "play.google.com")  # seeds/003_8d6db4f448a1df10.txt:16
TOTP_STEP_SECONDS = 30  # RFC 6238 default; seeds/003 line 6 asks for a synchronised clock

# Where the seeds are silent, the project's documented choices (README):
UNFAMILIAR_FAILURE_THRESHOLD = 3  # seeds/003:5 says only "multiple failed login attempts"

# --- mobile reset and change (seeds/004_70c24985f7ab962c.txt) ---
SECURITY_QUESTION_COUNT = 4  # seeds/004:13 "4 questions related to your account information"
SECURITY_QUESTION_ATTEMPTS = 3  # seeds/004:16 "only 3 attempts"
MOBILE_RESET_HOLD_HOURS = 24  # seeds/004:44 "withdrawals will be suspended for 24 hours"
# seeds/004:36 "LIMITED to ... deposits, withdrawals, ... signup or login"
EMAIL_NOTICE_KINDS = ("Deposit notification", "Withdrawal notification", "Successful sign-up notification",
                      "Successful login notification")
FACE_TIPS = ("camera", "well-lit", "face fully visible", "hat, glasses or a mask")  # seeds/004:28-31
SMS_CODE_DIGITS = 6  # seeds/004:58 "the 6-digit [SMS code]"
# Where the seeds are silent, the project's documented choices (README, "CoinEx"):
HIGH_VALUE_USDT = 50_000  # seeds/004:22 "high-value asset account" names no amount
UPLOAD_LIMIT_MB = 5  # seeds/004:35-42 name no size; images only (PNG/JPEG)
UNVERIFIED_WITHDRAWAL_LIMIT_USDT = 1_000  # seeds/003:5 "specific withdrawal limits", no numbers
PRIMARY_VERIFICATION = "Primary verification"  # seeds/004:18 "completed Primary Verification"
