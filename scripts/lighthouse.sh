#!/usr/bin/env bash
# Lighthouse (mobile) on the home, results and service pages of a production-like server,
# plus the first-load page weight. Needs the demo loaded (make run, or make migrate demo)
# and Debian's chromium. Reports go to lighthouse-reports/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${LIGHTHOUSE_PORT:-8765}
BASE="http://127.0.0.1:$PORT"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export DJANGO_SETTINGS_MODULE=signpost.config.settings.production
# A fresh key each run (production refuses a known one); plain http on 127.0.0.1 (ADR 013).
SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')
export SECRET_KEY SIGNPOST_LOCAL_HTTP=1
export ALLOWED_HOSTS=127.0.0.1,localhost

.venv/bin/python manage.py collectstatic --no-input -v 0
.venv/bin/gunicorn signpost.config.wsgi -b "127.0.0.1:$PORT" -w 2 --log-level warning &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "$BASE/" -o /dev/null && break; sleep 0.2; done

service_id=$(.venv/bin/python manage.py shell -c \
  "from signpost.directory.models import Service; print(Service.objects.public().order_by('name').first().id)" | tail -n 1)
pages=("$BASE/" "$BASE/services/?q=anxiety&where=Mansfield" "$BASE/services/$service_id/")

.venv/bin/python bench/page_weight.py "${pages[2]}"

mkdir -p lighthouse-reports
flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for i in "${!pages[@]}"; do
  # Headless Chromium sometimes fails to record a trace (NO_NAVSTART): try up to 3 times.
  for attempt in 1 2 3; do
    if npx --yes lighthouse@13.5.0 "${pages[$i]}" --quiet --chrome-flags="$flags" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="lighthouse-reports/page-$i.json" >/dev/null 2>&1; then
      break
    fi
    echo "  attempt $attempt failed for ${pages[$i]}; retrying" >&2
  done
  node -e '
    const r = require(process.argv[1]);
    const s = Object.values(r.categories).map(c => `${c.title} ${Math.round(c.score * 100)}`);
    console.log(`${r.finalDisplayedUrl}\n  ${s.join(" · ")}`);
  ' "$PWD/lighthouse-reports/page-$i.json"
done
