"""Target profiles (fixtures/targets.py): a bad profile stops the run naming the key and the fix;
a test's needs follow from its fixtures; a target without a capability skips exactly the tests
that need it, with the reason, and the run ends with the behaviours it could check."""

import json
import subprocess
import sys

import pytest

from fixtures import runnable, targets
from fixtures.catalogue import PROJECT_ROOT, load_catalogue
from fixtures.outcomes import read
from fixtures.sms_gateway import SmsGateway
from tests.processes import closure_dump_environ, environ_without_overrides, free_port

STAGING = 'name = "staging"\nbrand = "pionex"\nbase_url = "{url}"\nmail = "catcher_http"\nmail_url = "{url}/mail"\n'
REMOTE = 'name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\n'
IMAP = REMOTE + 'mail = "imap"\nimap_host = "127.0.0.1"\nimap_port = 143\nimap_user = "qa@example.test"\n'


def profile(tmp_path, text: str):
    path = tmp_path / "profile.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "environ", "fragments"),
    [
        ('name = "x"\ncolour = "red"\n', {}, ["unknown key 'colour'", "the keys a profile can hold", "clock"]),
        ('name = "x"\nclock = "sundial"\n', {}, ["clock = 'sundial'", "test_api, none"]),
        ('name = "x"\nmaintenance_switch = "yes"\n', {}, ["maintenance_switch", "write true or false"]),
        ('name = "x"\n', {"EXCHANGE_E2E_PRODUCTION_SAFE": "maybe"}, ["EXCHANGE_E2E_PRODUCTION_SAFE", "true or false"]),
        ('name = "x"\nbrand = "binance"\n', {}, ["brand = 'binance'", "pionex, coinex"]),
        ('brand = "pionex"\n', {}, ["no name", 'add name = "..."']),
        ('name = "x"\nbase_url = "http://127.0.0.1:9"\nmail = "none"\n', {}, ["one brand", 'add brand = "pionex"']),
        ('name = "x"\nbase_url = "localhost:8000"\nbrand = "pionex"\n', {}, ["base_url", "http(s)://host[:port]"]),
        ('name = "x"\nbase_url = "http://127.0.0.1:9"\nbrand = "pionex"\n', {},
         ["mail = 'embedded' is the embedded mock's own", "catcher_http"]),
        ('name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\nmail = "catcher_http"\n', {},
         ["needs mail_url", "EXCHANGE_E2E_MAIL_URL"]),
        ('name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\nmail = "none"\nback_office = "agent"\n'
         'agent_email = "a@b.example"\n', {},
         ["needs agent_password", "set EXCHANGE_E2E_AGENT_PASSWORD"]),
        ('name = "x"\nagent_password = "hunter2"\n', {},
         ["'agent_password' is a secret", "EXCHANGE_E2E_AGENT_PASSWORD"]),
        ('name = "x\n', {}, ["not valid TOML", "line 1"]),
        ('name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\nmail = "none"\nsms = "gateway_http"\n', {},
         ["needs sms_url", "EXCHANGE_E2E_SMS_URL"]),
        ('name = "x"\nsms = "gateway_http"\nsms_url = "http://127.0.0.1:9/messages"\n', {},
         ["sms = 'gateway_http' reads a deployment of your own", "sms = 'test_api'"]),
        ('name = "x"\nbrand = "pionex"\nbase_url = "http://127.0.0.1:9"\nmail = "catcher_http"\nmail_url = "mail"\n',
         {}, ["mail_url = 'mail'", "http(s)://host"]),
        ('name = "x"\nprovisioning = "screens"\nmail = "none"\n', {}, ["reads the e-mail code", "catcher_http"]),
        (REMOTE + 'mail = "maildev"\n', {}, ["mail = 'maildev' needs mail_url", "EXCHANGE_E2E_MAIL_URL"]),
        ('name = "x"\nmail = "maildev"\nmail_url = "http://127.0.0.1:1080"\n', {},
         ["mail = 'maildev' reads a deployment of your own", "mail = 'embedded'"]),
        (REMOTE + 'mail = "imap"\n', {}, ["mail = 'imap' needs imap_host", "EXCHANGE_E2E_IMAP_HOST"]),
        (REMOTE + 'mail = "imap"\nimap_host = "127.0.0.1"\nimap_port = 993\n', {},
         ["mail = 'imap' needs imap_user", "EXCHANGE_E2E_IMAP_USER"]),
        (IMAP, {}, ["mail = 'imap' needs imap_password", "set EXCHANGE_E2E_IMAP_PASSWORD"]),
        (IMAP + 'imap_password = "hunter2"\n', {}, ["'imap_password' is a secret", "EXCHANGE_E2E_IMAP_PASSWORD"]),
        (IMAP.replace("imap_port = 143", 'imap_port = "143"'), {"EXCHANGE_E2E_IMAP_PASSWORD": "x"},
         ["imap_port = '143'", "write the port as a number"]),
        (IMAP, {"EXCHANGE_E2E_IMAP_PORT": "imaps", "EXCHANGE_E2E_IMAP_PASSWORD": "x"},
         ["EXCHANGE_E2E_IMAP_PORT='imaps'", "give the port as a number"]),
        (IMAP + 'imap_ssl = "no"\n', {"EXCHANGE_E2E_IMAP_PASSWORD": "x"}, ["imap_ssl = 'no'", "write true or false"]),
        ('name = "x"\nmail = "imap"\n', {}, ["mail = 'imap' reads a deployment of your own"]),
    ],
    ids=["unknown-key", "bad-choice", "switch-not-bool", "bad-switch-override", "wrong-brand", "no-name",
         "base-url-without-brand", "base-url-not-a-url", "embedded-mail-elsewhere", "missing-mail-url",
         "missing-secret", "secret-in-file", "bad-toml", "missing-sms-url", "gateway-on-embedded", "mail-url-not-a-url",
         "screens-without-mail", "maildev-without-mail-url", "maildev-on-embedded", "imap-without-host",
         "imap-without-user", "imap-without-password", "imap-password-in-file", "imap-port-in-quotes",
         "bad-imap-port-override", "imap-ssl-not-bool", "imap-on-embedded"],
)
def test_a_bad_profile_names_the_key_and_the_fix(tmp_path, text, environ, fragments):
    with pytest.raises(targets.TargetError) as error:
        targets.load(str(profile(tmp_path, text)), environ, reach=False)
    for fragment in fragments:
        assert fragment in str(error.value)


