"""Start-up of the frozen program against the checkout, in one run (issue 11).

Run: ``python benchmarks/bench_frozen_start.py [FROZEN_EXE] [--runs 5]``
(FROZEN_EXE defaults to /opt/huurdersgroep/huurdersgroep if the .deb is installed, else
build/dist-linux/frozen/huurdersgroep/huurdersgroep from ``make dist-linux``.)

Times process start → main window painted on the same demo group (the app prints
``MAIN_WINDOW_SHOWN`` and quits when ``HUURDERSGROEP_EXIT_WHEN_SHOWN=1``), for the frozen
program and for ``.venv/bin/python -m huurdersgroep_app`` from the checkout; prints the medians
and their ratio. Also prints the sizes of what `make dist-linux` left in dist/. Not a test.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def until_shown(command: list[str], env: dict) -> float | None:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    return elapsed if "MAIN_WINDOW_SHOWN" in result.stdout else None


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> int:
    parser = argparse.ArgumentParser()
    default = Path("/opt/huurdersgroep/huurdersgroep")
    if not default.exists():
        default = ROOT / "build/dist-linux/frozen/huurdersgroep/huurdersgroep"
    parser.add_argument("frozen", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    checkout_python = ROOT / ".venv/bin/python"
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        env = dict(os.environ, HUURDERSGROEP_HOME=str(home), QT_QPA_PLATFORM="offscreen",
                   HUURDERSGROEP_EXIT_WHEN_SHOWN="1")
        db = Path(tmp) / "demo.sqlite"
        subprocess.run([str(args.frozen), "demo", "--db", str(db)], env=env, check=True, capture_output=True)
        commands = {"frozen": [str(args.frozen), "--db", str(db)],
                    "checkout": [str(checkout_python), "-m", "huurdersgroep_app", "--db", str(db)]}
        for command in commands.values():  # warm the disk cache and the .mo cache once
            until_shown(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():  # interleaved, so load changes hit both alike
                elapsed = until_shown(command, env)
                if elapsed is not None:
                    times[name].append(elapsed)
    print(f"Start-up, process start → main window shown (median of {args.runs}, demo group)")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values) if values else None
        shown = f"{medians[name]:.3f} s" if values else "failed"
        print(f"  {name:<9} {shown:>9}   ({' '.join(f'{v:.2f}' for v in values)})")
    if medians["frozen"] and medians["checkout"]:
        print(f"  ratio frozen / checkout: {medians['frozen'] / medians['checkout']:.2f}")
    frozen_dir = args.frozen.parent
    size, count = folder_size(frozen_dir)
    print(f"Frozen folder {frozen_dir}: {size / 1e6:.1f} MB in {count} files")
    for built in sorted((ROOT / "dist").glob("*")) + sorted((ROOT / "build/dist-linux").glob("*.whl")):
        print(f"  {built.name}: {built.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
