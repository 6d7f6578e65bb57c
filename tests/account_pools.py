"""The pool of pre-made accounts a staging operator keeps for the suites, written the way such an
operator would: by reading what the suites ask for that the sign-up screens cannot make (a
balance, the e-mail factor, trading bots) and pre-making a few of each, with fresh addresses and
passwords. ``exchange-e2e serve --account-pool FILE`` makes them; the target's ``account_pool``
names the same file to the suites (fixtures/account_pool.py).

What the suites ask for is read from their ``accounts.create(...)`` calls: literal arguments and
module-level constants are read as written; a factor list the test computes (a parameter) is
taken both with and without the e-mail factor, a balance it computes is passed over.
"""

from __future__ import annotations

import ast
import base64
import json
import secrets
from collections import Counter
from decimal import Decimal
from pathlib import Path

COPIES_PER_CALL = 6  # a call inside a parametrised test runs once per case
UNKNOWN = object()


def _constants(folders: list[Path]) -> dict[str, object]:
    constants = {}
    for path in (p for folder in folders for p in folder.rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    constants[node.targets[0].id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
    return constants


def _value(node: ast.expr | None, constants: dict, default):
    if node is None:
        return default
    if isinstance(node, ast.Name):
        return constants.get(node.id, UNKNOWN)
    try:
        return ast.literal_eval(node)
    except ValueError:
        return UNKNOWN


def asked_for(folders: list[Path]) -> Counter:
    """(e-mail factor, SMS, authenticator, balance, bots, registered_via) -> how many calls ask for it, of what the
    screens cannot make."""
    constants, asks = _constants(folders), Counter()
    for path in (p for folder in folders for p in folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "create"
                    and "accounts" in ast.unparse(node.func.value)):
                continue
            given = {keyword.arg: keyword.value for keyword in node.keywords}
            factors = _value(given.get("factors"), constants, ())
            balance = _value(given.get("balance_usdt"), constants, 0)
            bots = _value(given.get("bots"), constants, ())
            via = _value(given.get("registered_via"), constants, "email")
            if UNKNOWN in (balance, bots, via) or via not in ("email", "phone") or "email" in given:
                continue  # computed, a social identity, or an address of the test's own: no pool entry fits
            email_factor = (True, False) if factors is UNKNOWN else ("email" in factors,)
            # SMS pre-bound where the test names no number of its own: binding it through the screens would
            # sign in first, and that sign-in's e-mail code holds back the test's own for the resend wait
            with_sms = factors is not UNKNOWN and "sms" in factors and "phone" not in given and via == "email"
            # the authenticator pre-bound likewise: binding it spends a 30-second step the test may want
            with_totp = factors is not UNKNOWN and "totp" in factors
            for with_email in email_factor:
                if with_email or with_totp or Decimal(str(balance)) != 0 or bots:
                    asks[(with_email, with_sms, with_totp, str(balance), tuple(bots), via)] += 1
    return asks


def write_pool(path: Path, folders: list[Path], prefix: str) -> int:
    """A pool file for what ``folders`` ask for; how many accounts it holds."""
    lines = []
    for (with_email, with_sms, with_totp, balance, bots, via), calls in sorted(asked_for(folders).items()):
        for _ in range(COPIES_PER_CALL * calls):
            tag = secrets.token_hex(4)
            factors = ["email"] * with_email + ["sms"] * with_sms + ["totp"] * with_totp
            entry = {"email": f"{prefix}.{tag}@example.com", "password": f"Pool-{secrets.token_urlsafe(12)}",
                     "factors": factors, "balance_usdt": balance, "bots": list(bots)}
            if with_sms:
                entry["phone"] = f"+4673{secrets.randbelow(10**7):07d}"
            if with_totp:
                entry["totp_secret"] = base64.b32encode(secrets.token_bytes(10)).decode()  # 16 characters, as Pionex
            if via == "phone":
                entry |= {"registered_via": "phone", "email": entry["email"] if with_email else None,
                          "phone": f"+4673{secrets.randbelow(10**7):07d}"}
            lines.append("[[account]]")
            lines += [f"{key} = {json.dumps(value)}" for key, value in entry.items() if value is not None]
            lines.append("")
    path.write_text("\n".join(lines))
    return lines.count("[[account]]")

