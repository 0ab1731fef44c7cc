#!/usr/bin/env python3
"""The raw-SQL floor of one app request: the exact statements the app ran, replayed in the sqlite3 shell.

    python3 tests/perf/sql-floor.py --db DB --log LOG.json --offset BYTES [--runs 5] [--plans PLANS.md --name NAME]

Reads the app's JSON log (Serilog, one event per line) from byte BYTES on: every "Executed DbCommand" event there
(the app logs them when started with Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=
Information and Database__LogParameterValues=true). Each statement gets its parameter values put back in as literals
and is timed in `sqlite3` (`.timer on`, the mean of --runs runs after one warm-up). Prints one line:

    FLOOR <sum of medians, ms> <statements> <plan flags or ok>

and appends the statements' EXPLAIN QUERY PLAN to --plans under a heading --name. A plan flag is a full scan of a
table or index ("SCAN Events", "SCAN e USING COVERING INDEX ...") or a temporary B-tree for ORDER BY / DISTINCT /
GROUP BY: the reads issue 12 wants gone.
"""
import argparse
import json
import re
import statistics
import subprocess
import sys

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


def shell(db, script):
    return subprocess.run(["sqlite3", "-bail", db], input=script, capture_output=True, text=True, timeout=300)


def time_statement(db, sql, runs):
    # Rows go to /dev/null so printing them is not timed; the timer's lines go to stderr. The shell prints whole
    # milliseconds, so the mean of the runs (after one warm-up) is taken rather than the median.
    script = ".timer on\n.output /dev/null\n" + "\n".join([sql.rstrip().rstrip(";") + ";"] * (runs + 1)) + "\n"
    result = shell(db, script)
    times = [float(t) * 1000 for t in TIMER.findall(result.stderr + result.stdout)]
    if len(times) < 2:
        raise SystemExit(f"sqlite3 could not run a statement: {result.stderr.strip()[:300]}\n{sql[:300]}")
    return statistics.mean(times[1:])


def plan(db, sql):
    return shell(db, "EXPLAIN QUERY PLAN " + sql.rstrip().rstrip(";") + ";\n").stdout


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
    total = 0.0
    all_flags = []
    sections = []
    for sql in statements:
        elapsed = time_statement(args.db, sql, args.runs)
        total += elapsed
        text = plan(args.db, sql)
        all_flags += flags(text)
        sections.append(f"{elapsed:.1f} ms:\n\n```sql\n" + sql.strip() + "\n```\n\n```\n" + text.strip() + "\n```\n")
    if args.plans:
        with open(args.plans, "a", encoding="utf-8") as out:
            out.write(f"\n#### {args.name}\n\n{len(statements)} statement(s), {total:.1f} ms in sqlite3.\n\n" + "\n".join(sections))
    summary = "; ".join(sorted(set(all_flags))) or "ok"
    print(f"FLOOR {total:.1f} {len(statements)} {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
