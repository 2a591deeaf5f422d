#!/usr/bin/env python3
"""Writes, for scripts/bench's floor measurement, the XML parts that
cluster-review's reader parses in each .docx listed in LIST — the content
types, the relationships, the main part and its headers, footers and notes —
inflated into OUT/, and prints their paths.

usage: floor_parts.py LIST OUT"""

import os
import re
import sys
import zipfile

READ = re.compile(r"^(\[Content_Types\]\.xml|_rels/\.rels|word/_rels/document\.xml\.rels|"
                  r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml)$")


def main():
    listing, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(listing, encoding="utf-8", errors="surrogateescape") as names:
        paths = [line.rstrip("\n") for line in names if line.strip()]
    for number, path in enumerate(paths):
        with zipfile.ZipFile(path) as archive:
            for index, name in enumerate(n for n in archive.namelist() if READ.match(n)):
                target = os.path.join(out, f"{number:06d}-{index}.xml")
                with open(target, "wb") as part:
                    part.write(archive.read(name))
                print(target)


if __name__ == "__main__":
    main()
