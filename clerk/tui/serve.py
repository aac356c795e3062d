"""The review screen in a browser: textual-serve runs `clerk review MEETING` for each visitor
and shows it through xterm.js.

textual-serve has no authentication of its own: anyone who can reach the port can start the
app and read and change the minutes. So clerk binds to 127.0.0.1 (this machine only) unless
told `--host`, and then only with a token: the page and its websocket answer 403 unless the
address carries `?token=…` (compared in constant time). What the token does and does not do,
honestly: it keeps out whoever does not know it; it is not encryption. The server speaks
plain HTTP, so anyone who can watch the network between the browser and this machine can read
the token, and the minutes, as they pass. Off this machine, serve it behind a TLS proxy (or
an SSH tunnel to 127.0.0.1) and share the address with the token only with the chair.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

from clerk.errors import ClerkError

LOCAL = "127.0.0.1"
TOKEN_BYTES = 24


def is_local(host: str) -> bool:
    """Whether `host` is a loopback address (reachable from this machine only)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def review_command(db_path: Path, meeting_id: str, role: str) -> str:
    """The shell command textual-serve runs for each visitor: this Python's clerk."""
    return " ".join(
        shlex.quote(part)
        for part in (
            sys.executable,
            "-m",
            "clerk",
            "--db",
            str(db_path),
            "review",
            meeting_id,
            "--as",
            role,
        )
    )


def check_host(host: str, token: str | None) -> None:
    """Refuse a host others can reach unless a token guards it (ClerkError says why)."""
    if not is_local(host) and not token:
        raise ClerkError(
            f"Serving on {host} lets anyone who can reach this machine read and change the "
            "minutes: give --token SECRET (or --token auto for a new one) and share the "
            "address it prints only with the chair. Without --host clerk serves 127.0.0.1, "
            "this machine only."
        )


def make_server(
    command: str,
    host: str,
    port: int,
    token: str | None,
    title: str,
    public_url: str | None = None,
) -> Any:
    """A textual-serve Server for `command`; with `token`, its page and websocket refuse a
    request that does not carry it."""
    try:
        from aiohttp import web
        from textual_serve.server import Server
    except ImportError:
        raise ClerkError(
            "clerk serve needs textual-serve: pip install 'clerk[serve]' (or textual-serve)"
        ) from None

    class TokenServer(Server):
        """textual-serve with a token guarding the page and its websocket."""

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            if token:
                app.middlewares.append(_token_middleware(token))
            return app

    return TokenServer(command, host=host, port=port, title=title, public_url=public_url)


COOKIE = "clerk_token"


def _token_middleware(token: str) -> Any:
    """The page answers only an address carrying ?token=…, and gives the browser the token
    as a same-site cookie, which its websocket (whose address the page builds without the
    query) then carries. textual-serve's own scripts, styles and fonts need none."""
    from aiohttp import web

    expected = token.encode()

    def carries(request: web.Request) -> bool:
        for given in (request.query.get("token", ""), request.cookies.get(COOKIE, "")):
            if given and hmac.compare_digest(given.encode(), expected):
                return True
        return False

    @web.middleware
    async def require_token(request: web.Request, handler: Any) -> Any:
        if request.path.startswith("/static/"):
            return await handler(request)
        if not carries(request):
            raise web.HTTPForbidden(text="clerk: this address needs its ?token=…\n")
        response = await handler(request)
        if request.path == "/" and isinstance(response, web.Response):
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict")
        return response

    return require_token
