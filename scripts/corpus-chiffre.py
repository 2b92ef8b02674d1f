#!/usr/bin/python3
"""Writes the password-protected .xls of the hostile corpus with LibreOffice
Calc (password « secret »): tests/corpus/chiffre.xls. The encrypted .xlsx
comes from msoffcrypto-tool (PyPI), as LibreOffice does not encrypt OOXML:

    /usr/bin/python3 scripts/corpus-chiffre.py fixtures/soumissions/mnf.xlsx tests/corpus
    pip install msoffcrypto-tool
    msoffcrypto-tool -e -p secret fixtures/soumissions/mnf.xlsx tests/corpus/chiffre.xlsx
"""
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main(source, folder):
    pipe = "barometre%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                               "--accept=pipe,name=%s;urp;" % pipe])
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        for _ in range(60):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        for name, flt in (("chiffre.xls", "MS Excel 97"),):
            url = uno.systemPathToFileUrl(os.path.abspath(os.path.join(folder, name)))
            doc.storeToURL(url, (prop("FilterName", flt), prop("Password", "secret")))
        doc.close(True)
    finally:
        office.terminate()
        office.wait()

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
