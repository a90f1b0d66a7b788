"""Import speed and memory: how fast `import_hsds` takes a large feed, and whether memory grows.

Writes synthetic ORUK 3.0 feeds (realistic services: organisation, phones, hours, areas,
languages, terms, shared and own locations with addresses) to a JSON file, then imports each
into an empty SQLite database in a fresh process, through the same path as
`manage.py import_hsds` (streamed JSON, batched writes, one transaction). Prints services per
second and how far the process's resident memory rose during the import (untraced run,
sampled), and the peak of Python's allocations during the import (a second, traced run), for
each feed size.

    .venv/bin/python bench/import_speed.py [--sizes 1000,10000] [--keep]

Target (issue 3): >= 500 services/s on SQLite, and peak memory that does not grow with size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOWNS = [
    ("Mansfield", "NG18"),
    ("Newark", "NG24"),
    ("Worksop", "S80"),
    ("Nottingham", "NG1"),
    ("Hucknall", "NG15"),
    ("Retford", "DN22"),
]
NEEDS = ["anxiety", "depression", "loneliness", "bereavement", "self-harm", "eating", "sleep"]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_feed(count: int, seed: int = 7) -> list[dict]:
    """`count` nested services; one organisation and one shared venue per 20 services."""
    rng = random.Random(seed)
    taxonomy = {"id": _id(rng), "name": "needs", "description": "What people need help with"}
    terms = [
        {
            "id": _id(rng),
            "code": code,
            "name": code.capitalize(),
            "description": f"Help with {code}",
            "taxonomy": "needs",
            "taxonomy_id": taxonomy["id"],
            "taxonomy_detail": taxonomy,
        }
        for code in NEEDS
    ]
    services = []
    for n in range(count):
        if n % 20 == 0:
            town, district = rng.choice(TOWNS)
            organisation = {
                "id": _id(rng),
                "name": f"Wellbeing Trust {n // 20}",
                "description": "A local charity.",
                "website": "https://example.org",
            }
            venue_id = _id(rng)
            venue = {
                "id": venue_id,
                "location_type": "physical",
                "name": f"Community Hall {n // 20}",
                "latitude": 53.1 + rng.random() / 10,
                "longitude": -1.2 + rng.random() / 10,
                "addresses": [
                    {
                        "id": _id(rng),
                        "location_id": venue_id,
                        "address_1": f"{n // 20 + 1} High Street",
                        "city": town,
                        "state_province": "Nottinghamshire",
                        "postal_code": f"{district} {rng.randint(1, 9)}AB",
                        "country": "GB",
                        "address_type": "physical",
                    }
                ],
            }
        service_id = _id(rng)
        services.append(
            {
                "id": service_id,
                "organization_id": organisation["id"],
                "organization": organisation,
                "name": f"Support service {n}",
                "description": "Weekly peer support and advice for adults, in person and by phone.",
                "url": f"https://example.org/services/{n}",
                "email": f"hello{n}@example.org",
                "status": "active",
                "minimum_age": rng.choice([None, 11, 16, 18]),
                "assured_date": "2026-09-01",
                "last_modified": "2026-09-01T09:00:00Z",
                "phones": [{"id": _id(rng), "number": "0115 496 0000", "type": "voice"}],
                "schedules": [
                    {
                        "id": _id(rng),
                        "freq": "WEEKLY",
                        "byday": rng.choice(["MO", "TU,TH", "WE", "MO,TU,WE,TH,FR"]),
                        "opens_at": "10:00",
                        "closes_at": "16:00",
                    }
                ],
                "service_areas": [{"id": _id(rng), "name": town}],
                "languages": [{"id": _id(rng), "name": "English", "code": "en"}],
                "attributes": [
                    {"id": _id(rng), "link_type": "need", "taxonomy_term": term}
                    for term in rng.sample(terms, 2)
                ],
                "service_at_locations": [
                    {"id": _id(rng), "location_id": venue["id"], "location": venue}
                ],
            }
        )
    return services


def _child(feed: Path, database: Path, trace: bool) -> None:
    """Runs in a fresh process: migrate, then import the feed, and print one JSON line.

    With `trace`, Python's allocations are traced (slower) and their peak is reported."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "signpost.config.settings.test"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from signpost.nonprod.demo import load_places
    from signpost.openreferral.importer import import_services
    from signpost.openreferral.importer.sources import read_source

    load_places()
    rss = _ResidentSampler()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    with rss:
        report = import_services(read_source(str(feed)), source=str(feed))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    from signpost.directory.models import Service

    print(
        json.dumps(
            {
                "services": Service.objects.count(),
                "rejected": len(report.rejected),
                "seconds": seconds,
                "peak_bytes": peak,
                "rss_growth_bytes": rss.growth,
            }
        )
    )


def _resident_bytes() -> int:
    """The process's resident memory now: Python, SQLite's cache and every C allocation."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _ResidentSampler:
    """How far resident memory rose above its starting point while the block ran.

    Sampled five times a second: the kernel's own peak (ru_maxrss) would include whatever
    the process did before the import, such as migrating."""

    def __init__(self) -> None:
        self.growth = 0
        self._stop = threading.Event()

    def _sample(self, start: int) -> None:
        while not self._stop.wait(0.2):
            self.growth = max(self.growth, _resident_bytes() - start)

    def __enter__(self) -> _ResidentSampler:
        self._thread = threading.Thread(target=self._sample, args=(_resident_bytes(),))
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]), args.child[2] == "trace")
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'services':>9} {'seconds':>8} {'services/s':>11} {'peak Python MB':>15} "
        f"{'peak RSS growth MB':>19}"
    )
    worst = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            feed = Path(folder) / f"feed-{size}.json"
            feed.write_text(json.dumps(make_feed(size)))
            figures = {}
            for mode in ("speed", "trace"):
                database = Path(folder) / f"db-{size}-{mode}.sqlite3"
                result = subprocess.run(
                    [sys.executable, __file__, "--child", str(feed), str(database), mode],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if result.returncode != 0:
                    print(result.stdout, result.stderr, file=sys.stderr)
                    return 1
                figures[mode] = json.loads(result.stdout.strip().splitlines()[-1])
                if figures[mode]["services"] != size or figures[mode]["rejected"]:
                    print(f"expected {size} services, got {figures[mode]}", file=sys.stderr)
                    return 1
            rate = size / figures["speed"]["seconds"]
            peak = figures["trace"]["peak_bytes"] / 1e6
            worst = rate if worst is None else min(worst, rate)
            growth = figures["speed"]["rss_growth_bytes"] / 1e6
            print(
                f"{size:>9} {figures['speed']['seconds']:>8.1f} {rate:>11.0f} {peak:>15.1f} "
                f"{growth:>19.1f}"
            )
    print(f"slowest: {worst:.0f} services/s (target >= 500)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
