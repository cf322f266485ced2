#!/usr/bin/env python3
"""Peak memory of one report over many scopes (issue 11): a bucket of ACCOUNTS × REGIONS VPCs.

Writes Benchmarks/data/scopes-N/AWSLogs/ACCOUNT/vpcflowlogs/REGION/… with `flowscan generate`
(one run per VPC, its own seed, default format, plain text), each copy's account rewritten in
its paths and in the records' account-id, then runs the report (--output json, all cores) under
GNU time and prints the peak RSS, the scopes and the NAT bytes against the generators' truth.

Usage: python3 Benchmarks/scopes.py [--accounts 50] [--regions 4] [--minutes 60] [--connections 40]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, ".build", "release", "flowscan")
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-1", "ap-northeast-1", "us-east-2", "eu-central-1"]
GENERATED_ACCOUNT = "123456789012"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--regions", type=int, default=4)
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--connections", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    regions = REGIONS[: args.regions]
    scopes = args.accounts * len(regions)
    data = os.path.join(ROOT, "Benchmarks", "data", f"scopes-{scopes}")
    if not os.path.exists(RELEASE):
        subprocess.run(["swift", "build", "-c", "release", "--product", "flowscan"], cwd=ROOT, check=True)
    truth_bytes = 0
    if not os.path.exists(os.path.join(data, "done")):
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)
        scratch = os.path.join(data, "scratch")
        for number in range(args.accounts):
            account = f"{100000000000 + number:012d}"
            for index, region in enumerate(regions):
                shutil.rmtree(scratch, ignore_errors=True)
                subprocess.run([RELEASE, "generate", scratch, "--seed", str(1 + number * 16 + index), "--minutes", str(args.minutes),
                                "--connections", str(args.connections), "--format", "default", "--region", region, "--plain"],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                with open(os.path.join(scratch, "expected.json")) as file:
                    truth_bytes += json.load(file)["nat_bytes"]
                if number == 0 and index == 0:
                    shutil.copy(os.path.join(scratch, "ip-ranges.json"), os.path.join(data, "ip-ranges.json"))
                for folder, _, names in os.walk(os.path.join(scratch, "AWSLogs")):
                    for name in names:
                        source = os.path.join(folder, name)
                        target = os.path.join(data, os.path.relpath(source, scratch).replace(GENERATED_ACCOUNT, account))
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        with open(source) as reader, open(target, "w") as writer:
                            writer.write(reader.read().replace(" " + GENERATED_ACCOUNT + " ", " " + account + " "))
        shutil.rmtree(scratch, ignore_errors=True)
        with open(os.path.join(data, "done"), "w") as file:
            file.write(str(truth_bytes))
    with open(os.path.join(data, "done")) as file:
        truth_bytes = int(file.read())
    command = ["/usr/bin/time", "-v", RELEASE, os.path.join(data, "AWSLogs"), "--prefixes", os.path.join(data, "ip-ranges.json"),
               "--output", "json", "--no-file-list"]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 2):
        sys.exit(f"flowscan exited {result.returncode}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    peak = next(line for line in result.stderr.splitlines() if "Maximum resident set size" in line)
    wall = next(line for line in result.stderr.splitlines() if "Elapsed (wall clock)" in line)
    files = report["inputs"]["totals"]["files"]
    records = report["inputs"]["totals"]["records"]
    print(f"{len(report['scopes'])} scopes ({args.accounts} accounts × {len(regions)} regions), {files} files, {records} records")
    print(f"estate NAT bytes {report['estate']['nat']['bytes']} (generators' truth {truth_bytes})")
    print(f"peak RSS {int(peak.split()[-1]) / 1024:.1f} MB; {wall.strip()}")


if __name__ == "__main__":
    main()