def test_an_unreachable_deployment_stops_the_run_naming_the_url(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(targets.TargetError) as error:
        targets.load(str(profile(tmp_path, STAGING.format(url=url))), {})
    assert f"base_url = {url} cannot be reached" in str(error.value)
    assert "EXCHANGE_E2E_BASE_URL" in str(error.value)


def test_an_unreachable_imap_host_stops_the_run_like_an_unreachable_url(tmp_path):
    gateway = SmsGateway().start()  # any server that answers HTTP, for base_url
    port = free_port()  # nothing listens there
    try:
        path = profile(tmp_path, IMAP.replace("http://127.0.0.1:9", gateway.url).replace("143", str(port)) +
                       "imap_ssl = false\n")
        with pytest.raises(targets.TargetError) as error:
            targets.load(str(path), {"EXCHANGE_E2E_IMAP_PASSWORD": "x"})
    finally:
        gateway.stop()
    assert f"imap_host = 127.0.0.1 cannot be reached at imap_port = {port} without TLS" in str(error.value)
    assert "EXCHANGE_E2E_IMAP_HOST" in str(error.value) and "ConnectionRefusedError" in str(error.value)


def test_an_imap_profile_takes_its_password_and_any_setting_from_the_environment(tmp_path):
    loaded = targets.load(str(profile(tmp_path, IMAP)), {"EXCHANGE_E2E_IMAP_PASSWORD": "hunter2",
                                                         "EXCHANGE_E2E_IMAP_PORT": "1143"}, reach=False)
    assert (loaded.mail, loaded.imap_host, loaded.imap_port, loaded.imap_user) == (
        "imap", "127.0.0.1", 1143, "qa@example.test")
    assert loaded.imap_ssl and loaded.imap_password == "hunter2" and "hunter2" not in repr(loaded)


def test_a_folder_or_a_bad_host_is_a_profile_error_not_a_traceback(tmp_path):
    with pytest.raises(targets.TargetError, match="cannot read"):
        targets.load(str(tmp_path / "folder.toml").replace("folder.toml", ""), {}, reach=False)
    (tmp_path / "bad-port.toml").write_text(STAGING.format(url="http://localhost:80a"))
    with pytest.raises(targets.TargetError, match="cannot be reached"):
        targets.load(str(tmp_path / "bad-port.toml"), {})


def test_an_unknown_profile_name_lists_the_known_ones():
    with pytest.raises(targets.TargetError) as error:
        targets.load("no-such-deployment", {}, reach=False)
    assert "embedded" in str(error.value) and "staging-example" in str(error.value)


def test_every_checked_in_profile_loads(monkeypatch):
    environ = {"EXCHANGE_E2E_AGENT_PASSWORD": "from-the-environment"}
    loaded = {path.stem: targets.load(path.stem, environ, reach=False) for path in targets.TARGETS_DIR.glob("*.toml")}
    assert set(loaded) >= {"embedded", "served", "staging-example"}
    assert loaded["embedded"].embedded and loaded["embedded"].offers("clock")
    staging = loaded["staging-example"]
    assert not staging.offers("clock") and staging.agent_password == "from-the-environment"


def test_environment_overrides_any_key(tmp_path):
    path = profile(tmp_path, STAGING.format(url="http://127.0.0.1:9"))
    overridden = targets.load(str(path), {"EXCHANGE_E2E_BASE_URL": "http://127.0.0.1:8/", "EXCHANGE_E2E_CLOCK": "none",
                                          "EXCHANGE_E2E_MAINTENANCE_SWITCH": "false"}, reach=False)
    assert overridden.base_url == "http://127.0.0.1:8"
    assert overridden.test_api_url == "http://127.0.0.1:8"  # the test API beside the screens, unless moved
    assert not overridden.offers("clock") and not overridden.offers("maintenance_switch")
    assert overridden.lacks({"clock", "mail", "embedded"}) == ["clock", "embedded"]


def test_the_skip_reason_names_the_need_the_target_and_the_file():
    target = targets.load("staging-example", {"EXCHANGE_E2E_AGENT_PASSWORD": "x"}, reach=False)
    assert target.reason(["clock"]) == ("needs clock control; target staging-pionex has none "
                                        "(clock in targets/staging-example.toml)")


def test_a_bad_target_stops_exchange_e2e_run_before_anything_starts(tmp_path):
    earlier = PROJECT_ROOT / "allure-results" / f"earlier-run-{tmp_path.name}.json"  # what a run would remove first
    earlier.parent.mkdir(exist_ok=True)
    earlier.write_text("{}")
    try:
        run = subprocess.run([sys.executable, "-m", "fixtures.cli", "run", "--target", str(tmp_path / "missing.toml")],
                             cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
        assert run.returncode == 2
        assert "no profile at" in run.stderr and "embedded" in run.stderr
        assert earlier.exists(), "the run removed the last results before checking its target"
    finally:
        earlier.unlink(missing_ok=True)


def test_the_table_counts_behaviours_that_ran_and_groups_the_rest_by_reason():
    reason = "needs clock control; target t has none (clock in t.toml)"
    results = {
        "a": {"outcome": "passed", "behaviours": ["PX-LOCK-04"]},
        "b": {"outcome": "skipped", "behaviours": ["PX-LOCK-04", "PX-LOCK-01"], "reason": reason},
        "c": {"outcome": "skipped", "behaviours": ["PX-LOCK-02"], "reason": reason},
        "d": {"outcome": "failed", "behaviours": ["PX-LOCK-05"]},
        "e": {"outcome": "skipped", "behaviours": ["PX-LOCK-06"], "reason": "tier smoke"},  # not the target's lack
    }
    measured = runnable.measure(results)
    assert measured.ran == {"PX-LOCK-04", "PX-LOCK-05"}
    assert measured.not_runnable == {"PX-LOCK-01": {reason}, "PX-LOCK-02": {reason}}
    target = targets.Target(name="t", source="t.toml", clock="none")
    lines = runnable.table(target, results).splitlines()
    assert measured.catalogue == len(load_catalogue())  # no brand: the whole catalogue
    assert lines[0].startswith(f"target t: 2 of {measured.catalogue} catalogue behaviours (pionex + coinex) ran")
    assert lines[1].strip() == f"2 {reason}: PX-LOCK-01, PX-LOCK-02"


def test_a_target_without_a_clock_skips_exactly_the_tests_that_move_it(tmp_path):
    """The oracle is the fixture closure pytest itself computes, dumped by a plugin of this test's own."""
    environ = closure_dump_environ(tmp_path, EXCHANGE_E2E_CLOCK="none")
    suite, results = "suites/pionex/lockout", tmp_path / "results.json"
    subprocess.run([sys.executable, "-m", "pytest", suite, "--collect-only", "-q", "-p", "closure_dump",
                    "-p", "no:cacheprovider"], cwd=PROJECT_ROOT, env=environ, check=True, capture_output=True)
    closure = json.loads((tmp_path / "closure.json").read_text())
    run = subprocess.run([sys.executable, "-m", "pytest", suite, "-n", "0", "-q", "-p", "no:cacheprovider",
                          "-p", "no:randomly", f"--results-json={results}", f"--basetemp={tmp_path / 'run'}"],
                         cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:]
    outcomes = read(results)
    moves_the_clock = {nodeid for nodeid, names in closure.items() if "time_travel" in names}
    skipped = {nodeid for nodeid, entry in outcomes.items() if entry["outcome"] == "skipped"}
    assert moves_the_clock and skipped == moves_the_clock
    assert set(outcomes) - skipped and {outcomes[n]["outcome"] for n in set(outcomes) - skipped} == {"passed"}
    assert {outcomes[n]["reason"] for n in skipped} == {
        "needs clock control; target embedded has none (clock from EXCHANGE_E2E_CLOCK)"}
    assert f"of {len(load_catalogue())} catalogue behaviours (pionex + coinex) ran" in run.stdout
    assert "needs clock control" in run.stdout


def test_a_production_safe_target_takes_no_hostile_input():
    production = targets.Target(name="prod", source="prod.toml", production_safe=True)
    assert production.lacks({"hostile_input", "mail"}) == ["hostile_input"]
    assert production.reason(["hostile_input"]) == ("needs a deployment that may take hostile and generated input; "
                                                    "target prod has none (production_safe in prod.toml)")


def test_the_robustness_suites_skip_on_a_production_safe_target(tmp_path):
    results = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "-m", "pytest", "suites/robustness/api_schema", "-n", "0", "-q",
                          "-p", "no:cacheprovider", f"--results-json={results}"], cwd=PROJECT_ROOT,
                         env=environ_without_overrides(EXCHANGE_E2E_PRODUCTION_SAFE="true"), capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]
    outcomes = read(results)
    assert len(outcomes) > 40 and {entry["outcome"] for entry in outcomes.values()} == {"skipped"}
    assert {entry["reason"] for entry in outcomes.values()} == {
        "needs a deployment that may take hostile and generated input; target embedded has none "
        "(production_safe from EXCHANGE_E2E_PRODUCTION_SAFE)"}


