"""Starts a headless LibreOffice and opens a workbook through UNO (shared by
the scripts that drive Calc). Needs Debian's libreoffice-calc-nogui."""
import contextlib, os, subprocess, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

@contextlib.contextmanager
def opened(path):
    """Yields the document of `path`, opened hidden in a private LibreOffice."""
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
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                           (prop("Hidden", True),))
        try:
            yield doc
        finally:
            doc.close(True)
    finally:
        office.terminate()
        office.wait()

def store(doc, path, filter_name, *extra):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", filter_name),) + extra)
