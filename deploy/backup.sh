#!/usr/bin/env bash
# Daily backup (systemd gongkai-backup.timer or cron): one file per run with everything, history
# included — `manage.py backup_data` — kept GONGKAI_BACKUP_KEEP_DAYS days. Copy the directory off
# the server too (see docs/deployment.md); the files hold personal data (mode 0600).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${GONGKAI_BACKUP_DIR:-/var/backups/gongkai}
keep=${GONGKAI_BACKUP_KEEP_DAYS:-30}
mkdir -p "$dir"
file="$dir/gongkai-$(date +%Y%m%d-%H%M%S).jsonl.gz"
.venv/bin/python manage.py backup_data "$file"
find "$dir" -maxdepth 1 -name 'gongkai-*.jsonl.gz' -mtime +"$keep" -delete
