#!/usr/bin/python3
"""Writes the password-protected .xls of the hostile corpus with LibreOffice
Calc (password « secret »): tests/corpus/chiffre.xls. The encrypted .xlsx
comes from msoffcrypto-tool (PyPI), as LibreOffice does not encrypt OOXML:

    /usr/bin/python3 scripts/corpus-chiffre.py fixtures/soumissions/mnf.xlsx tests/corpus
    pip install msoffcrypto-tool
    msoffcrypto-tool -e -p secret fixtures/soumissions/mnf.xlsx tests/corpus/chiffre.xlsx
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc_uno import opened, prop, store

def main(source, folder):
    with opened(source) as doc:
        store(doc, os.path.join(folder, "chiffre.xls"), "MS Excel 97", prop("Password", "secret"))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
