#!/usr/bin/env python3
"""flowscan's benchmark: speed and memory against zcat, a bare zlib inflate and DuckDB.

Generates a realistic S3-layout set of synthetic flow logs with flowscan's own generator
(~1 GB uncompressed in ~500 gzip files by default), then runs on the same files, in one go:

  - the full flowscan report (--output json) on all cores and on one core,
  - flowscan inspect on one core (the reader alone),
  - zcat of every file to /dev/null (single-threaded),
  - a bare zlib inflate of every file spread over the cores (flowscan-bench inflate),
  - DuckDB (when `import duckdb` works: pip install duckdb) computing the NAT bytes per
    service from the same files with a range join on the prefixes, checked against flowscan,
  - the report and the reader on the same logs as plain text,
  - pre-aggregation (issue 15): the query `flowscan sql --engine duckdb` prints, run by DuckDB
    over the set (one query per flow log), its rows out / records in, and the report
    on the rows, checked equal to the report on the logs (when duckdb is installed).

It prints wall time (best of --runs), uncompressed MB/s, records/s and peak RSS for each,
the load average, and the ratios the README quotes. Speed is never asserted: the machine is
shared and noisy, so compare two builds with Benchmarks/compare.py (interleaved runs, ratios).

Two sets, one folder each under --data (default Benchmarks/data, git-ignored), generated once:
  v5       (--format v5, the default): long lines, 500 files of 2,200 connections (~5.8 M lines)
  default  (--format default): issue 13's held-out-like set of short default-format lines,
           576 files of 3,100 connections (~9.5 M records)
--format default,v5 runs both in one go; --minutes and --connections override the set's size.

With --callgrind it also prints instructions per record by stage (Benchmarks/callgrind.py:
whole process and reader only on the first 10 files, marginal from 20 − 10, all with --jobs 1);
--callgrind-only prints just those.

Usage: python3 Benchmarks/benchmark.py [--format v5|default|both|default,v5] [--data DIR] [--runs 3]
                                       [--callgrind | --callgrind-only] [--no-duckdb] [--no-build]
                                       [--minutes N] [--connections N] [--binary FLOWSCAN]
       python3 Benchmarks/benchmark.py --memory   # 10 GB, a million internet hosts: peak RSS
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import callgrind

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks", "data")
RELEASE = os.path.join(ROOT, ".build", "release")
REAL_PREFIXES = os.path.join(os.path.dirname(ROOT), "shared", "realdata", "ip-ranges", "ip-ranges-2026-08-22.json")


# A child's ru_maxrss counts the memory of the process it was forked from (this Python) until it
# execs, so peak RSS comes from GNU time, which forks the command from a small process, when installed.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(command, stdout=subprocess.DEVNULL, env=None):
    """Runs a command; returns (wall seconds, peak RSS in MB, exit status, CPU seconds: user + system)."""
    rss_file = os.path.join(tempfile.gettempdir(), f"flowscan-bench-peak-rss-{os.getpid()}")
    if GNU_TIME:
        command = [GNU_TIME, "-f", "%M", "-o", rss_file] + command
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.stderr.close()
    peak = usage.ru_maxrss / 1024
    if GNU_TIME:
        with open(rss_file) as lines:
            peak = int(lines.read().split()[-1]) / 1024
    return seconds, peak, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def best(command, runs, **kwargs):
    results = [run(command, **kwargs) for _ in range(runs)]
    for _, _, status, _ in results:
        if status not in (0, 2):
            sys.exit(f"failed ({status}): {' '.join(command)}")
    return min(r[0] for r in results), max(r[1] for r in results), min(r[3] for r in results)


def generate(directory, args, flowscan):
    stamp = os.path.join(directory, "parameters.json")
    parameters = {"minutes": args.minutes, "connections": args.connections, "hosts": args.internet_hosts,
                  "format": args.format, "seed": 17}
    if os.path.exists(stamp) and json.load(open(stamp)) == parameters:
        return
    shutil.rmtree(directory, ignore_errors=True)
    print(f"generating {args.minutes // 5} files ({args.connections} connections each) in {directory} …", flush=True)
    subprocess.run([flowscan, "generate", directory, "--minutes", str(args.minutes),
                    "--connections", str(args.connections), "--internet-hosts", str(args.internet_hosts),
                    "--format", args.format, "--seed", "17"], check=True)
    json.dump(parameters, open(stamp, "w"))


def log_files(directory):
    found = []
    for folder, _, names in os.walk(os.path.join(directory, "AWSLogs")):
        found += [os.path.join(folder, name) for name in names if name.endswith(".log.gz")]
    return sorted(found)


def plain_copy(files, directory):
    """The same logs as plain text (for the plain-text figures)."""
    target = os.path.join(directory, "plain")
    if os.path.isdir(target) and len(os.listdir(target)) == len(files):
        return target
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    for path in files:
        with gzip.open(path, "rb") as source, open(os.path.join(target, os.path.basename(path)[:-3]), "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    return target


DUCKDB_QUERY = """
WITH legs AS (
  -- The instance-to-NAT legs on the NAT gateways' interfaces (pkt-* name the public peer):
  -- upload on the way in, download on the way back, each byte once.
  SELECT "pkt-dstaddr" AS peer, bytes FROM flows
   WHERE action = 'ACCEPT' AND "log-status" = 'OK' AND dstaddr IN (SELECT ip FROM nat) AND "pkt-dstaddr" <> dstaddr
  UNION ALL
  SELECT "pkt-srcaddr" AS peer, bytes FROM flows
   WHERE action = 'ACCEPT' AND "log-status" = 'OK' AND srcaddr IN (SELECT ip FROM nat) AND "pkt-srcaddr" <> srcaddr
),
by_peer AS (
  SELECT peer, sum(bytes) AS bytes,
         (split_part(peer, '.', 1)::BIGINT << 24) + (split_part(peer, '.', 2)::BIGINT << 16)
         + (split_part(peer, '.', 3)::BIGINT << 8) + split_part(peer, '.', 4)::BIGINT AS n
    FROM legs WHERE peer NOT LIKE '%:%' GROUP BY peer
),
matched AS (
  -- Range join on the prefixes; longest prefix wins, then S3, DYNAMODB, others, EC2, AMAZON.
  SELECT b.peer, b.bytes, p.service, p.region,
         row_number() OVER (PARTITION BY b.peer ORDER BY p.len DESC,
           CASE p.service WHEN 'S3' THEN 0 WHEN 'DYNAMODB' THEN 1 WHEN 'EC2' THEN 3 WHEN 'AMAZON' THEN 4 ELSE 2 END,
           p.service) AS pick
    FROM by_peer b LEFT JOIN prefixes p ON p.bucket = b.n >> 16 AND b.n BETWEEN p.first AND p.last
)
SELECT coalesce(service, 'INTERNET') AS service, coalesce(region, '-') AS region, sum(bytes) AS bytes
  FROM matched WHERE pick = 1 GROUP BY ALL ORDER BY ALL
