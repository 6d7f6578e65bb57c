"""The numbers the Pionex articles promise, each with the line that says so.

Tests take their expectations from here (the specification), never from the server's
configuration: a server configured with 6 attempts must fail the lockout tests.
"""

LOCKOUT_THRESHOLD = 5  # seeds/000_ae79bc7e235ee3f9.txt:23 "After 5 consecutive failed attempts"
LOCKOUT_MINUTES = 30  # seeds/000_ae79bc7e235ee3f9.txt:23 "locked for 30 minutes"
SERVICE_EMAIL = "service@pionex.com"  # seeds/000_ae79bc7e235ee3f9.txt:19
NO_REPLY_EMAIL = "no-reply@pionex.com"  # seeds/000_ae79bc7e235ee3f9.txt:19
