"""Gongkai settings: one module, configured from the environment with safe local defaults."""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """A yes-or-no variable; anything else is refused (DEBUG=ture must not quietly mean false)."""
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"环境变量 {name} 应为 true 或 false（也可写 1/0、yes/no、on/off），现为 {value!r}。"
    )


def env_int(name: str, default: int, *, minimum: int, maximum: int | None = None) -> int:
    """A whole number within its range; anything else is refused naming the variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    bounds = f"不小于 {minimum}" if maximum is None else f"在 {minimum} 至 {maximum} 之间"
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or number < minimum or (maximum is not None and number > maximum):
        raise ImproperlyConfigured(f"环境变量 {name} 应为{bounds}的整数，现为 {value!r}。")
    return number


def env_hotline(name: str, default: str) -> str:
    """A telephone number as an office writes it (digits, -, +, spaces, parentheses), at most 20."""
    value = os.environ.get(name)
    if value is None:
        return default
    number = value.strip()
    if not number or len(number) > 20 or not re.fullmatch(r"[0-9+\-() ]+", number):
        raise ImproperlyConfigured(
            f"环境变量 {name} 应为电话号码（数字，可含 - + 空格和括号，不超过20个字符），"
            f"现为 {value!r}。"
        )
    return number


DATABASE_ENGINES = {"django.db.backends.postgresql", "django.db.backends.sqlite3"}


def env_database(name: str, default: str) -> dict:
    """A database address (postgres://… or sqlite:///…); a malformed one is refused naming the
    variable, never repeating it (it holds the password)."""
    example = (
        f"环境变量 {name} 应形如 postgres://用户:密码@主机:5432/库名 或 sqlite:////绝对路径"
        "（密码中的 @ : / # ? % 等写作 %40 %3A %2F %23 %3F %25）"
    )
    try:
        database = dj_database_url.parse(
            os.environ.get(name, default),
            conn_max_age=env_int("CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=True,
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"{example}，现在的值无法读取。") from exc
    if database["ENGINE"] not in DATABASE_ENGINES:
        raise ImproperlyConfigured(f"{example}：Gongkai 只支持 PostgreSQL 和 SQLite。")
    if not database["NAME"]:
        raise ImproperlyConfigured(f"{example}：缺少数据库名。")
    return database


DEBUG = env_bool("DEBUG", True)
_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "DEBUG 关闭时必须通过环境变量 SECRET_KEY 提供至少40个字符的真实密钥。"
    )

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DEBUG 关闭时必须通过环境变量 ALLOWED_HOSTS 提供网站的域名（多个以逗号分隔），"
        "如 ALLOWED_HOSTS=gongkai.example.gov.cn；否则每个请求都会被拒绝（400）。"
    )
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "cases",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "config.security.PrivateResponsesMiddleware",
    "config.routers.ReportReplicaMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cases.sessions.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.pages.MethodNotAllowedPageMiddleware",  # after auth: the page shows who is signed in
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The reason a history record gives (a void reason, a calendar notice's title with the dates it moved)
# is as long as the person wrote it: text, not simple-history's default varchar(100).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # the open cases' covering index (cases/models/application.py) INCLUDEs columns for PostgreSQL;
    # SQLite indexing its key alone is intended, not worth a warning at every `migrate`
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
# PostgreSQL: parameters bound by the server, and a statement run a few times on a connection is
# prepared there, so its plan is not made again for every request. Set
# DATABASE_PREPARED_STATEMENTS=false behind a connection pooler in transaction mode that cannot keep
# prepared statements (PgBouncer before 1.21).
POSTGRES_OPTIONS = (
    {"server_side_binding": True, "prepare_threshold": 2}
    if env_bool("DATABASE_PREPARED_STATEMENTS", True)
    else {}
)
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
# A read-only streaming replica (hot standby) for the annual report's pages and downloads: GET
# requests under REPORT_REPLICA_PATHS read the case tables there (config/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = env_database("DATABASE_REPLICA_URL", "")
    DATABASES["replica"].setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.routers.ReportReplicaRouter"]
REPORT_REPLICA_PATHS = ["/reports/", "/api/v1/reports/"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "cases.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
# the only language: LocaleMiddleware then never follows a browser that asks for English, so Django's
# own words (form errors, history types) stay Chinese like the rest of the pages
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))  # collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = True  # the app serves its own static files, collected or not (no CDN)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# idle time before a new login is asked for: counted from the last use (cases/sessions.py)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=1)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ENGINE = "cases.sessions"  # database sessions that ignore a forged key (cases/sessions.py)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# True would clear every failed login from the address of a successful one (the lockout counts by
# username and by address): a login clears only its own failures (cases.auth_log.own_failures_cleared)
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "config.security.lockout_response"  # the page, or JSON under /api/
AXES_CLIENT_IP_CALLABLE = "config.security.client_ip"
# How many reverse proxies stand in front of gunicorn (nginx on the same server: 1). The client's
# address is then taken from X-Forwarded-For; 0 trusts only REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# Content security policy (config/security.py): same-origin scripts and styles only; inline
# blocks need nonce="{{ request.csp_nonce }}". Swagger UI (/api/v1/docs/) and the browsable API use
# the nonce (templates/drf_spectacular/, templates/rest_framework/); Redoc injects styles and runs a
# blob: worker; the admin has style attributes. Scripts stay same-origin everywhere.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
CONTENT_SECURITY_POLICY_PATHS = {
    # Django admin and django-simple-history's history pages use a few style attributes
    "/admin/": {"style-src": ["'self'", "'unsafe-inline'"]},
    "/api/v1/redoc/": {
        "style-src": ["'self'", "'unsafe-inline'"],
        "worker-src": ["'self'", "blob:"],
    },
}
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gongkai@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# SMTP for the daily digest (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 30

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "api.renderers.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DATE_FORMAT": "%Y-%m-%d",
    "COERCE_DECIMAL_TO_STRING": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gongkai 公开台账 API",
    "DESCRIPTION": """政府信息依申请公开台账 REST API v1。

- 认证：`POST /api/v1/auth/token/` 以用户名和密码换取令牌，此后请求头带 `Authorization: Token <令牌>`；也可使用会话登录。
- 格式：JSON；日期为 `YYYY-MM-DD`，时间为带时区偏移的 ISO 8601（北京时间）；金额为字符串（如 `"100.00"`）。
- 列表分页：`{"count", "next", "previous", "results"}`，参数 `page`、`page_size`（最大500）。
- 错误：400 `{"字段": ["错误信息"]}`（嵌套字段以点号连接，其他错误在 `non_field_errors`）；401 未认证；
  403 无权限；404 不存在或无权查看；409 操作与申请当前状态不符。
""",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ApplicationChannelEnum": "cases.models.Application.Channel",
        "ConsultationChannelEnum": "cases.models.Consultation.Channel",
        "EventKindEnum": "cases.models.ApplicationEvent.Kind",
        "RemedyKindEnum": "cases.models.Remedy.Kind",
    },
}

# Gongkai's own settings (law.md "Decisions" live in cases/clock/engine.py; these are per-deployment)
GONGKAI = {
    "DUE_SOON_WORKING_DAYS": env_int("GONGKAI_DUE_SOON_DAYS", 3, minimum=0),
    "DEFAULT_HOTLINE": env_hotline("GONGKAI_HOTLINE", "96128"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        # logins, logouts, failed logins, lockouts (cases/auth_log.py); under systemd: journalctl
        "gongkai.auth": {"handlers": ["console"], "level": "INFO"},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        "django.security": {"handlers": ["console"], "level": "WARNING"},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