"""


# The default format has no pkt-* fields: the NAT-to-internet legs name the public peer in
# srcaddr/dstaddr (upload to it, download from it), each byte once; the private side is skipped.
DUCKDB_DEFAULT_LEGS = """
WITH legs AS (
  SELECT dstaddr AS peer, bytes FROM flows
   WHERE action = 'ACCEPT' AND "log-status" = 'OK' AND srcaddr IN (SELECT ip FROM nat) AND NOT private(dstaddr)
  UNION ALL
  SELECT srcaddr AS peer, bytes FROM flows
   WHERE action = 'ACCEPT' AND "log-status" = 'OK' AND dstaddr IN (SELECT ip FROM nat) AND NOT private(srcaddr)
),"""


def duckdb_script(files_glob, prefixes_path, nat_ips, default_format=False):
    query = DUCKDB_QUERY
    if default_format:
        query = DUCKDB_DEFAULT_LEGS + query.split("),", 1)[1]
    pkt_types = "" if default_format else ", 'pkt-srcaddr': 'VARCHAR', 'pkt-dstaddr': 'VARCHAR'"
    return f"""
import duckdb, json, ipaddress, sys
connection = duckdb.connect()
connection.execute("SET threads = 2")
connection.execute("SET enable_progress_bar = false")
ranges = json.load(open({prefixes_path!r}))
rows = []
for entry in ranges["prefixes"]:
    network = ipaddress.ip_network(entry["ip_prefix"])
    first, last = int(network.network_address), int(network.broadcast_address)
    # One row per /16 the prefix covers: the join is then a hash join on the /16 and a range check
    # (on the range alone DuckDB merges every peer with every prefix below it: minutes on a set).
    for bucket in range(first >> 16, (last >> 16) + 1):
        rows.append((bucket, first, last, network.prefixlen, entry["service"], entry["region"]))
