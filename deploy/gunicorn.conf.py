"""gunicorn for Gongkai: `gunicorn -c deploy/gunicorn.conf.py config.wsgi` (see docs/deployment.md).

Settings come from the environment like the app's (systemd: EnvironmentFile=/etc/gongkai/gongkai.env).
gunicorn listens on an internal address only; nginx terminates HTTPS in front of it."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))  # a year's report as DOCX can take a while
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
worker_tmp_dir = "/dev/shm"

# Only nginx may tell gunicorn the scheme (X-Forwarded-Proto); Django trusts it through
# SECURE_PROXY_SSL_HEADER and takes the client's address from X-Forwarded-For (TRUSTED_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to stdout/stderr (journald). The access log leaves out query strings: the lists' search box
# takes ID numbers and names, which must not end up in logs.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = '%({x-forwarded-for}i)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
proc_name = "gongkai"
