#!/usr/bin/env python3
"""The raw-SQL floor of one app request: the exact statements the app ran, replayed in SQLite without the app.

    python3 tests/perf/sql-floor.py --db DB --log LOG.json --offset BYTES [--runs 5] [--plans PLANS.md --name NAME]

Reads the app's JSON log (Serilog, one event per line) from byte BYTES on: every "Executed DbCommand" event there
(the app logs them when started with Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=
Information and Database__LogParameterValues=true). Each statement gets its parameter values put back in as literals
and is timed in SQLite itself: the very library the app runs on (e_sqlite3 from its build output, called through
ctypes: Debian's sqlite3 shell is 3.40, too old for the app's full-text table), the median of --runs runs after one
warm-up, every row stepped through. Prints one line:

    FLOOR <sum of medians, ms> <statements> <plan flags or ok>

and appends the statements' EXPLAIN QUERY PLAN to --plans under a heading --name. A plan flag is a full scan of a
table or index ("SCAN Events", "SCAN e USING COVERING INDEX ...") or a temporary B-tree for ORDER BY / DISTINCT /
GROUP BY: the reads issue 12 wants gone.
"""
import argparse
import ctypes
import glob
import json
import os
import re
import statistics
import sys
import time

# "@venue='Moscow' (Size = 6), p0='"energy"*' (Size = 9)": raw SQL parameters are logged without their @.
PARAMETER = re.compile(r"(?:^|,\s*)@?(\w+)='((?:[^']|'')*)'(?:\s*\([^)]*\))*")
TIMER = re.compile(r"Run Time: real ([0-9.]+)")


def commands(log, offset):
    with open(log, "rb") as stream:
        stream.seek(offset)
        for raw in stream:
            try:
                event = json.loads(raw)
            except ValueError:
                continue
            properties = event.get("Properties", {})
            if "commandText" in properties:
                yield properties["commandText"], properties.get("parameters", "")


def literal(value):
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value
    if value in ("True", "False"):
        return "1" if value == "True" else "0"
    return "'" + value + "'"  # already doubled '' inside, as SQL wants


def inline(sql, parameters):
    values = {"@" + name: literal(value) for name, value in PARAMETER.findall(parameters)}
    # Longest names first, so @ids1 does not eat the start of @ids10.
    for name in sorted(values, key=len, reverse=True):
        sql = re.sub(re.escape(name) + r"(?!\w)", lambda _: values[name], sql)
    return sql


class Sqlite:
    """The few calls of SQLite's C API the floor needs, on the app's own library, read-only."""

    ROW, DONE = 100, 101

    def __init__(self, db, library):
        ctypes.CDLL("libm.so.6", mode=ctypes.RTLD_GLOBAL)  # e_sqlite3 expects the C maths library loaded
        self.lib = lib = ctypes.CDLL(library)
        lib.sqlite3_open_v2.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_char_p]
        lib.sqlite3_prepare_v2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p]
        lib.sqlite3_step.argtypes = [ctypes.c_void_p]
        lib.sqlite3_finalize.argtypes = [ctypes.c_void_p]
        lib.sqlite3_column_count.argtypes = [ctypes.c_void_p]
        lib.sqlite3_column_text.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.sqlite3_column_text.restype = ctypes.c_char_p
        lib.sqlite3_errmsg.argtypes = [ctypes.c_void_p]
        lib.sqlite3_errmsg.restype = ctypes.c_char_p
        self.db = ctypes.c_void_p()
        if lib.sqlite3_open_v2(db.encode(), ctypes.byref(self.db), 1, None) != 0:  # SQLITE_OPEN_READONLY
            raise SystemExit(f"cannot open {db}")

    def run(self, sql, keep=False):
        statement = ctypes.c_void_p()
        if self.lib.sqlite3_prepare_v2(self.db, sql.encode(), -1, ctypes.byref(statement), None) != 0:
            raise SystemExit(f"SQLite could not run a statement: {self.lib.sqlite3_errmsg(self.db).decode()}\n{sql[:300]}")
        rows = []
        try:
            while (code := self.lib.sqlite3_step(statement)) == self.ROW:
                if keep:
                    rows.append([(self.lib.sqlite3_column_text(statement, i) or b"").decode() for i in range(self.lib.sqlite3_column_count(statement))])
            if code != self.DONE:
                raise SystemExit(f"SQLite failed a statement: {self.lib.sqlite3_errmsg(self.db).decode()}\n{sql[:300]}")
        finally:
            self.lib.sqlite3_finalize(statement)
        return rows


def library():
    """The app's SQLite: $SQLITE_LIBRARY, else the e_sqlite3 of the app's build output or of the NuGet cache."""
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    candidates = [os.environ.get("SQLITE_LIBRARY", "")]
    candidates += sorted(glob.glob(os.path.join(root, "test-artifacts/perf/publish/runtimes/linux-x64/native/libe_sqlite3.so")))
    candidates += sorted(glob.glob(os.path.join(root, "src/DiplomacyTracker.Web/bin/*/net10.0/runtimes/linux-x64/native/libe_sqlite3.so")))
    candidates += sorted(glob.glob(os.path.expanduser("~/.nuget/packages/sqlitepclraw.lib.e_sqlite3/*/runtimes/linux-x64/native/libe_sqlite3.so")))
    for candidate in candidates:
        if candidate and os.path.exists(candidate):
            return candidate
    raise SystemExit("no libe_sqlite3.so found: build the app first, or set SQLITE_LIBRARY")


def time_statement(sqlite, sql, runs):
    sqlite.run(sql)  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        sqlite.run(sql)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plan(sqlite, sql):
    # The sqlite3 shell's tree: each line indented under its parent.
    rows = sqlite.run("EXPLAIN QUERY PLAN " + sql.rstrip().rstrip(";"), keep=True)
    depth = {"0": -1}
    lines = ["QUERY PLAN"]
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("   " * depth[node] + "|--" + detail)
    return "\n".join(lines)


def flags(plan_text):
    found = []
    lines = [line.strip(" |`-") for line in plan_text.splitlines()]
    # Scanning a subquery's own result (a co-routine or materialized view) reads only what it produced.
    derived = {m.group(1) for line in lines if (m := re.match(r"(?:CO-ROUTINE|MATERIALIZE) (\S+)", line))}
    for text in lines:
        scan = re.match(r"SCAN (\S+)", text)
        if scan and scan.group(1) not in derived and scan.group(1) != "CONSTANT" and "VIRTUAL TABLE" not in text:
            found.append(text)
        if "USE TEMP B-TREE" in text:
            found.append(text)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans")
    parser.add_argument("--name", default="")
    args = parser.parse_args()

    statements = [inline(sql, parameters) for sql, parameters in commands(args.log, args.offset)]
    sqlite = Sqlite(args.db, library())
    total = 0.0
    all_flags = []
    sections = []
    for sql in statements:
        elapsed = time_statement(sqlite, sql, args.runs)
        total += elapsed
        text = plan(sqlite, sql)
        all_flags += flags(text)
        sections.append(f"{elapsed:.1f} ms:\n\n```sql\n" + sql.strip() + "\n```\n\n```\n" + text.strip() + "\n```\n")
    if args.plans:
        with open(args.plans, "a", encoding="utf-8") as out:
            out.write(f"\n#### {args.name}\n\n{len(statements)} statement(s), {total:.1f} ms in SQLite.\n\n" + "\n".join(sections))
    summary = "; ".join(sorted(set(all_flags))) or "ok"
    print(f"FLOOR {total:.1f} {len(statements)} {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
