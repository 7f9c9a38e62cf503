"""Run panva's node-oidc-provider (tests/sso/oidc_provider) for the duration
of the tests, and sign in at it like a browser would."""

import json
import os
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

PROVIDER_DIR = Path(__file__).parent / "oidc_provider"
CLIENT_ID = "stagebeheer"
CLIENT_SECRET = "test-client-secret-stagebeheer"
OTHER_CLIENT_ID = "other-app"
OTHER_CLIENT_SECRET = "test-client-secret-other-app"
OTHER_REDIRECT = "http://other-app.example/callback"
CALLBACK = "http://testserver/oidc/callback/"
HOME_ORG = "baken.example"

ACCOUNTS = {
    "carla": {
        "email": "carla@baken.example",
        "email_verified": True,
        "name": "Carla van het Baken",
        "schac_home_organization": HOME_ORG,
        # The federation may send entitlements; the app never turns them into roles.
        "eduperson_entitlement": ["urn:mace:surf.nl:stagebeheer:leader"],
    },
    "stranger": {"email": "stranger@baken.example", "schac_home_organization": HOME_ORG},
    "elsewhere": {"email": "carla@baken.example", "schac_home_organization": "elders.example"},
}
CLIENTS = [
    {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [CALLBACK],
        "token_endpoint_auth_method": "client_secret_post",
    },
    {
        "client_id": OTHER_CLIENT_ID,
        "client_secret": OTHER_CLIENT_SECRET,
        "redirect_uris": [OTHER_REDIRECT],
        "token_endpoint_auth_method": "client_secret_post",
    },
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider():
    """The provider's discovery document; the process ends with the session."""
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").exists():
        pytest.fail(
            "The test OpenID provider is not installed: run `make test-deps` (npm ci in tests/sso/oidc_provider)"
        )
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "ACCOUNTS": json.dumps(ACCOUNTS), "CLIENTS": json.dumps(CLIENTS)}
    process = subprocess.Popen(
        ["node", "provider.mjs"],
        cwd=PROVIDER_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("listening"), f"the OpenID provider did not start: {line!r}"
        issuer = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2).json()
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield discovery
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in_at_provider(start_url: str, login: str, stop_at: str = "http://testserver/") -> str:
    """Follow the provider's sign-in and consent pages as ``login`` and return
    the address it sends the browser back to (with code and state)."""
    browser = requests.Session()
    response = browser.get(start_url, allow_redirects=False, timeout=10)
    for _ in range(12):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(stop_at):
                return location
            response = browser.get(location, allow_redirects=False, timeout=10)
            continue
        assert response.status_code == 200, response.text[:500]
        action = re.search(r'<form[^>]*action="([^"]+)"', response.text).group(1)
        prompt = re.search(r'name="prompt" value="(\w+)"', response.text).group(1)
        data = {"prompt": prompt}
        if prompt == "login":
            data.update(login=login, password="any-password")
        response = browser.post(urljoin(response.url, action), data=data, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")