connection.execute("CREATE TABLE prefixes (bucket BIGINT, first BIGINT, last BIGINT, len INTEGER, service VARCHAR, region VARCHAR)")
# One statement of six lists: executemany inserts row by row (~45 s for 10,668 prefixes here).
connection.execute("INSERT INTO prefixes SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6)", [list(c) for c in zip(*rows)])
connection.execute("CREATE TABLE nat (ip VARCHAR)")
connection.executemany("INSERT INTO nat VALUES (?)", [[ip] for ip in {nat_ips!r}])
connection.execute("CREATE MACRO private(a) AS a LIKE '10.%' OR a LIKE '192.168.%' OR regexp_matches(a, '^172\\.(1[6-9]|2[0-9]|3[01])\\.') "
                   "OR regexp_matches(a, '^100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.') OR a LIKE '%:%'")
connection.execute("CREATE VIEW flows AS SELECT * FROM read_csv({files_glob!r}, delim=' ', header=true, all_varchar=false, "
                   "types={{'bytes': 'UBIGINT', 'srcaddr': 'VARCHAR', 'dstaddr': 'VARCHAR'{pkt_types}}}, nullstr='-')")
result = connection.execute({query!r}).fetchall()
json.dump([[service, region, int(bytes)] for service, region, bytes in result], sys.stdout)
"""


def pre_aggregation(flowscan, directory, inspect, prefixes, report, measure):
    """Runs flowscan's pre-aggregation query in DuckDB per flow log; returns (rows, records, seconds)."""
    # Each result holds one flow log's rows, so it is named as S3 delivery names that flow log's files
    # (ACCOUNT_vpcflowlogs_REGION_fl-ID_…): the report on the rows then knows the flow log, as the
    # report on the logs does from the file names (its scopes' key and flow_logs).
    parts = {}
    for f in inspect["files"]:
        words = os.path.basename(f["path"]).split("_")
        if f["formats"] and len(words) > 4 and words[1] == "vpcflowlogs" and words[3].startswith("fl-"):
            parts.setdefault(words[3], (" ".join(f["formats"][0]), "_".join(words[:4])))
    logs = os.path.join(directory, "AWSLogs")
    results, query_seconds = [], 0.0
    for flow_log, (fields, name) in sorted(parts.items()):
        result = os.path.join(directory, f"{name}_pre-aggregated.csv")
        sql = subprocess.run([flowscan, "sql", "--engine", "duckdb", "--location", os.path.join(logs, "**", f"*_{flow_log}_*.log.gz"),
                              "--format", fields, "--to", result], capture_output=True, check=True, text=True).stdout
        query_seconds += measure(f"DuckDB pre-aggregation ({flow_log})",
                                 [sys.executable, "-c", "import duckdb, sys; duckdb.connect().execute(sys.argv[1])", sql])
        results.append(result)
    rows = sum(sum(1 for line in open(r) if not line.startswith("account_id,")) for r in results)
    records = inspect["totals"]["records"] + inspect["totals"]["nodata"] + inspect["totals"]["skipdata"]
    measure("flowscan report on the rows (all cores)", [flowscan] + results + ["--prefixes", prefixes, "--output", "json", "--no-progress"])
    raw = json.loads(subprocess.run(report, capture_output=True).stdout)
    rows_report = json.loads(subprocess.run([flowscan] + results + ["--prefixes", prefixes, "--output", "json", "--no-progress"],
                                            capture_output=True).stdout)
    # `inputs` lists different files, and each scope's region_source differs in wording only (the rows'
    # region field against the S3 key's). Everything else must be equal.
    unshared = {"region_source"}
    differing = [key for key in raw if key not in ("inputs", "scopes") and raw[key] != rows_report.get(key)]
    if len(raw["scopes"]) != len(rows_report["scopes"]):
        differing.append(f"scopes ({len(raw['scopes'])} against {len(rows_report['scopes'])})")
    # Past their capacity the per-address tables fold their lightest rows (the report says so), and which
    # rows were folded depends on the order and grain of the input: the documented bound, not a mismatch.
    bounded = {"internet_peers", "internet_other_bytes", "rejected", "sources"}
    folded_keys = set()
    for ours, theirs in zip(raw["scopes"], rows_report["scopes"]):
        name = f"{ours['account']}/{ours['region']}/{ours['vpc']}"
        for key in ours:
            if key in unshared or ours[key] == theirs.get(key):
                continue
            folded = ours["exposure"].get("tables_folded")
            if key in ("exposure", "sources") and folded and all(
                    ours["exposure"][k] == theirs["exposure"].get(k) for k in ours["exposure"] if k not in bounded):
                folded_keys.add(key)
            else:
                differing.append(f"{key} of scope {name}")
    if differing:
        sys.exit(f"  MISMATCH between the report on the rows and on the logs: {', '.join(differing)}")
    folded = f"the folded per-address tables ({', '.join(sorted(folded_keys))}), " if folded_keys else ""
    print(f"  the report on the {rows:,} rows equals the report on the {records:,} records: every figure but "
          f"{folded}the inputs and the scopes' region_source")
    return rows, records, query_seconds


