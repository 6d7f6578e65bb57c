"""What a form field holds, which decides which hostile values it may legitimately accept."""

from enum import Enum


class Kind(str, Enum):
    EMAIL = "email"          # an e-mail address
    PHONE = "phone"          # a phone number
    IDENTIFIER = "identifier"  # an e-mail address or a phone number
    CONTACT = "contact"      # free "how to reach me" text (support forms keep what was typed)
    PASSWORD = "password"    # any text is a valid password attempt
    CODE = "code"            # a 6-digit verification code
    AMOUNT = "amount"        # a positive decimal amount
    ADDRESS = "address"      # a withdrawal address: ASCII letters and digits
    MONTH = "month"          # YYYY-MM
    CHOICE = "choice"        # one of a fixed list (select, checkbox)
    TEXT = "text"            # required free text
    OPTIONAL = "optional"    # optional free text
    STRICT = "strict"        # hidden field the server checks (OIDC parameters, challenge, topic)
    DEFAULTED = "defaulted"  # hidden field an unknown value falls back to a default for (method)
    CSRF = "csrf"            # the CSRF token


# Fields a person never types into: the page sets them, only a hostile client changes them.
HIDDEN_KINDS = frozenset({Kind.CSRF, Kind.STRICT, Kind.DEFAULTED, Kind.CHOICE})
