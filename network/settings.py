"""Settings for the spine-network site, read from the environment.

One module serves development, tests and production: every value that differs between them comes
from an environment variable (or a `.env` file beside `manage.py`), documented in the README.
"""

from datetime import timedelta
from pathlib import Path

import django
import environ

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR / "network"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# The fallback key is only good for a laptop: `check --deploy` flags it, production sets SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Django's 403, except where an app shows its form again (network.views.csrf_failure).
CSRF_FAILURE_VIEW = "network.views.csrf_failure"

INSTALLED_APPS = [
    # First: its app module adapts Wagtail's tasks to Django 6 before they are imported.
    "network",
    "locations",
    "blog",
    "appointments",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # ETag and 304 answers, for cached pages too.
    "django.middleware.http.ConditionalGetMiddleware",
    # The page cache (network.pagecache): a cached public page is answered here, before the rest.
    "network.pagecache.UpdateCacheMiddleware",
    "network.pagecache.FetchFromCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "network.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "network.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a sign-in lockout into its page (see "Sign-in" below).
    "axes.middleware.AxesMiddleware",
    # A request form posted while the database is unreachable: answered with the patient's input.
    "appointments.middleware.NotSavedMiddleware",
]

ROOT_URLCONF = "network.urls"
WSGI_APPLICATION = "network.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a local SQLite file unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let the web process and the task worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    # Wagtail's PostgreSQL search index uses SearchVectorField and GIN indexes, which Django 6.1's
    # system checks refuse (postgres.E005, and so `migrate`) unless this app is installed.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Survive a database restart: drop broken persistent connections before reuse.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set, otherwise per-process memory caches. Rate-limit counters
# (and sign-in throttles) and cached pages have aliases of their own, so filling the page cache
# never evicts a counter; page keys carry the content generation (network.pagecache).
REDIS_URL = env("REDIS_URL", default="")
_CACHE_ALIASES = {
    "default": {},
    "ratelimit": {"OPTIONS": {"MAX_ENTRIES": 100_000}},  # one small entry per address and limit
    "pages": {"KEY_FUNCTION": "network.pagecache.page_cache_key"},
}
if REDIS_URL:
    CACHES = {
        alias: {
            # Django's Redis backend, reading as an empty cache while Redis is down (no 500).
            "BACKEND": "network.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"network-{alias}",
            # An unreachable Redis must cost a page a moment, not a worker's whole timeout.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            **{key: value for key, value in options.items() if key != "OPTIONS"},
        }
        for alias, options in _CACHE_ALIASES.items()
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            # Room for the chrome of both languages, image renditions and cached pages.
            "OPTIONS": {"MAX_ENTRIES": 5_000},
            **options,
        }
        for alias, options in _CACHE_ALIASES.items()
    }
RATELIMIT_USE_CACHE = "ratelimit"
# While the rate-limit cache cannot be reached (Redis down: network.cache_backends), let requests
# through rather than refuse every patient's search.
RATELIMIT_FAIL_OPEN = True
# How long cached chrome and pages may live (a change empties them at once in every process with
# Redis; without it, other processes see it within this many seconds: docs/performance.md).
CACHE_SECONDS = env.int("CACHE_SECONDS", default=300)
# Rendered parts of pages (article bodies, center details, the forms' sections) and the pages the
# router finds, kept until the content changes; 0 renders and routes every time (the tests do).
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=CACHE_SECONDS)
# Public pages: kept this long by browsers and the server's page cache (a change purges the
# server's copy at once), and CACHE_SECONDS by a front-end cache (`s-maxage`).
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
CACHE_MIDDLEWARE_KEY_PREFIX = "page"
# A front-end cache (CDN, Varnish, nginx) told to drop a page when it is published or unpublished:
# Wagtail's frontend_cache settings as JSON, e.g. {"cdn": {"BACKEND":
# "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://10.0.0.5:8000"}}.
WAGTAILFRONTENDCACHE = env.json("WAGTAILFRONTENDCACHE", default={})
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# Proxies in front of the site that append to X-Forwarded-For (nginx alone: 1; a load balancer in
# front of nginx: 2). The client address is the entry that many places from the right; 0 ignores
# the header. See network/client_ip.py.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)