def test_the_reports_environment_names_the_target_and_what_ran_on_it(tmp_path):
    from fixtures import cli

    target = targets.load("staging-example", {"EXCHANGE_E2E_AGENT_PASSWORD": "x"}, reach=False)
    results = {"a": {"outcome": "passed", "behaviours": ["PX-LOCK-04"]},
               "b": {"outcome": "skipped", "behaviours": ["PX-LOCK-01"], "reason": target.reason(["clock"])}}
    cli.write_environment(tmp_path, target, "full", "", runnable.table(target, results).splitlines()[0])
    facts = dict(line.split("=", 1) for line in (tmp_path / "environment.properties").read_text().splitlines())
    assert facts["brands"] == "Pionex"
    assert facts["target"].startswith("staging-pionex (https://staging.pionex.example;")
    assert "clock none" in facts["target"]
    pionex_and_both = sum(b.brand in ("pionex", "both") for b in load_catalogue().values())
    assert facts["runnable"].startswith(f"target staging-pionex: 1 of {pionex_and_both} catalogue behaviours "
                                        "(pionex + both) ran")
    assert facts["runnable"].endswith("1 not runnable on this target")


def test_a_behaviour_is_explained_by_its_own_brands_skip_not_the_other_brands():
    target = targets.Target(name="p", source="p.toml", brand="pionex", base_url="http://x", mail="none",
                            provisioning="none")
    lack = target.reason(["provisioning"])
    results = {"t[pionex]": {"outcome": "skipped", "behaviours": ["SEC-CSRF-01"], "reason": lack},
               "t[coinex]": {"outcome": "skipped", "behaviours": ["SEC-CSRF-01"],
                             "reason": "needs a coinex deployment; target p serves pionex"}}
    assert runnable.table(target, results).splitlines()[1].strip() == f"1 {lack}: SEC-CSRF-01"


