"""The pool of pre-made accounts (fixtures/account_pool.py): which entry serves which request, one
claim per entry shared by every worker, a bad pool file stopped naming the entry and the fix, and
`exchange-e2e serve --account-pool` making the accounts a staging operator listed."""

import subprocess
import sys
import threading
from decimal import Decimal

import pytest

from fixtures import targets
from fixtures.account_pool import AccountPool, PoolEntry, PoolFileError, read_pool
from fixtures.catalogue import PROJECT_ROOT
from fixtures.processes import start
from pages.screen_forms import ScreenForms
from tests.account_pools import asked_for, write_pool
from tests.processes import free_port, stop, wait_until_listening

ASK = dict(factors=(), balance_usdt=0, email="generate", phone=None, registered_via="email", bots=())
FUNDED = PoolEntry(email="funded@example.com", phone=None, password="pw-123456", balance_usdt=Decimal("500"))
EMAIL_2FA = PoolEntry(email="mailed@example.com", phone=None, password="pw-123456", factors=frozenset({"email"}))


@pytest.mark.parametrize(("entry", "ask", "fits"), [
    (FUNDED, {"balance_usdt": 500}, True),
    (FUNDED, {"balance_usdt": "500.00"}, True),
    (FUNDED, {"balance_usdt": 100}, False),  # a balance is never approximated: the tests read it to the cent
    (FUNDED, {"balance_usdt": 500, "factors": ("sms", "totp")}, True),  # the screens bind these on top
    (FUNDED, {"balance_usdt": 500, "factors": ("email",)}, False),  # the e-mail factor only comes pre-made
    (FUNDED, {"balance_usdt": 500, "bots": ("BTC grid bot",)}, False),
    (FUNDED, {"balance_usdt": 500, "email": "own@example.com"}, False),  # a test's own address is that address
    (FUNDED, {"balance_usdt": 500, "registered_via": "phone"}, False),
    (EMAIL_2FA, {"factors": ("email",)}, True),
    (EMAIL_2FA, {"factors": ()}, False),  # more than was asked is not what was asked
])
def test_an_entry_serves_exactly_what_a_test_asks_for(entry, ask, fits):
    assert entry.fits(**{**ASK, **ask}) is fits


def _pool_file(tmp_path, entries: str):
    path = tmp_path / "pool.toml"
    path.write_text(entries)
    return path


def test_each_entry_is_handed_out_once_across_workers_and_runs(tmp_path):
    path = _pool_file(tmp_path, "".join(f'[[account]]\nemail = "a{n}@example.com"\npassword = "pw-123456"\n'
                                        'balance_usdt = "10"\n' for n in range(20)))
    claims = tmp_path / "claims"
    taken: list[str] = []

    def worker():
        pool = AccountPool(path, claims)  # each worker reads the file for itself
        while (entry := pool.take(**{**ASK, "balance_usdt": 10})) is not None:
            taken.append(entry.key)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == sorted(f"a{n}@example.com" for n in range(20))  # each once, none lost
    assert AccountPool(path, claims).take(**{**ASK, "balance_usdt": 10}) is None  # the next run finds them claimed
    assert AccountPool(path, claims).unclaimed() == 0


def test_the_entry_with_the_least_left_to_bind_is_taken_first(tmp_path):
    path = _pool_file(tmp_path, '[[account]]\nemail = "bare@example.com"\npassword = "pw-123456"\n'
                                '[[account]]\nemail = "ready@example.com"\npassword = "pw-123456"\n'
                                'factors = ["totp"]\ntotp_secret = "JBSWY3DPEHPK3PXP"\n')
    pool = AccountPool(path, tmp_path / "claims")
    assert pool.take(**{**ASK, "factors": ("totp",)}).key == "ready@example.com"  # no code spent on binding