# The sets: (minutes, connections) per format. The default format's is the held-out-like set of
# issue 13 (576 files, ~9.5 M short lines); v5's has long lines (500 files, ~5.8 M lines).
SETS = {"v5": (2500, 2200), "default": (2880, 3100), "both": (2500, 2200)}


def set_directory(data, fmt, memory=False):
    """One folder per format, so the v5 and the default-format sets live side by side."""
    return os.path.join(data, "memory" if memory else ("standard" if fmt == "v5" else f"standard-{fmt}"))


def prepare_set(args, fmt, flowscan):
    """Generates the set of `fmt` (unless there) and returns what the runs need."""
    minutes, connections = SETS[fmt]
    parameters = argparse.Namespace(minutes=args.minutes or minutes, connections=args.connections or connections,
                                    internet_hosts=args.internet_hosts, format=fmt)
    directory = set_directory(args.data, fmt, args.memory)
    generate(directory, parameters, flowscan)
    files = log_files(directory)
    return directory, files, prefixes_for(directory)


def prefixes_for(directory):
    """The real ip-ranges.json when shared/ has it, else the one generated with the set."""
    return REAL_PREFIXES if os.path.exists(REAL_PREFIXES) else os.path.join(directory, "ip-ranges.json")


def flowscan_commands(flowscan, directory, prefixes, plain):
    """The flowscan runs of a set: (name, command), the ones compare.py runs with two binaries too."""
    logs = os.path.join(directory, "AWSLogs")
    report = [flowscan, logs, "--prefixes", prefixes, "--output", "json", "--no-progress"]
    return [
        ("flowscan report (all cores)", report),
        ("flowscan report (1 core)", report + ["--jobs", "1"]),
        ("flowscan inspect (1 core)", [flowscan, "inspect", logs, "--output", "json", "--jobs", "1", "--no-progress"]),
        ("flowscan report, plain text (all cores)", [flowscan, plain, "--prefixes", prefixes, "--region", "us-east-1",
                                                     "--output", "json", "--no-progress"]),
        ("flowscan inspect, plain text (1 core)", [flowscan, "inspect", plain, "--output", "json", "--jobs", "1", "--no-progress"]),
    ]


def build(args):
    if getattr(args, "binary", None):
        return args.binary
    if not args.no_build:
        print("building (release) …", flush=True)
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(RELEASE, "flowscan")


def formats(text):
    chosen = [fmt.strip() for fmt in text.split(",") if fmt.strip()]
    unknown = [fmt for fmt in chosen if fmt not in SETS]
    if unknown or not chosen:
        sys.exit(f"--format: {', '.join(unknown) or text!r}: use default, v5 or both, or a comma list")
    return chosen


def arguments(description):
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", default="v5", type=formats,
                        help="the sets: v5, default or both (one set of both formats), or a comma list run in one go")
    parser.add_argument("--data", default=DATA, help="where the sets live and are generated (default Benchmarks/data)")
    parser.add_argument("--minutes", type=int, help="minutes of logs, one file per 5 (default: the format's set)")
    parser.add_argument("--connections", type=int, help="connections per file (default: the format's set)")
    parser.add_argument("--internet-hosts", type=int, default=5000, help="distinct internet hosts")
    parser.add_argument("--runs", type=int, default=3, help="runs per command (best is kept)")
    parser.add_argument("--no-build", action="store_true", help="use .build/release as it is")
    return parser


