#!/usr/bin/env python3
"""Writes tests/corpus/bombe.xlsx: a real submission whose Services sheet XML
inflates to about 3 GB (a zip bomb), about 3 MB on disk.

    python3 scripts/corpus-bombe.py fixtures/soumissions/mnf.xlsx tests/corpus/bombe.xlsx
"""
import sys, zipfile

source, target = sys.argv[1], sys.argv[2]
row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
chunk = row * (1 << 14)
total = 3 * 1024 ** 3
with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename != "xl/worksheets/sheet4.xml":
            out.writestr(info.filename, data)
            continue
        head, _, tail = data.partition(b"<sheetData>")
        entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        with out.open(entry, "w", force_zip64=True) as sheet:
            sheet.write(head + b"<sheetData>")
            written = 0
            while written < total:
                sheet.write(chunk)
                written += len(chunk)
            sheet.write(b"</sheetData></worksheet>")
