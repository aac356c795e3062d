"""`clerk serve`: bound to this machine unless told otherwise, and never reachable from
elsewhere without a token; with one, the page and its websocket refuse whoever lacks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from clerk.cli import main
from clerk.errors import ClerkError
from clerk.tui.serve import COOKIE, check_host, is_local, make_server, review_command


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_are_local(host: str) -> None:
    assert is_local(host)
    check_host(host, None)  # no token needed


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.org", "::"])
def test_a_host_others_reach_needs_a_token(host: str) -> None:
    assert not is_local(host)
    with pytest.raises(ClerkError, match="--token"):
        check_host(host, None)
    check_host(host, "a-secret")


def test_the_command_refuses_host_without_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "c.db"), "serve", "2019-10-17", "--host", "0.0.0.0"]
    )
    assert result.exit_code != 0
    assert "--token" in result.output
    assert not (tmp_path / "c.db").exists(), "refused before anything was opened"


def test_the_served_command_is_this_clerk_on_this_database(tmp_path: Path) -> None:
    command = review_command(tmp_path / "my db.db", "abc123", "chair")
    assert "-m clerk --db" in command
    assert "'" + str(tmp_path / "my db.db") + "'" in command  # quoted for the shell
    assert command.endswith("review abc123 --as chair")


async def test_the_token_guards_the_page_and_the_websocket() -> None:
    server = make_server("true", "127.0.0.1", 0, "s3cret", "clerk")
    app = await server._make_app()
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/")).status == 403
        assert (await client.get("/?token=wrong")).status == 403
        assert (await client.get("/ws")).status == 403
        page = await client.get("/?token=s3cret")
        assert page.status == 200
        assert "textual" in (await page.text()).lower()
        # the browser keeps the token as a cookie, which the websocket's address lacks
        assert client.session.cookie_jar.filter_cookies(client.make_url("/")).get(COOKIE)
        assert (await client.get("/")).status == 200
        # textual-serve's own scripts need no token
        assert (await client.get("/static/js/textual.js")).status == 200


async def test_without_a_token_the_local_page_is_open() -> None:
    server = make_server("true", "127.0.0.1", 0, None, "clerk")
    app = await server._make_app()
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/")).status == 200
