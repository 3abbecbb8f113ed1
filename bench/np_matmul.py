#!/usr/bin/env python3
"""numpy/OpenBLAS twin of `tend bench --only matmul`.

Times float32 C = A·B for the four shapes tend bench reports and prints one
JSON object with the best GFLOP/s per shape over --repeats runs. Run it right
after tend's benchmark, on the same machine, with OpenBLAS's own kernel
selection:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/np_matmul.py
"""
import argparse
import json
import time

import numpy as np

SHAPES = [(512, 576, 1536), (512, 576, 576), (512, 1536, 576), (512, 576, 49152)]


def best_gflops(m, k, n, repeats):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k), dtype=np.float32)
    b = rng.standard_normal((k, n), dtype=np.float32)
    a @ b  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    return 2.0 * m * k * n / best / 1e9


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    out = {f"{m}x{k}*{k}x{n}": round(best_gflops(m, k, n, args.repeats), 1) for m, k, n in SHAPES}
    print(json.dumps({"peer": "numpy " + np.__version__, "gflops_best": out}))


if __name__ == "__main__":
    main()
