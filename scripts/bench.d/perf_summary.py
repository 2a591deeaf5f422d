#!/usr/bin/env python3
"""Summarises a `perf record -g` profile of `cluster-review review` for
scripts/bench: where the samples fall by library (self time), by pipeline
stage (inclusive time of the frames that own each stage), and the top
functions by self time, demangled with `swift demangle` when available.

usage: perf_summary.py PERF.DATA [TOP]"""

import re
import shutil
import subprocess
import sys

# Stage → patterns on demangled frame names; a stage's share is the sum of
# the largest inclusive share matching each of its patterns. Stages nest as
# indented (extraction is part of loading), so the column does not add up.
STAGES = [
    ("startup: forms/*.yaml (Yams) and registries", [r"FormLibrary\.load\(directory", r"Registries\.load\(directory"]),
    ("load a submission: read + extract", [r"SubmissionLoader\.load\("]),
    ("  open .docx: zip directory, inflate, XML parse, Word model", [r"DocumentReader\.open\(", r"DocumentReader\.read\("]),
    ("  extract fields: layout scan, label matching", [r"Extractor\.extract\(_:scheme:\)"]),
    ("    label keys (LabelText.keys)", [r"LabelText\.keys\("]),
    ("    numbering regex (LabelText.stripNumbering)", [r"LabelText\.stripNumbering\("]),
    ("    NSRegularExpression compiled per call", [r"_createRegexForPattern"]),
    ("check the rules (Reviewer.review)", [r"Reviewer\.review\("]),
    ("write 审核意见.docx (build + zip)", [r"OpinionDocument\.builder\(", r"PackageWriter\.write\("]),
    ("write the marked-up copies", [r"MarkedUpCopy\.write", r"AnnotatedCopy\.write\("]),
    ("write findings.json", [r"SummaryWriter\.findingsJSON"]),
    ("write summary.html", [r"HTMLReport\.render"]),
]


def perf_report(data, *arguments):
    command = ["perf", "report", "-i", data, "--stdio", "-g", "none"] + list(arguments)
    result = subprocess.run(command, capture_output=True, text=True)
    rows = []
    for line in result.stdout.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line)
    return rows


def demangle(names):
    tool = shutil.which("swift")
    if not tool or not names:
        return names
    result = subprocess.run([tool, "demangle", "--simplified"], input="\n".join(names) + "\n", capture_output=True, text=True)
    out = result.stdout.split("\n")
    return out[: len(names)] if len(out) >= len(names) else names


def main():
    data = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12

    print("| library (self time) | share of samples |")
    print("|---|---:|")
    for line in perf_report(data, "--no-children", "--sort", "dso", "--percent-limit", "1")[:10]:
        share, name = line.split(None, 1)
        print(f"| {name.strip()} | {share} |")
    print()

    rows = perf_report(data, "--children", "--sort", "sym", "--percent-limit", "0.2")
    parsed = []
    for line in rows:
        parts = line.split(None, 3)
        if len(parts) == 4 and parts[0].endswith("%"):
            parsed.append((float(parts[0][:-1]), float(parts[1][:-1]), parts[3].strip()))
    names = demangle([name for _, _, name in parsed])
    print("| stage (inclusive) | share of samples |")
    print("|---|---:|")
    for label, patterns in STAGES:
        share = 0.0
        for pattern in patterns:
            regex = re.compile(pattern)
            share += max((children for (children, _, _), name in zip(parsed, names) if regex.search(name)), default=0.0)
        if share > 0:
            print(f"| {label} | {share:.1f} % |")
    print()

    selfs = sorted(zip(parsed, names), key=lambda item: -item[0][1])[:top]
    print("| function (self time) | share |")
    print("|---|---:|")
    for (_, own, _), name in selfs:
        short = name if len(name) <= 100 else name[:97] + "..."
        print(f"| `{short.replace('|', '/')}` | {own:.1f} % |")


if __name__ == "__main__":
    main()
