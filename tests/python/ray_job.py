"""The Ray test's job, run by test_ray.py inside a network namespace that has only loopback.

    python ray_job.py CORPUS OUT

Starts a local Ray cluster (2 CPUs), runs the pipeline over CORPUS into OUT and prints, as one JSON
line, the namespace's network interfaces, the addresses of the cluster's nodes and the pipeline's
row counts.
"""

from __future__ import annotations

import json
import sys
import time

import ray
import unprog.ray


def interfaces() -> list[str]:
    """This process's network namespace's interfaces (/proc/self/net/dev: /sys may be the host's)."""
    with open("/proc/self/net/dev") as f:
        return sorted(line.split(":")[0].strip() for line in f.readlines()[2:])


def main() -> int:
    corpus, out = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        node_ips = sorted({n["NodeManagerAddress"] for n in ray.nodes()})
        counts = unprog.ray.run([corpus], out, batch_size=24, timeout=10.0)
    finally:
        ray.shutdown()
    report = {
        "interfaces": interfaces(),
        "node_ips": node_ips,
        "counts": counts,
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
