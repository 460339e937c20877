"""Production configuration: `check --deploy` is clean, WhiteNoise serves static files, and pages
load nothing from another host."""

import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from network.models import NavigationMenu, NavigationMenuItem

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]
HOST = "www.spine-network.example"


def production_env(tmp_path: Path) -> dict[str, str]:
    """The environment a production server would set. Built from scratch: the test process
    carries test-only values (pytest-env's, DJANGO_ALLOW_ASYNC_UNSAFE from browser tests)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        BASE_URL=f"https://{HOST}",
        SECURE_SSL_REDIRECT="true",
        BEHIND_HTTPS_PROXY="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        # Django 6.1's deploy checks reject the console mail backend (mail.E001).
        EMAIL_URL="smtp+tls://mailer:secret@smtp.spine-network.example:587",
        # The operator's decisions, which `check --deploy` asks for (security.W005, W021).
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
    )
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MANAGE, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_check_deploy_is_clean_with_production_settings(tmp_path, database):
    env = {**production_env(tmp_path), "REDIS_URL": "redis://127.0.0.1:6379/1"}  # not contacted
    if database == "postgresql":
        # Not connected to: the checks read the models (Django 6.1 refuses Wagtail's search index
        # on PostgreSQL without django.contrib.postgres installed, and so does `migrate`).
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/not_connected"

    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=env)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_flags_the_development_defaults(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"], env["SECURE_SSL_REDIRECT"]

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "security.W009" in result.stderr  # the insecure fallback SECRET_KEY
    assert "security.W008" in result.stderr  # no HTTPS redirect
    assert "network.W001" in result.stderr  # per-process caches and rate limits


def hsts_header(env: dict[str, str]) -> str:
    probe = (
        "from django.test import Client;"
        f"r = Client().get('/robots.txt', secure=True, headers={{'host': '{HOST}'}});"
        "print(r.headers['Strict-Transport-Security'])"
    )
    result = manage("shell", "-v", "0", "-c", probe, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


def test_hsts_covers_subdomains_and_asks_for_preload_only_when_the_operator_opts_in(tmp_path):
    opted_in = production_env(tmp_path)
    default = {
        key: value
        for key, value in opted_in.items()
        if key not in {"SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"}
    }

    assert hsts_header(default) == "max-age=31536000"
    assert hsts_header(opted_in) == "max-age=31536000; includeSubDomains; preload"
    # Without the opt-ins, `check --deploy` reminds the operator of the decision.
    check = manage("check", "--deploy", "--fail-level", "WARNING", env=default)
    assert "security.W005" in check.stderr and "security.W021" in check.stderr


def test_whitenoise_serves_hashed_static_files_in_production(tmp_path):
    env = production_env(tmp_path)
    collect = manage("collectstatic", "--noinput", "-v0", env=env)
    assert collect.returncode == 0, collect.stderr
    probe = (
        "from django.templatetags.static import static;"
        "from django.test import Client;"
        "url = static('network/css/site.css');"
        f"r = Client().get(url, secure=True, headers={{'host': '{HOST}'}});"
        "print(url, r.status_code, r.headers['Cache-Control'])"
    )

    result = manage("shell", "-v", "0", "-c", probe, env=env)

    url, status, cache_control = result.stdout.splitlines()[-1].split(maxsplit=2)
    assert url.startswith("/static/network/css/site.") and url != "/static/network/css/site.css"
    assert status == "200", result.stderr
    assert "immutable" in cache_control


class ResourceCollector(HTMLParser):
    """Collects every URL a browser would fetch on its own while loading the page."""

    FETCHED = {
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("iframe", "src"),
        ("video", "src"),
        ("video", "poster"),
        ("audio", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("input", "src"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") not in {"alternate", "canonical"}:
            self.urls.append(values.get("href") or "")
        self.urls += [value or "" for name, value in attrs if (tag, name) in self.FETCHED]
        self.urls += [
            value.split("url(", 1)[1]
            for name, value in attrs
            if name == "style" and value and "url(" in value
        ]


def is_external(url: str) -> bool:
    return url.startswith(("http:", "https:", "//")) and not url.startswith("http://testserver/")


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client, about, about_es, network_settings):
    network_settings.appointment_page = about
    network_settings.facebook_url = "https://www.facebook.com/example-network"
    network_settings.save()
    menu = NavigationMenu.objects.create(name="footer", locale=about.locale)
    NavigationMenuItem.objects.create(
        menu=menu, link_url="https://www.example.org/", locale=about.locale
    )

    for path in ("/en/", "/es/", "/en/about-us/", "/es/quienes-somos/", "/en/search/?q=back"):
        collector = ResourceCollector()
        collector.feed(client.get(path).text)
        assert collector.urls, path  # the collector does see the page's own resources
        assert [url for url in collector.urls if is_external(url)] == [], path
    for path in ("network/css/site.css", "network/js/site.js"):
        source = Path(finders.find(path)).read_text()
        assert "@import" not in source
        assert "http" not in source.replace("http-equiv", ""), path


def test_csp_report_only_is_switched_by_the_environment(tmp_path):
    env = {**production_env(tmp_path), "CSP_REPORT_ONLY": "true", "STATIC_MANIFEST": "false"}
    probe = (
        "from django.test import Client;"
        "c = Client();"
        f"h = {{'host': '{HOST}'}};"
        "site = c.get('/robots.txt', secure=True, headers=h);"
        "admin = c.get('/admin/', secure=True, headers=h);"
        "print([sorted(k for k in r.headers if 'Security-Policy' in k) for r in (site, admin)]);"
        "print(admin.headers['Content-Security-Policy-Report-Only'])"
    )

    result = manage("shell", "-v", "0", "-c", probe, env=env)

    assert result.returncode == 0, result.stderr[-3000:]
    headers, admin_policy = result.stdout.splitlines()[-2:]
    assert headers == str([["Content-Security-Policy-Report-Only"]] * 2), result.stderr
    assert "style-src 'self' 'unsafe-inline'" in admin_policy  # the admin's policy, report-only
