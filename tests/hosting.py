"""Helpers for the hosting tests: the deployment files in deploy/ made runnable on loopback.

Each helper takes a file a host copies (deploy/…) and puts in only what differs on a test machine: ports,
folders, certificate, client credentials and provider addresses. Everything else is the host's file as it is.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import tomllib
from pathlib import Path

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
SECRETS_EXAMPLE = DEPLOY / "secrets.example.toml"
NGINX_CONF = DEPLOY / "nginx-lmp-explorer.conf"
UNIT = DEPLOY / "lmp-explorer@.service"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def to_toml(data: dict, prefix: str = "") -> str:
    """A small TOML writer for the secrets' shape (tables of strings, numbers, lists and inline tables)."""
    # a dict is a section of its own, except client_kwargs, written inline as the example file has it
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict) or k == "client_kwargs"}
    tables = {k: v for k, v in data.items() if k not in scalars}
    out = [f"[{prefix}]"] if prefix and scalars else []
    out += [f"{k} = {_toml_value(v)}" for k, v in scalars.items()]
    for name, table in tables.items():
        out.append(to_toml(table, f"{prefix}.{name}" if prefix else name))
    return "\n".join(out) + "\n"


def login_secrets(app_port: int, provider_port: int, *, feide_realms: list[str], entra_tenants: list[str],
                  entra_roles: list[str], max_session_hours: float | None = None) -> str:
    """deploy/secrets.example.toml for a test: the app and the local provider on ``localhost`` (one host name
    throughout: the login's state cookie is bound to it), test credentials and the test's allow-list."""
    secrets = tomllib.loads(SECRETS_EXAMPLE.read_text(encoding="utf-8"))
    metadata = f"http://localhost:{provider_port}/.well-known/openid-configuration"
    secrets["auth"].update(redirect_uri=f"http://localhost:{app_port}/oauth2callback", cookie_secret="t" * 48)
    for name in ("feide", "entra"):
        secrets["auth"][name].update(client_id=f"lmp-{name}", client_secret=f"secret-{name}",
                                     server_metadata_url=metadata)
    secrets["access"].update(feide_realms=feide_realms, entra_tenants=entra_tenants, entra_roles=entra_roles)
    if max_session_hours is not None:
        secrets["access"]["max_session_hours"] = max_session_hours
    return to_toml(secrets)


def unit_command(port: int, *, secrets: Path, runtime_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The ExecStart command and Environment lines of deploy/lmp-explorer@.service for instance ``port``, with
    this checkout for /opt/lmp-explorer, this venv's Python, and test folders for /run and /etc."""
    text = UNIT.read_text(encoding="utf-8").replace("%i", str(port))
    env: dict[str, str] = {}
    command: list[str] = []
    for line in text.splitlines():
        if line.startswith("Environment="):
            key, _, value = line.removeprefix("Environment=").partition("=")
            env[key] = value.replace(f"/run/lmp-explorer-{port}", str(runtime_dir))
        elif line.startswith("ExecStart="):
            command = shlex.split(line.removeprefix("ExecStart="))
    import sys

    assert command[0] == "/opt/lmp-explorer/.venv/bin/python", command[0]
    command[0] = sys.executable
    command = [str(secrets) if c == "/etc/lmp-explorer/secrets.toml" else c for c in command]
    return command, env


def nginx_conf(*, http_port: int, https_port: int, app_ports: tuple[int, int], cert: Path, key: Path) -> str:
    """deploy/nginx-lmp-explorer.conf with the test's ports and certificate."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    replacements = [("listen 80;", f"listen {http_port};"), ("listen 443 ssl;", f"listen {https_port} ssl;"),
                    ("server 127.0.0.1:8501;", f"server 127.0.0.1:{app_ports[0]};"),
                    ("server 127.0.0.1:8502;", f"server 127.0.0.1:{app_ports[1]};"),
                    ("/etc/ssl/lmp-explorer/fullchain.pem", str(cert)),
                    ("/etc/ssl/lmp-explorer/privkey.pem", str(key))]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def nginx_main(site: Path, folder: Path) -> str:
    """A minimal nginx.conf around the site file (Debian's /etc/nginx/nginx.conf does the same with include),
    with every file nginx writes in ``folder``."""
    temp = {name: folder / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    # as root (CI), the workers would run as nobody, who cannot enter the test's private folders; in Debian's
    # own nginx.conf they run as www-data in /var/lib/nginx
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 2;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
            f"events {{ worker_connections 1024; }}\n"
            f"http {{\n  access_log {folder / 'access.log'};\n"
            f"  client_body_temp_path {temp['client_body']};\n  proxy_temp_path {temp['proxy']};\n"
            f"  fastcgi_temp_path {temp['fastcgi']};\n  uwsgi_temp_path {temp['uwsgi']};\n"
            f"  scgi_temp_path {temp['scgi']};\n  include {site};\n}}\n")


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for ``localhost`` (the test's browser is told to accept it)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def code_blocks(markdown: str) -> list[str]:
    """The fenced code blocks of a Markdown page, without their fences."""
    return [m.group(1) for m in re.finditer(r"^```[^\n]*\n(.*?)^```", markdown, flags=re.S | re.M)]
