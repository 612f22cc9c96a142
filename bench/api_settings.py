"""Settings for bench/api.py only: the product settings plus a URLconf with the floor endpoint."""

import warnings

from config.settings import *  # noqa: F403

# static files are not collected for the benchmark (the API serves none)
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

ROOT_URLCONF = "bench.api_urls"