# Sign-in: django-axes locks a username out from one address after AXES_FAILURE_LIMIT wrong
# passwords in a row, for AXES_COOLOFF_MINUTES (counting pairs, so nobody can lock a colleague
# out from elsewhere). Its backend must come first. Password-reset mail and Wagtail's page-password
# form are throttled in network/signin.py.
AUTHENTICATION_BACKENDS = [
    "network.signin.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "network.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "network.signin.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # failures are what matter; successful sign-ins are not kept
PASSWORD_RESET_RATELIMITS = {
    "address": env("PASSWORD_RESET_RATELIMIT_ADDRESS", default="5/h"),
    "email": env("PASSWORD_RESET_RATELIMIT_EMAIL", default="3/h"),
}
PAGE_PASSWORD_RATELIMIT = env("PAGE_PASSWORD_RATELIMIT", default="10/15m")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default; every public page lives under /en/ or /es/.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
# "Translate this page" creates drafts, even of a live page: an article's translation is published
# by the medical review like its source, a center's by its manager (wagtail-localize's default
# would make it live at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
USE_TZ = True

# Static and media files; WhiteNoise serves static files so no CDN or extra server is needed.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# Uploads (images, their renditions, documents) on the local disk unless MEDIA_STORAGE names a
# storage class, e.g. django-storages' "storages.backends.s3.S3Storage" (installed separately) with
# MEDIA_STORAGE_OPTIONS as JSON: several app servers must share one store (docs/deploy.md).
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Background work: Django's tasks framework, stored in the database and run by `db_worker`.
# TASKS_BACKEND is "database" (default), "immediate" (tests: run tasks inline) or a backend's dotted
# path; on Django 6.x both go through Django's own `django.tasks` (see network/compat.py), on 5.2
# through the django-tasks backport.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": (
        "django.tasks.backends.immediate.ImmediateBackend"
        if django.VERSION >= (6, 0)
        else "django_tasks.backends.immediate.ImmediateBackend"
    ),
}
_tasks_backend = env.str("TASKS_BACKEND", default="database")
TASKS = {
    "default": {
        "BACKEND": _TASK_BACKENDS.get(_tasks_backend, _tasks_backend),
        "QUEUES": ["default", "notifications"],
    }
}

# Email. Django 6.1 replaces EMAIL_BACKEND and friends with MAILERS; both come from one place.
EMAIL_URL = env.email_url("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Spine Network <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
if django.VERSION >= (6, 1):
    _mail_options = {
        "host": EMAIL_URL.get("EMAIL_HOST"),
        "port": EMAIL_URL.get("EMAIL_PORT"),
        "username": EMAIL_URL.get("EMAIL_HOST_USER"),
        "password": EMAIL_URL.get("EMAIL_HOST_PASSWORD"),
        "use_tls": EMAIL_URL.get("EMAIL_USE_TLS"),
        "use_ssl": EMAIL_URL.get("EMAIL_USE_SSL"),
        "timeout": env.int("EMAIL_TIMEOUT", default=10),
    }
    MAILERS = {
        "default": {
            "BACKEND": EMAIL_URL["EMAIL_BACKEND"],
            "OPTIONS": {
                key: value
                for key, value in _mail_options.items()
                if value and "smtp" in EMAIL_URL["EMAIL_BACKEND"]
            },
        }
    }
else:
    vars().update(EMAIL_URL)
    EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Security: production turns these on through the environment (see README, "Production").
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=SECURE_SSL_REDIRECT)
SECURE_HSTS_SECONDS = env.int(
    "SECURE_HSTS_SECONDS", default=31_536_000 if SECURE_SSL_REDIRECT else 0
)
# Subdomains and preload lists are the operator's decision (preload is hard to undo): opt in.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp, the same on Django 5.2 and 6.x). Pages run only the site's
# own script files: no inline script (JSON-LD and json_script blocks are data, not run), no eval,
# nothing from another host except the video players a patient asks to load. The Wagtail admin
# has its own (network.middleware): Wagtail 8 still renders inline styles everywhere and, for
# signed-in users, inline scripts in its widgets and panels (upstream wagtail#1288), so those are
# allowed there, and only there; its sign-in and password-reset pages keep scripts strict.
# CSP_REPORT_ONLY sends the policies as report-only (to try a change); CSP_REPORT_URI collects
# violation reports.
_VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_CSP_REPORT_URI = env("CSP_REPORT_URI", default="")
_CSP_COMMON = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    "report-uri": [_CSP_REPORT_URI] if _CSP_REPORT_URI else None,
}
_CSP_SITE = {
    **_CSP_COMMON,
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": _VIDEO_PLAYERS,
    "frame-ancestors": ["'none'"],
}
_CSP_ADMIN_SIGN_IN = {
    **_CSP_COMMON,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *_VIDEO_PLAYERS],  # the preview panel; embeds in previews
    "frame-ancestors": ["'self'"],
}
_CSP_ADMIN = {**_CSP_ADMIN_SIGN_IN, "script-src": ["'self'", "'unsafe-inline'"]}
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_SITE}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_SITE}
ADMIN_CONTENT_SECURITY_POLICY = {
    "SIGNED_IN": {"DIRECTIVES": _CSP_ADMIN},
    "ANONYMOUS": {"DIRECTIVES": _CSP_ADMIN_SIGN_IN},
}