def main():
    parser = arguments(__doc__)
    parser.add_argument("--callgrind", action="store_true",
                        help="also count instructions per record by stage (Benchmarks/callgrind.py)")
    parser.add_argument("--callgrind-only", action="store_true", help="only the instruction counts, no wall times")
    parser.add_argument("--no-duckdb", action="store_true", help="skip the DuckDB runs even when duckdb is installed")
    parser.add_argument("--binary", help="measure this flowscan instead of building .build/release/flowscan")
    parser.add_argument("--memory", action="store_true",
                        help="10 GB with a million internet hosts: flowscan's peak RSS only")
    args = parser.parse_args()
    if args.memory:
        args.format, args.minutes, args.connections, args.internet_hosts, args.runs = ["v5"], 10_000, 4_000, 1_000_000, 1
    os.makedirs(args.data, exist_ok=True)
    flowscan = build(args)
    summaries = []
    for fmt in args.format:
        directory, files, prefixes = prepare_set(args, fmt, flowscan)
        print(f"\n== {fmt} format: {directory}")
        if args.callgrind_only:
            callgrind.print_table(callgrind.measure(flowscan, files, prefixes, os.path.join(directory, "callgrind")), f"{fmt} format")
            continue
        ratios = run_set(args, fmt, flowscan, directory, files, prefixes)
        if args.callgrind:
            counts = callgrind.measure(flowscan, files, prefixes, os.path.join(directory, "callgrind"))
            callgrind.print_table(counts, f"{fmt} format")
        summaries.append((fmt, ratios))
    if len(summaries) > 1:
        print("\nratios of each set (wall time):")
        for fmt, ratios in summaries:
            print(f"  {fmt:<8} " + ", ".join(f"{name} {value}" for name, value in ratios))


