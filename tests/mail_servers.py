"""Real mail servers for the mail-source tests, on free loopback ports: MailDev (npm, from
node_modules) and Dovecot (Debian's dovecot-imapd and dovecot-lmtpd, a config of its own in a
temporary folder, run as an unprivileged user), plus the SMTP hop in front of Dovecot's LMTP.

    process, smtp_port, api_url = start_maildev(tmp_path)   # mail_url = api_url; stop(process)
    dovecot = start_dovecot()                                # dovecot.stop()
    relay = LmtpRelay(dovecot.lmtp_port).start()             # the exchange sends SMTP to relay.port

``python -m tests.mail_servers ensure-dovecot`` installs Dovecot with apt when root (make setup-dovecot).
"""

from __future__ import annotations

import asyncio
import grp
import os
import pwd
import secrets
import shutil
import smtplib
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller

from fixtures.catalogue import PROJECT_ROOT
from fixtures.processes import start
from tests.processes import free_port, stop, wait_until_listening

MAILDEV = PROJECT_ROOT / "node_modules" / ".bin" / "maildev"
DOVECOT_PACKAGES = ("dovecot-imapd", "dovecot-lmtpd")
UNPRIVILEGED = ("nobody", "nogroup")  # who Dovecot runs as when the tests run as root


def start_maildev(folder: Path) -> tuple[subprocess.Popen, int, str]:
    """MailDev (package.json pins it) listening on 127.0.0.1 only, its messages kept in ``folder``:
    (process, SMTP port, the web and REST API address: a profile's ``mail_url``). Stop it with
    ``tests.processes.stop(process)``."""
    if not MAILDEV.exists():
        raise AssertionError(f"{MAILDEV} is missing: run `make setup-report` (npm ci installs the pinned maildev)")
    smtp_port, web_port = free_port(), free_port()
    (folder / "maildev-mail").mkdir(parents=True, exist_ok=True)
    log = folder / "maildev.log"
    with open(log, "w") as handle:
        process = start([str(MAILDEV), "--smtp", str(smtp_port), "--web", str(web_port), "--ip", "127.0.0.1",
                         "--mail-directory", str(folder / "maildev-mail")],
                        cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(process, smtp_port, log)
        wait_until_listening(process, web_port, log)
    except AssertionError:
        stop(process)
        raise
    return process, smtp_port, f"http://127.0.0.1:{web_port}"


@dataclass
class Dovecot:
    """A running Dovecot: IMAP and LMTP on loopback, one mailbox (``user``) that every address is delivered to."""

    process: subprocess.Popen
    folder: Path
    imap_port: int
    lmtp_port: int
    user: str = "qa@example.test"
    password: str = field(default="", repr=False)

    @property
    def log(self) -> str:
        path = self.folder / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)


DOVECOT_CONF = """\
protocols = imap lmtp
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
first_valid_uid = {uid}
# one maildir for every address: the QA team's catch-all box
mail_location = maildir:{folder}/mail
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = static
  args = allow_all_users=yes uid={user} gid={group} home={folder}/home
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp_port}
  }}
}}
service anvil {{
  chroot =
}}
"""


def dovecot_binary() -> str:
    found = shutil.which("dovecot") or next((p for p in ("/usr/sbin/dovecot",) if os.path.exists(p)), None)
    if found is None:
        raise AssertionError("Dovecot is not installed: run `make setup-dovecot` as root (or sudo apt-get install "
                             f"{' '.join(DOVECOT_PACKAGES)})")
    return found


def start_dovecot() -> Dovecot:
    """Dovecot with a config written to a temporary folder (not pytest's tmp_path: that is private to
    root, and Dovecot runs as nobody when the tests run as root, else as the current user)."""
    binary = dovecot_binary()
    root = os.geteuid() == 0
    user, group = UNPRIVILEGED if root else (pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name)
    folder = Path(tempfile.mkdtemp(prefix="e2e-dovecot-"))
    imap_port, lmtp_port = free_port(), free_port()
    password = secrets.token_urlsafe(12)
    for sub in ("run", "state", "mail", "home"):
        (folder / sub).mkdir()
    (folder / "dovecot.conf").write_text(DOVECOT_CONF.format(folder=folder, user=user, group=group,
                                                             uid=pwd.getpwnam(user).pw_uid, imap_port=imap_port,
                                                             lmtp_port=lmtp_port))
    (folder / "users").write_text(f"{Dovecot.user}:{{PLAIN}}{password}\n")
    owner = {"user": user, "group": group, "extra_groups": []} if root else {}
    if root:
        for path in (folder, *folder.rglob("*")):
            shutil.chown(path, user, group)
    output = folder / "dovecot.out"
    with open(output, "w") as handle:
        process = start([binary, "-F", "-c", str(folder / "dovecot.conf")], cwd=folder, stdout=handle,
                        stderr=subprocess.STDOUT, **owner)
    dovecot = Dovecot(process, folder, imap_port, lmtp_port, password=password)
    try:
        wait_until_listening(process, imap_port, output)
        wait_until_listening(process, lmtp_port, output)
    except AssertionError as error:
        log = dovecot.log
        dovecot.stop()
        raise AssertionError(f"{error}\n{log[-2000:]}") from None
    return dovecot


class _ToLmtp:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd hook
        try:
            refused = await asyncio.get_running_loop().run_in_executor(None, self._deliver, envelope)
        except (OSError, smtplib.SMTPException) as error:
            return f"451 4.4.0 LMTP delivery failed: {error}"
        return f"451 4.4.0 LMTP refused {sorted(refused)}" if refused else "250 2.0.0 Delivered by LMTP"

    def _deliver(self, envelope) -> dict:
        with smtplib.LMTP(self.host, self.port, timeout=10) as lmtp:
            return lmtp.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)


class LmtpRelay:
    """An SMTP server that hands every message to an LMTP server, as an MTA's last hop to Dovecot does."""

    def __init__(self, lmtp_port: int, lmtp_host: str = "127.0.0.1") -> None:
        self.port = free_port()
        self._controller = Controller(_ToLmtp(lmtp_host, lmtp_port), hostname="127.0.0.1", port=self.port)

    def start(self) -> "LmtpRelay":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


def ensure_dovecot() -> int:
    """Dovecot from Debian's packages; installed with apt when root, else named (the shape of
    fixtures/scanners.py's ensure_tools). Returns 0 when Dovecot is there afterwards."""
    if shutil.which("dovecot") or os.path.exists("/usr/sbin/dovecot"):
        print("Dovecot: installed")
        return 0
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(f"Dovecot not found, and not installable here (not root, or no apt-get): the IMAP tests in "
              f"tests/test_mail_sources.py will fail; sudo apt-get install {' '.join(DOVECOT_PACKAGES)}",
              file=sys.stderr)
        return 1
    print(f"Installing Debian's {' '.join(DOVECOT_PACKAGES)} (apt-get install)...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *DOVECOT_PACKAGES], check=True,
                       env=env, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as error:
        print(f"Installing Dovecot failed ({error}); the IMAP tests will fail until it is installed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["ensure-dovecot"]:
        sys.exit("usage: python -m tests.mail_servers ensure-dovecot")
    sys.exit(ensure_dovecot())