# Permissions-Policy (django-permissions-policy): "Use my location" may ask for the position on
# the site itself; the video players may go full screen; every other powerful feature is off
# (only features Chromium recognizes: it reports the others as header errors on every page).
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    "fullscreen": ["self", *_VIDEO_PLAYERS],
    "picture-in-picture": _VIDEO_PLAYERS,
    "autoplay": _VIDEO_PLAYERS,
    "encrypted-media": _VIDEO_PLAYERS,
    **dict.fromkeys(
        [
            "accelerometer",
            "browsing-topics",
            "camera",
            "display-capture",
            "gamepad",
            "gyroscope",
            "hid",
            "idle-detection",
            "interest-cohort",
            "local-fonts",
            "magnetometer",
            "microphone",
            "midi",
            "otp-credentials",
            "payment",
            "publickey-credentials-create",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "speaker-selection",
            "usb",
            "window-management",
            "xr-spatial-tracking",
        ],
        (),
    ),
}

# Logging: requests carry health data, so nothing logs request bodies or form values.
# Patient data never reaches a log line (emails, phones, form fields and searches in URLs are
# replaced) nor an error report: see appointments/logging.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "patient_data": {"()": "appointments.logging.PatientDataFilter"},
        "skip_throttled": {
            "()": "django.utils.log.CallbackFilter",
            "callback": "ext://network.logs.skip_throttled",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["patient_data"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # runserver's request lines carry query strings: through the filtered handler too.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"filters": ["skip_throttled"]},
        "wagtail": {"level": "WARNING"},
        # One INFO line per task start and end drowns the console; failures are still logged.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # django-axes announces itself at INFO on every start; its lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}
DEFAULT_EXCEPTION_REPORTER = "appointments.logging.PatientSafeExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "appointments.logging.PatientSafeExceptionReporterFilter"

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Spine Network")
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
# network.search_backend: Wagtail's database backend with titles weighted on SQLite and a text-search
# configuration per language on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "network.search_backend",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call out to the internet
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor fetch avatars from Gravatar (initials instead)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

PHONENUMBER_DEFAULT_REGION = "US"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

# Geocoding is offline (US ZIP centroids) unless GEOCODER_PROVIDER names a geopy service
# ("nominatim", "arcgis", ...) or a dotted path to a geopy-compatible class; answers are cached.
GEOCODER = {
    "provider": env("GEOCODER_PROVIDER", default=""),
    "timeout": env.float("GEOCODER_TIMEOUT", default=3.0),
    # Passed to the geopy geocoder's constructor, e.g. {"api_key": "..."} or {"user_agent": "..."}.
    "options": env.json("GEOCODER_OPTIONS", default={}),
    # Passed to each geocode() call, e.g. {"country_codes": "us"} for Nominatim.
    "geocode_options": env.json("GEOCODER_QUERY_OPTIONS", default={}),
    # Days an online answer to a patient's search is kept (coarsely: see locations/geocoding.py).
    "cache_days": env.int("GEOCODER_CACHE_DAYS", default=30),
}
# Centre searches (the finder page and the JSON endpoint together) per client address, as a
# django-ratelimit rate: both may geocode, and an online geocoder's quota is the network's.
LOCATIONS_SEARCH_RATELIMIT = env("LOCATIONS_SEARCH_RATELIMIT", default="60/m")
# Interactive map (docs/locations.md "Maps"): off unless the network has a tile server of its own,
# e.g. "https://tiles.example.org/{z}/{x}/{y}.png" ({s} in the host stands for any subdomain).
# When set, finder results and center pages offer "Show an interactive map", which loads the
# vendored Leaflet only once pressed, and the site's policy lets images come from that host.
# MAP_TILE_ATTRIBUTION is the credit the tile server's licence asks for (plain text).
MAP_TILE_URL = env("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="")

# Appointment requests (docs/appointments.md). Beyond either rate, requests are still stored but
# held as spam (never notified, never dropped); so is a form sent back within the minimum time.
APPOINTMENTS_RATELIMIT_ADDRESS = env("APPOINTMENTS_RATELIMIT_ADDRESS", default="10/h")
APPOINTMENTS_RATELIMIT_PHONE = env("APPOINTMENTS_RATELIMIT_PHONE", default="3/h")
APPOINTMENTS_MIN_FILL_SECONDS = env.float("APPOINTMENTS_MIN_FILL_SECONDS", default=3.0)
# How long a displayed form can be sent (seconds); older tokens ask the patient to send again.
APPOINTMENTS_FORM_MAX_AGE = env.int("APPOINTMENTS_FORM_MAX_AGE", default=86_400)
# The same phone or email for the same center within this window: linked, not notified again.
APPOINTMENTS_DUPLICATE_WINDOW_HOURS = env.int("APPOINTMENTS_DUPLICATE_WINDOW_HOURS", default=24)
# Larger request bodies are refused before the form is read (a real request is about 2 kB).
APPOINTMENTS_MAX_BODY_BYTES = env.int("APPOINTMENTS_MAX_BODY_BYTES", default=16_384)
# How long the sending browser may see its thank-you page.
APPOINTMENTS_THANK_YOU_MINUTES = env.int("APPOINTMENTS_THANK_YOU_MINUTES", default=60)
# Notification emails: attempts before giving up (and alerting the administrators), the first
# retry's wait in seconds (each next one waits 4x longer), and how long one attempt may take before
# the sweep (`manage.py send_pending_notifications`) considers its worker gone.
APPOINTMENTS_NOTIFY_ATTEMPTS = env.int("APPOINTMENTS_NOTIFY_ATTEMPTS", default=5)
APPOINTMENTS_NOTIFY_BACKOFF_SECONDS = env.int("APPOINTMENTS_NOTIFY_BACKOFF_SECONDS", default=60)
APPOINTMENTS_NOTIFY_LEASE_SECONDS = env.int("APPOINTMENTS_NOTIFY_LEASE_SECONDS", default=300)
# A confirmation email to the patient (their language, no health details). Off in the demo.
APPOINTMENTS_CONFIRM_TO_PATIENT = env.bool("APPOINTMENTS_CONFIRM_TO_PATIENT", default=False)
# Days a finished request (closed, no-show, spam) is kept after its last change before
# `manage.py purge_appointments` anonymises it (spam: deletes it).
APPOINTMENTS_RETENTION_DAYS = env.int("APPOINTMENTS_RETENTION_DAYS", default=365)