def run_set(args, fmt, flowscan, directory, files, prefixes):
    """The wall-time runs on one set; returns the headline ratios [(name, text)]."""
    logs = os.path.join(directory, "AWSLogs")
    cores = os.cpu_count() or 1
    inspect = json.loads(subprocess.run([flowscan, "inspect", logs, "--output", "json"], capture_output=True, check=True).stdout)
    megabytes = inspect["totals"]["decoded_bytes"] / 1e6
    lines = sum(f["records"] + f["nodata"] + f["skipdata"] + f["malformed"] + f["headers"] for f in inspect["files"])
    print(f"{len(files)} files, {megabytes:,.0f} MB uncompressed, {inspect['totals']['input_bytes'] / 1e6:,.0f} MB gzip, "
          f"{lines:,} lines; prefixes {os.path.relpath(prefixes, ROOT)}; {cores} cores; load average "
          f"{', '.join(f'{load:.2f}' for load in os.getloadavg())}\n")

    table = []

    def measure(name, command, **kwargs):
        seconds, rss, cpu = best(command, 1 if "stdout" in kwargs else args.runs, **kwargs)
        table.append((name, seconds, rss, cpu))
        print(f"  {name:<40} {seconds:7.2f} s  {megabytes / seconds:6.0f} MB/s  {lines / seconds / 1e6:5.2f} M lines/s"
              f"  {rss:7.1f} MB peak RSS  {cpu:7.2f} s CPU", flush=True)
        return seconds

    plain = plain_copy(files, directory) if not args.memory else None
    commands = dict(flowscan_commands(flowscan, directory, prefixes, plain or logs))
    report = commands["flowscan report (all cores)"]
    if args.memory:
        measure("flowscan report (all cores)", report)
        return [("peak RSS", f"{table[0][2]:.1f} MB")]
    report_all = measure("flowscan report (all cores)", report)
    measure("flowscan report (1 core)", commands["flowscan report (1 core)"])
    measure("flowscan inspect (1 core)", commands["flowscan inspect (1 core)"])
    zcat = measure("zcat > /dev/null (1 core)", ["zcat"] + files)
    inflate_all = measure(f"bare zlib inflate ({cores} threads)", [os.path.join(RELEASE, "flowscan-bench"), "inflate", "--jobs", str(cores), logs])
    measure("bare zlib inflate (1 thread)", [os.path.join(RELEASE, "flowscan-bench"), "inflate", "--jobs", "1", logs])
    duckdb_seconds = None
    # Checked in a child: importing DuckDB here would grow this process.
    has_duckdb = not args.no_duckdb and subprocess.run([sys.executable, "-c", "import duckdb"], capture_output=True).returncode == 0
    if not has_duckdb:
        print("  DuckDB: " + ("--no-duckdb" if args.no_duckdb else "not installed (pip install duckdb)") + ": skipped")
    if has_duckdb:
        flowscan_json = json.loads(subprocess.run(report, capture_output=True).stdout)
        # Report schema 2: NAT gateways and destinations are per scope; DuckDB reads every file at once.
        nat_ips = sorted({ip for scope in flowscan_json["scopes"] for gateway in scope["nat_gateways"] for ip in gateway["private_ips"]})
        script = duckdb_script(os.path.join(logs, "**", "*.log.gz"), prefixes, nat_ips, default_format=fmt == "default")
        answer = os.path.join(directory, "duckdb-answer.json")
        with open(answer, "w") as out:
            duckdb_seconds = measure("DuckDB, 2 threads", [sys.executable, "-c", script], stdout=out)
        duck = json.load(open(answer))
        ours = {}
        for scope in flowscan_json["scopes"]:
            for d in scope["destinations"]:
                ours[(d["service"], d["region"])] = ours.get((d["service"], d["region"]), 0) + d["bytes"]
        theirs = {(service, region): value for service, region, value in duck}
        if ours == theirs:
            print(f"  DuckDB's NAT bytes per service equal flowscan's ({len(ours)} service-regions, {sum(ours.values()):,} bytes)")
        else:
            print("  MISMATCH between DuckDB and flowscan:")
            for key in sorted(set(ours) | set(theirs)):
                if ours.get(key) != theirs.get(key):
                    print(f"    {key}: flowscan {ours.get(key)}, DuckDB {theirs.get(key)}")
            sys.exit(1)
    engines = pre_aggregation(flowscan, directory, inspect, prefixes, report, measure) if has_duckdb else None
    plain_report = measure("flowscan report, plain text (all cores)", commands["flowscan report, plain text (all cores)"])
    measure("flowscan inspect, plain text (1 core)", commands["flowscan inspect, plain text (1 core)"])

    target = "0.40" if fmt == "default" else "0.30"
    print("\nratios (wall time, lower is better for flowscan):")
    print(f"  flowscan report / zcat (1 core)           {report_all / zcat:5.2f}   (target ≤ {target})")
    print(f"  flowscan report / bare inflate ({cores} cores)   {report_all / inflate_all:5.2f}   (target ≤ 1.3)")
    if duckdb_seconds:
        print(f"  flowscan report / DuckDB                  {report_all / duckdb_seconds:5.2f}   (target ≤ 0.25)")
    if engines:
        rows_report = next(row[1] for row in table if row[0] == "flowscan report on the rows (all cores)")
        print(f"  pre-aggregation: rows out / records in    {engines[0] / engines[1]:7.4f} ({engines[0]:,} / {engines[1]:,})")
        print(f"  report on the rows / report on the logs   {rows_report / report_all:5.2f}")
    print(f"  plain-text report throughput              {megabytes / plain_report / 1000:5.2f} GB/s (target ≥ 1.5)")
    # CPU time (user + system) moves less than wall time when other work shares the cores.
    cpu = {row[0]: row[3] for row in table}
    print(f"  CPU time: report (1 core) / zcat          {cpu['flowscan report (1 core)'] / cpu['zcat > /dev/null (1 core)']:5.2f}")
    print(f"  load average after the runs               {', '.join(f'{load:.2f}' for load in os.getloadavg())}")
    ratios = [("report/zcat", f"{report_all / zcat:.2f}"), ("plain text", f"{megabytes / plain_report / 1000:.2f} GB/s")]
    if duckdb_seconds:
        ratios.append(("report/DuckDB", f"{report_all / duckdb_seconds:.2f}"))
    return ratios


if __name__ == "__main__":
    main()
