"""Settings for bench/api.py and bench/board.py: the product settings plus a URLconf with the floor
endpoint, and static files named as they are (the benchmarks collect none; the pages still link them)."""

import warnings

from config.settings import *  # noqa: F403

# static files are not collected for the benchmark (the API serves none)
warnings.filterwarnings("ignore", message="No directory at")

ROOT_URLCONF = "bench.api_urls"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
