"""Security checks (seeds/security.toml: OWASP ASVS 5.0, NIST SP 800-63B) run on both brands."""

import pytest

from suites.security.http_client import form_client

__all__ = ["form_client"]


@pytest.fixture(params=["pionex", "coinex"])
def brand(request) -> str:
    return request.param
