"""The Faust worker process that `claimwatch worker` supervises (`python -m streams.worker_main`)."""

from __future__ import annotations

import sys


def main() -> None:
    from streams.app import app, settings

    args = sys.argv[1:]
    sys.argv = ["claimwatch", "worker", "--web-port", str(settings.worker_web_port), *args]
    app.main()


if __name__ == "__main__":
    main()
