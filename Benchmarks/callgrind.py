#!/usr/bin/env python3
"""flowscan's instruction counts per record, by stage, under `valgrind --tool=callgrind` (--jobs 1).

Instruction counts repeat on a noisy, shared machine where wall times do not. On a benchmark set
(what benchmark.py generates) it runs the report (`--output json`, like benchmark.py) three times:

  whole     the whole process on the set's first 10 files (start-up, the prefix file, the report);
  reader    the same run counted only inside the file reader (`--toggle-collect` on its entry
            function, FlowLogFileReader's private read(_:into:sink:…), specialised for the sink);
  marginal  (whole on 20 files − whole on 10 files) / (records of 20 − records of 10): what one
            more record costs, with the fixed costs (the prefix table, dynamic linking, the
            report) taken out.

and splits each by stage from inclusive counts read from callgrind's output file (what
`callgrind_annotate --inclusive=yes` sums): the reader's own code (its line closure included) is
attributed by the source file each instruction came from (inlined code keeps its file), and each
call it makes counts whole (callee and everything below it) for the stage of the callee:

  inflate    DecodingReader, GzipInflater and zlib (the CRC-32 taken out)
  crc32      czlib_crc32 (carry-less multiplication), or zlib's crc32 where that is what runs
  line split LineSplitter and memchr
  parse      Records/ (RecordParser, LineWord, FlowRecord, …)
  aggregate  Analysis/ (the sink: ScopedTraffic, TrafficAggregator, FastMap, …)
  rest       the reader's own bookkeeping (FileSummary, counting) and, for `whole`, everything
             outside the reader (start-up, the prefix file, the report)

Usage: python3 Benchmarks/callgrind.py [--data DIR] [--format default|v5] [--binary FLOWSCAN] [--files 10]
       python3 Benchmarks/callgrind.py --set DIR            # any set laid out as benchmark.py's
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks", "data")

# The reader's entry function: FlowLogFileReader.read(_ reader:into:sink:progress:next:rawBytesRead:)
# specialised for the report's sink (`…RzlF` ends the generic signature, `AA…V_Tg5` names the sink).
# Its closures (`…RzlFySW_…fU0_`, the per-line handler) do not match, so the toggle is not undone inside.
READER_ENTRY = "$s8FlowLogs0A13LogFileReaderV4read33_*RzlFAA*"
# Functions that are the reader's own code (entry and closures): their lines are split by source file.
READER_OWN = "LogFileReaderV4read"

STAGES = ["inflate", "crc32", "line split", "parse", "aggregate", "rest"]
CRC = re.compile(r"^(czlib_crc32|crc32|crc32_z)$")
# A call from the reader's own code counts for the stage of its callee (first match wins).
# Aggregation before parsing: a sink's mangled name holds its argument types (`consume(_:)` takes
# a RecordParser), while the parser's functions never name an aggregation type.
CALLEES = [
    ("crc32", re.compile(r"^(czlib_crc32|crc32|crc32_z)$")),
    ("inflate", re.compile(r"GzipInflater|DecodingReader|PipelinedChunks|^inflate|^zlib")),
    ("line split", re.compile(r"LineSplitter|memchr")),
    ("aggregate", re.compile(r"ScopedTraffic|ScopeUnit|TrafficAggregator|FastMap|EastWest|Tally|RecordSink")),
    ("parse", re.compile(r"RecordParser|LineWord|ColumnMemo|FlowRecord|CSVLine|LinePrefix|IPAddress")),
]
# The reader's own lines (and calls no callee rule claims) count for the stage of their source file.
FILES = [
    ("inflate", re.compile(r"Input/(DecodingReader|GzipInflater|PipelinedChunks)")),
    ("line split", re.compile(r"Input/LineSplitter")),
    ("parse", re.compile(r"/Records/|IPAddress")),
    ("aggregate", re.compile(r"/Analysis/")),
]


def stage_of(patterns, name):
    return next((stage for stage, pattern in patterns if pattern.search(name)), None)


def read_profile(path):
    """Parses a callgrind output file (one part, event Ir, positions line).

    Returns (total, per-stage counts of the reader, crc32 inclusive, reader inclusive): the reader's
    own lines by source file, each call out of the reader whole by its callee; CRC-32 counted
    wherever it is called from (so it can be taken out of inflate, which calls it).
    """
    names = {"fl": {}, "fn": {}, "ob": {}}
    kinds = {"fl": "fl", "fi": "fl", "fe": "fl", "cfi": "fl", "cfl": "fl", "fn": "fn", "cfn": "fn", "ob": "ob", "cob": "ob"}

    def name(kind, text):
        match = re.match(r"\((\d+)\)(?: (.*))?$", text)
        if not match:
            return text
        table = names[kinds[kind]]
        if match.group(2) is not None:
            table[match.group(1)] = match.group(2)
        return table.get(match.group(1), "")

    stages = {stage: 0 for stage in STAGES}
    total = crc = reader_calls = 0
    source = file = function = callee = ""
    in_call = False
    with open(path, errors="replace") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                continue
            first = line[0]
            if first.isdigit() or first in "+-*":
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                caller_is_reader = READER_OWN in function
                if in_call:
                    in_call = False
                    callee_is_reader = READER_OWN in callee
                    if CRC.match(callee) and not CRC.match(function):
                        crc += cost
                    if callee_is_reader and not caller_is_reader:
                        reader_calls += cost
                    if caller_is_reader and not callee_is_reader:
                        stage = stage_of(CALLEES, callee) or stage_of(FILES, file) or "rest"
                        stages[stage] += cost
                    continue
                total += cost
                if caller_is_reader:
                    stages[stage_of(FILES, file) or "rest"] += cost
                continue
            key, _, value = line.partition("=")
            if key == "fl":
                source = file = name(key, value)
            elif key in ("fi", "fe"):
                file = name(key, value)  # inlined code: its own source file until the next fi/fe/fn
            elif key == "fn":
                function = name(key, value)
                file = source
            elif key == "cfn":
                callee = name(key, value)
            elif key in ("cfi", "cfl", "ob", "cob"):
                name(key, value)
            elif key == "calls":
                in_call = True
    # The CRC is called from inside the inflate stage (GzipInflater): take it out of there.
    stages["crc32"] += crc
    stages["inflate"] -= crc
    return total, stages, crc, reader_calls


def callgrind(flowscan, files, prefixes, out, toggle=None):
    """Runs the report on `files` under callgrind with --jobs 1; returns the output file's path."""
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    if toggle:
        command.append(f"--toggle-collect={toggle}")
    command += [flowscan] + files + ["--prefixes", prefixes, "--jobs", "1", "--output", "json", "--no-progress"]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 2):
        sys.exit(f"callgrind run failed ({result.returncode}): {result.stderr[-2000:]}")
    return out


