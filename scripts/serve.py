"""`make serve`: the site on http://127.0.0.1:PORT/, rebuilt on every change.

`python scripts/serve.py --check PORT` only asks whether the port is free, and says in one line
what to do when it is not: `make serve` asks it before anything is installed or built, with any
Python (this file imports nothing but the standard library until it hands over to MkDocs).
`python scripts/serve.py PORT`, from .venv, serves: MkDocs' own `serve --strict`, in this process,
so that a port taken in the seconds of the first build is one line too, not a traceback.
"""

from __future__ import annotations

import errno
import socket
import sys

HOST = "127.0.0.1"
USAGE = "usage: python scripts/serve.py [--check] PORT"


def port_problem(text: str) -> str | None:
    """What stops a server from listening on HOST:PORT, in one line with what to do; None when free."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        return f"PORT must be a number from 1 to 65535, not {text!r}: make serve PORT=8001"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As MkDocs' server binds (http.server sets SO_REUSEADDR): a port a server of ours just left,
        # still in TIME_WAIT, is free for it, and so for this question.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            return taken(port, error)
    return None


def taken(port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (f"port {port} is taken on {HOST} (another `make serve`, or another server): stop it, "
                f"or serve on another port: make serve PORT={port + 1 if port < 65535 else 8001}")
    if error.errno == errno.EACCES:
        return f"port {port} needs privileges this user lacks: choose one above 1023, e.g. make serve PORT=8001"
    return f"cannot listen on {HOST}:{port} ({error.strerror}): choose another port, e.g. make serve PORT=8001"


def main(arguments: list[str]) -> int:
    check_only = arguments[:1] == ["--check"]
    if check_only:
        arguments = arguments[1:]
    if len(arguments) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    problem = port_problem(arguments[0])
    if problem:
        print(f"make serve: {problem}", file=sys.stderr)
        return 1
    if check_only:
        return 0
    return serve(int(arguments[0]))


def serve(port: int) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(["serve", "--strict", "--dev-addr", f"{HOST}:{port}"], prog_name="mkdocs")
    except OSError as error:  # taken in the meantime (click handles its own errors and exits)
        print(f"make serve: {taken(port, error)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
