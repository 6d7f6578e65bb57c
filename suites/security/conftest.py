"""Security checks (seeds/security.toml: OWASP ASVS 5.0, NIST SP 800-63B) run on both brands."""

import pytest

from fixtures import brands
from suites.security.http_client import form_client

__all__ = ["form_client"]


@pytest.fixture(params=brands.NAMES)
def brand(request) -> str:
    return request.param
