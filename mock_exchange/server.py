"""Run one brand's mock exchange with uvicorn: ``python -m mock_exchange.server --brand pionex``."""

from __future__ import annotations

import argparse
import logging
import socket
import sys

import uvicorn

from .app import create_app
from .brands import BRANDS
from .timings import RequestTimings

# Idle connections stay open this long. uvicorn's default (5 s) equals httpx's keep-alive expiry,
# so a client could reuse a connection at the instant the server closed it ("Server
# disconnected without sending a response"); the harness's clients also expire theirs at 2 s.
KEEP_ALIVE_SECONDS = 60


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--brand", choices=sorted(BRANDS), default="pionex")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--fd", type=int, default=None, help="serve on an inherited, already listening socket")
    parser.add_argument("--database", required=True, help="SQLite file for this server")
    parser.add_argument("--smtp-host", default="127.0.0.1")
    parser.add_argument("--smtp-port", type=int, default=None)
    parser.add_argument("--test-mode", action="store_true", help="mount the loopback-only test API")
    parser.add_argument("--public-origin", default=None,
                        help="the origin users reach the site at, e.g. http://localhost:8000 "
                             "(passkeys are bound to it)")
    parser.add_argument("--sms-provider-url", default=None,
                        help="post each SMS as JSON {to, body} to this URL, as to an SMS provider")
    parser.add_argument("--timings", default=None, help="append each request's response time to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(
        args.brand,
        database_path=args.database,
        test_mode=args.test_mode,
        smtp_host=args.smtp_host,
        smtp_port=args.smtp_port,
        public_origin=args.public_origin or f"http://localhost:{args.port}",
        sms_provider_url=args.sms_provider_url,
    )
    if args.timings:
        app = RequestTimings(app, args.timings)
    if args.fd is None:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", access_log=True,
                    timeout_keep_alive=KEEP_ALIVE_SECONDS)
        return
    # The harness binds and listens before starting us, so clients queue instead of failing
    # while we boot, and no other process can take the port in between.
    listening = socket.socket(fileno=args.fd)
    config = uvicorn.Config(app, log_level="info", access_log=True, timeout_keep_alive=KEEP_ALIVE_SECONDS)
    server = uvicorn.Server(config)
    server.run(sockets=[listening])


if __name__ == "__main__":
    main()