@pytest.mark.parametrize(("text", "fragment"), [
    ('[[account]]\nemail = "a@example.com"\n', "give password"),
    ('[[account]]\npassword = "pw-123456"\n', "give password and email (or phone)"),
    ('[[account]]\nemail = "a@example.com"\npassword = "x1234567"\ncolour = "red"\n', "unknown key(s) ['colour']"),
    ('[[account]]\nemail = "a@example.com"\npassword = "x1234567"\nfactors = ["totp"]\n', "needs totp_secret"),
    ('[[account]]\nemail = "a@example.com"\npassword = "x1234567"\nfactors = ["sms"]\n', "needs the phone"),
    ('[[account]]\nemail = "a@example.com"\npassword = "x1234567"\nfactors = ["fax"]\n', "factors are among"),
    ('[[account]]\nemail = "a@example.com"\npassword = "x1234567"\nbalance_usdt = "lots"\n', "is not a number"),
    ('', "no [[account]] tables"),
    ('[[account]\n', "cannot read it"),
])
def test_a_bad_pool_file_names_the_entry_and_the_fix(tmp_path, text, fragment):
    with pytest.raises(PoolFileError, match="account_pool") as refused:
        read_pool(_pool_file(tmp_path, text))
    assert fragment in str(refused.value)


def test_a_profile_with_a_bad_or_missing_pool_stops_the_run(tmp_path):
    base = ('name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\nmail = "catcher_http"\n'
            'mail_url = "http://127.0.0.1:9/m"\n')
    (tmp_path / "a.toml").write_text(base + 'provisioning = "pool"\n')
    with pytest.raises(targets.TargetError, match="provisioning = 'pool' needs account_pool"):
        targets.load(str(tmp_path / "a.toml"), {}, reach=False)
    (tmp_path / "b.toml").write_text(base + f'provisioning = "pool"\naccount_pool = "{tmp_path / "nowhere.toml"}"\n')
    with pytest.raises(targets.TargetError, match="cannot read it"):
        targets.load(str(tmp_path / "b.toml"), {}, reach=False)
    (tmp_path / "c.toml").write_text(base + f'provisioning = "test_api"\naccount_pool = "{tmp_path / "p.toml"}"\n')
    with pytest.raises(targets.TargetError, match="account_pool serves provisioning"):
        targets.load(str(tmp_path / "c.toml"), {}, reach=False)


def test_the_operators_pool_covers_what_the_suites_ask_the_screens_cannot_make(tmp_path):
    asks = asked_for([PROJECT_ROOT / "suites" / "pionex"])
    assert any(balance != "0" for (_, _, _, balance, _, _) in asks), "no funded account asked for"
    assert any(with_email for (with_email, *_rest) in asks), "no account with the e-mail factor asked for"
    made = write_pool(tmp_path / "pool.toml", [PROJECT_ROOT / "suites" / "pionex"], prefix="qa-pool-t")
    assert len(read_pool(tmp_path / "pool.toml")) == made


def test_serve_makes_the_pool_accounts_and_they_sign_in(tmp_path):
    path = _pool_file(tmp_path, '[[account]]\nemail = "qa-pool-1@example.com"\npassword = "Pool-secret-1"\n'
                                'factors = ["totp"]\ntotp_secret = "JBSWY3DPEHPK3PXP"\nbalance_usdt = "42"\n')
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as handle:
        serve = start([sys.executable, "-m", "fixtures.cli", "serve", "--brand", "pionex", "--no-test-api",
                       "--port", str(port), "--smtp-port", str(free_port()), "--mail-port", str(free_port()),
                       "--sms-port", str(free_port()), "--data-dir", str(tmp_path / "data"),
                       "--account-pool", str(path)],
                      cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(serve, port, log)
        forms = ScreenForms(f"http://localhost:{port}")
        assert forms.login("qa-pool-1@example.com", "Pool-secret-1").asks_for_code  # the pre-bound authenticator
        assert not ScreenForms(f"http://localhost:{port}").login("qa-pool-1@example.com", "wrong-pass").asks_for_code
    finally:
        stop(serve)
    assert "Account pool: 1 of 1 pre-made accounts made" in log.read_text()


def test_serve_refuses_a_bad_pool_file_with_the_reason(tmp_path):
    path = _pool_file(tmp_path, '[[account]]\nemail = "a@example.com"\n')
    done = subprocess.run([sys.executable, "-m", "fixtures.cli", "serve", "--no-test-api", "--port", str(free_port()),
                           "--data-dir", str(tmp_path / "data"), "--account-pool", str(path),
                           "--smtp-port", str(free_port()), "--mail-port", str(free_port()),
                           "--sms-port", str(free_port())],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "give password" in done.stderr and "Traceback" not in done.stderr
