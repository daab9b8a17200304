"""``sst-desk serve``: the team server (docs/server.md), HTTPS only, on a PostgreSQL database.

``sst-desk serve --config /etc/sst-desk/server.toml`` (or ``--database URL --cert FILE --key FILE``) runs the
server under uvicorn with the certificate and key; without them it refuses to start. ``--init`` (with the
database OWNER's URL) creates or upgrades the schema, makes the server's secret file and the first
administrator, asked for on this console (``server.setup``).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path

from sst_desk import i18n
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def _port(text: str) -> int:
    from sst_desk.cli.format import whole_number

    return whole_number(text, 1, 65535)


def _workers(text: str) -> int:
    from sst_desk.cli.format import whole_number

    return whole_number(text, 1, 64)


def add_commands(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve", help=_t("run the team server (HTTPS, PostgreSQL)"),
        description=_t("Run the team server: the window and the command line of the team's computers connect to "
                       "it with --server. HTTPS only: give the certificate and its key. See docs/server.md."))
    serve.add_argument("--config", metavar="FILE", type=Path, default=None,
                       help=_t("the server's configuration file (TOML): database, cert, key, host, port, "
                               "state_dir"))
    serve.add_argument("--database", metavar="URL", default=None,
                       help=_t("the PostgreSQL URL (the runtime role's; with --init, the owner's)"))
    serve.add_argument("--cert", metavar="FILE", type=Path, default=None,
                       help=_t("the server's TLS certificate (PEM)"))
    serve.add_argument("--key", metavar="FILE", type=Path, default=None,
                       help=_t("the TLS certificate's private key (PEM)"))
    serve.add_argument("--host", default=None, help=_t("the address to listen on (default: 127.0.0.1)"))
    serve.add_argument("--port", type=_port, default=None, help=_t("the port to listen on (default: 8443)"))
    serve.add_argument("--workers", type=_workers, default=None,
                       help=_t("how many server processes (default: 1; up to the number of cores helps)"))
    serve.add_argument("--state-dir", metavar="DIR", type=Path, default=None,
                       help=_t("the server's own folder, for its secret file (default: /var/lib/sst-desk)"))
    serve.add_argument("--init", action="store_true",
                       help=_t("create or upgrade the database and make the first administrator, then stop"))
    serve.set_defaults(_run=run)


def config_from(args: argparse.Namespace):
    from sst_desk.server.config import ConfigError, ServerConfig, load_config

    try:
        base = load_config(args.config) if args.config is not None else ServerConfig()
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    config = base.with_options(database=args.database, cert=args.cert, key=args.key, host=args.host,
                               port=args.port, state_dir=args.state_dir, workers=getattr(args, "workers", None))
    if not config.database:
        raise CommandError(_t("Give the database's URL with --database or in the configuration file."))
    if "://" not in config.database or config.database.startswith("sqlite"):
        raise CommandError(_t("The team server runs on PostgreSQL: give a postgresql:// URL, not a file."))
    return config


# What `serve` needs beyond the desktop: the server extra (pyproject.toml) and the server's own package, which
# the desktop bundle leaves out (installer/sst_desk.spec).
SERVER_MODULES = ("sst_desk.server", "starlette", "uvicorn", "psycopg")


def check_server_installed() -> None:
    """A sentence, not an ImportError, where the team server is not installed (the desktop bundle, a wheel
    without the server extra)."""
    import importlib.util

    for name in SERVER_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except ImportError:
            found = False
        if not found:
            raise CommandError(_t('This installation of SST Desk has no team server: install it on the server '
                                  'machine with pip install "sst-desk[server]" (docs/server-operations.md).'))


def run(args: argparse.Namespace) -> int:
    check_server_installed()
    config = config_from(args)
    if args.init:
        from sst_desk.cli.serve_init import run_init

        return run_init(config, ask=_ask_console)
    return serve(config)


def _ask_console(prompt: str, *, secret: bool = False) -> str:
    if secret:
        return getpass.getpass(prompt)
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        raise CommandError(_t("No answer was given; nothing was changed."))
    return line.rstrip("\n")


def check_tls(config) -> tuple[Path, Path]:
    """The certificate and key files, present and readable; a sentence otherwise (HTTPS only)."""
    if config.cert is None or config.key is None:
        raise CommandError(_t("The team server speaks HTTPS only: give its certificate and key with --cert and "
                              "--key (or cert and key in the configuration file)."))
    for path in (config.cert, config.key):
        try:
            with open(path, "rb") as handle:
                head = handle.read(4096)
        except OSError as exc:
            raise CommandError(_t("%1 could not be read (%2).").replace("%1", str(path))
                               .replace("%2", exc.strerror or type(exc).__name__)) from None
        if b"-----BEGIN" not in head:
            raise CommandError(_t("%1 is not a PEM file (a certificate or key in text form).")
                               .replace("%1", str(path)))
    return config.cert, config.key


def serve(config) -> int:
    import ssl

    import uvicorn

    from sst_desk.server.config import ConfigError, load_server_secret

    cert, key = check_tls(config)
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (ssl.SSLError, OSError):
        raise CommandError(_t("The certificate %1 and the key %2 do not belong together or cannot be used.")
                           .replace("%1", str(cert)).replace("%2", str(key))) from None
    try:
        load_server_secret(config.secret_path)
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = _app(config)
    _warn_about_the_role(app.state.server.db)
    options = dict(host=config.host, port=config.port, ssl_certfile=str(cert), ssl_keyfile=str(key),
                   log_level="info", access_log=False, server_header=False, proxy_headers=False,
                   timeout_keep_alive=30, limit_concurrency=1000,
                   # Open event streams (GET /api/v1/events) never finish by themselves: a stop ends them after this.
                   timeout_graceful_shutdown=5)
    if config.workers > 1:
        import os

        from sst_desk.server.config import CONFIG_ENV, to_environment

        app.state.server.db.close()  # the database was reachable, current and keyed: the workers open their own
        os.environ[CONFIG_ENV] = to_environment(config)  # the workers' configuration (this user's processes only)
        _listening(config)
        uvicorn.run("sst_desk.server.app:app_from_environment", factory=True, workers=config.workers, **options)
        return 0
    server = uvicorn.Server(uvicorn.Config(app, **options))
    _listening(config)
    server.run()
    return 0


def _app(config):
    """The application, its database opened with the server's secret and anchors; a sentence if it cannot be."""
    from sst_desk.services.errors import AnchorError
    from sst_desk.server.app import create_app

    try:
        return create_app(config)
    except AnchorError as exc:
        raise CommandError(_t("The server's anchor file cannot be used (%1); the server did not start.")
                           .replace("%1", str(exc))) from None


def _warn_about_the_role(db) -> None:
    """Say it when the server connects as a role that may do more than the runtime role (docs/server.md)."""
    from sst_desk.server.setup import role_problems

    problems = role_problems(db)
    if problems:
        logging.getLogger("sst_desk.server").warning(
            "the database role may do more than the server needs (%s): connect as the runtime role that "
            "'serve --init' sets up, or the access log's limits do not hold", "; ".join(problems))


def _listening(config) -> None:
    print(_t("SST Desk's team server listens on https://%1:%2/ (stop it with Ctrl+C).")
          .replace("%1", config.host).replace("%2", str(config.port)), flush=True)
