"""The rate limit holds on the database cache (production's default) with writers at once.

Run in a separate process on a SQLite file, as production runs: the test database is in
memory, where concurrent writers fail at once instead of queueing.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import os, sys
    from concurrent.futures import ThreadPoolExecutor
    os.environ["DATABASE_URL"] = "sqlite:///" + sys.argv[1]
    os.environ["DJANGO_SETTINGS_MODULE"] = "signpost.config.settings.base"
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from signpost.workspace.recruitment.services import allow_reply_from

    assert "DatabaseCache" in settings.CACHES["default"]["BACKEND"]
    call_command("createcachetable")
    settings.SIGNPOST_INTEREST_PER_HOUR = 5

    def reply(_):
        try:
            return allow_reply_from("203.0.113.77")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        allowed = list(pool.map(reply, range(20)))
    print(allowed.count(True))
""")


def test_twenty_replies_at_once_get_only_the_hours_allowance_on_the_database_cache(tmp_path):
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "cache.sqlite3")],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "5"