def annotate_total(out):
    """callgrind_annotate's PROGRAM TOTALS, to check the parser against."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", out], capture_output=True, text=True).stdout
    match = re.search(r"^([\d,]+)\s.*PROGRAM TOTALS", text, re.M)
    return int(match.group(1).replace(",", "")) if match else None


def records_in(flowscan, files):
    inspect = json.loads(subprocess.run([flowscan, "inspect"] + files + ["--output", "json", "--no-progress"],
                                        capture_output=True, check=True).stdout)
    return sum(f["records"] for f in inspect["files"])


def measure(flowscan, files, prefixes, scratch, count=10, reader_entry=READER_ENTRY):
    """Instructions per record of `flowscan` on files[:count] (and files[:2 × count] for the marginal).

    Returns {"records": …, "whole": {stage: per record, …, "total": …}, "reader": {…}, "marginal": {…}}.
    """
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        return None
    os.makedirs(scratch, exist_ok=True)
    few, more = files[:count], files[:2 * count]
    records_few, records_more = records_in(flowscan, few), records_in(flowscan, more)
    runs = {}
    for label, subset, toggle in [("whole", few, None), ("reader", few, reader_entry), ("more", more, None)]:
        out = callgrind(flowscan, subset, prefixes, os.path.join(scratch, f"callgrind.{label}.out"), toggle)
        total, stages, _, reader = read_profile(out)
        checked = annotate_total(out)
        if checked is not None and checked != total:
            print(f"  note: callgrind_annotate totals {checked:,}, the parser {total:,} ({label})", file=sys.stderr)
        if label != "reader":
            stages["rest"] += total - reader  # outside the reader: start-up, the prefix file, the report
        elif total == 0:
            sys.exit(f"--toggle-collect={reader_entry} counted nothing: the reader's entry function was renamed "
                     "(find it with callgrind_annotate --inclusive=yes; pass --reader-function)")
        runs[label] = (total, stages)
    figures = {"records": records_few, "records_more": records_more, "files": len(few), "files_more": len(more)}
    for label in ("whole", "reader"):
        total, stages = runs[label]
        figures[label] = {stage: stages[stage] / records_few for stage in STAGES} | {"total": total / records_few}
    delta = records_more - records_few
    if delta > 0:
        (total_few, few_stages), (total_more, more_stages) = runs["whole"], runs["more"]
        figures["marginal"] = {stage: (more_stages[stage] - few_stages[stage]) / delta for stage in STAGES}
        figures["marginal"]["total"] = (total_more - total_few) / delta
    return figures


def print_table(figures, title):
    if figures is None:
        print("\ncallgrind: valgrind not installed (apt-get install valgrind): skipped")
        return
    columns = [c for c in ("whole", "reader", "marginal") if c in figures]
    print(f"\ninstructions per record, {title} (callgrind, --jobs 1; whole and reader: {figures['files']} files, "
          f"{figures['records']:,} records; marginal: {figures['files_more']} − {figures['files']} files, "
          f"{figures['records_more'] - figures['records']:,} records):")
    print(f"  {'stage':<12}" + "".join(f"{c:>10}" for c in columns))
    for stage in STAGES + ["total"]:
        print(f"  {stage:<12}" + "".join(f"{figures[c][stage]:>10,.0f}" for c in columns))


def main():
    import benchmark  # the sets' layout (benchmark.py imports this file for --callgrind)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=DATA, help="where benchmark.py's sets are (default Benchmarks/data)")
    parser.add_argument("--format", default="default", help="the set: default or v5 (a comma list runs each)")
    parser.add_argument("--set", help="a set's folder (with AWSLogs/) instead of --data and --format")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "flowscan"))
    parser.add_argument("--files", type=int, default=10, help="files for whole and reader (twice as many for the marginal)")
    parser.add_argument("--reader-function", default=READER_ENTRY, help="the --toggle-collect pattern of the reader's entry")
    args = parser.parse_args()
    sets = [(args.set, os.path.basename(args.set.rstrip("/")))] if args.set else \
        [(benchmark.set_directory(args.data, fmt), fmt + " format") for fmt in args.format.split(",")]
    for directory, title in sets:
        files = benchmark.log_files(directory)
        if len(files) < 2 * args.files:
            sys.exit(f"{directory}: {len(files)} files, {2 * args.files} needed (generate it with benchmark.py)")
        figures = measure(args.binary, files, benchmark.prefixes_for(directory), os.path.join(directory, "callgrind"),
                          args.files, args.reader_function)
        print_table(figures, title)


if __name__ == "__main__":
    main()