NEEDS_PROBE = '''
import pytest

@pytest.mark.needs("clock")
def test_moves_the_clock_without_a_fixture_showing_it():
    assert True

@pytest.mark.needs({need!r})
def test_other():
    assert True
'''


def _run_probe(tmp_path, need: str):
    (tmp_path / "test_probe.py").write_text(NEEDS_PROBE.format(need=need))
    return subprocess.run([sys.executable, "-m", "pytest", str(tmp_path / "test_probe.py"), "-p", "fixtures.plugin",
                           "-p", "no:cacheprovider", "-q", "-rs", f"--rootdir={tmp_path}"], cwd=PROJECT_ROOT,
                          env=environ_without_overrides(EXCHANGE_E2E_CLOCK="none"), capture_output=True, text=True,
                          timeout=120)


def test_the_needs_marker_skips_what_the_target_lacks_and_refuses_an_unknown_need(tmp_path):
    declared = _run_probe(tmp_path, "mail")
    assert declared.returncode == 0, declared.stdout[-2000:]
    assert "1 passed, 1 skipped" in declared.stdout
    assert "needs clock control; target embedded has none (clock from EXCHANGE_E2E_CLOCK)" in declared.stdout
    unknown = _run_probe(tmp_path, "sundial")
    assert unknown.returncode != 0 and "names ['sundial']" in unknown.stdout + unknown.stderr
