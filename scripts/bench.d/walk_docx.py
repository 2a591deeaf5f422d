#!/usr/bin/env python3
"""The baseline of scripts/bench: python-docx opening every .docx listed in
FILE (one path a line) and walking every paragraph and every table cell,
nested tables included -- the least any reader must do before it can look
for a single field. Prints how many documents and characters it saw on
stderr, so the walk is not dead code."""

import sys

from docx import Document


def walk_table(table):
    seen = 0
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                seen += len(paragraph.text)
            for nested in cell.tables:
                seen += walk_table(nested)
    return seen


def main():
    with open(sys.argv[1], encoding="utf-8") as listing:
        paths = [line.rstrip("\n") for line in listing if line.strip()]
    characters = 0
    for path in paths:
        document = Document(path)
        for paragraph in document.paragraphs:
            characters += len(paragraph.text)
        for table in document.tables:
            characters += walk_table(table)
    print(f"{len(paths)} documents, {characters} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
