# exchange-login-e2e. Two commands do everything, set-up included:
#   make e2e    every suite against the embedded mock exchange, plus the Allure report
#   make test   the project's own tests (mock exchange rules, catalogue gate, harness; Allure for the shard-merge test)
# Extra pytest arguments: make e2e ARGS="-k lockout -n 1"
# Tiers: make e2e TIER=smoke (blocker + critical, once) | regression (every behaviour) | full (default)
# Targets: make e2e TARGET=served (targets/served.toml) or TARGET=path/to/profile.toml; default embedded

SHELL := /bin/bash
# uv from PATH, else the copy pip installs (python3 -m uv works without a PATH entry).
UV = $(shell command -v uv 2>/dev/null || echo python3 -m uv)
export UV_PYTHON_DOWNLOADS ?= never

.PHONY: e2e test lint serve bench flake-check scan report setup setup-python setup-browser setup-report setup-dovecot clean

TIER ?= full
TARGET ?= embedded
e2e: setup
	$(UV) run exchange-e2e run --tier $(TIER) --target $(TARGET) $(ARGS)

test: setup-python setup-browser setup-report setup-dovecot lint
	@set +e; $(UV) run pytest tests $(ARGS); code=$$?; \
	if [ $$code -eq 5 ]; then echo "make test: no tests were collected; that is a failure." >&2; exit 1; fi; \
	exit $$code

# ruff as pyproject.toml configures it (no formatter: the faults mutate exact source text).
lint: setup-python
	$(UV) run ruff check .

serve: setup-python
	$(UV) run exchange-e2e serve $(ARGS)

# Speed: the floor, per-test cost, -n 1 against -n 2 and server times (test-results/bench/).
bench: setup
	$(UV) run exchange-e2e bench $(ARGS)

# The suites RUNS times in random order at -n 2; every failure listed with its seed.
# LOAD=2 keeps two busy loops running meanwhile (a shared, busy CI runner).
RUNS ?= 10
LOAD ?= 0
flake-check: setup
	$(UV) run exchange-e2e flake-check --runs $(RUNS) --load $(LOAD) $(ARGS)

# sqlmap and wapiti against both brands (Debian packages, installed when root): bounded, loopback
# only; fails on a finding seeds/scan-allow-list.toml does not explain, or on any 5xx / traceback.
scan: setup-python
	$(UV) run exchange-e2e scan

# One report from several results folders (CI shards): make report ARGS="shard-1/ shard-2/"
report: setup-python setup-report
	$(UV) run exchange-e2e report $(ARGS)

setup: setup-python setup-browser setup-report

setup-python:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
	  { echo "Installing uv with pip..."; python3 -m pip install --quiet uv; }
	$(UV) sync --frozen

setup-browser: setup-python
	$(UV) run python -m fixtures.browser ensure

# npm: Allure 3 for the report, MailDev for the mail-source tests (package.json pins both).
setup-report:
	@if [ -x node_modules/.bin/allure ] && [ -x node_modules/.bin/maildev ] && \
	  [ node_modules/.package-lock.json -nt package-lock.json ]; then \
	  echo "Allure, MailDev: node_modules is up to date"; \
	else npm ci --no-audit --no-fund; fi

# Dovecot (IMAP + LMTP, Debian's packages) for the IMAP tests of tests/test_mail_sources.py: installed
# with apt when root; elsewhere named, and those tests fail saying how to install it.
setup-dovecot: setup-python
	-@$(UV) run python -m tests.mail_servers ensure-dovecot

clean:
	rm -rf allure-results allure-report test-results .e2e-serve
