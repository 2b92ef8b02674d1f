#!/usr/bin/python3
"""Fills a blank template the way a respondent would, in LibreOffice Calc
(typing into cells through UNO), then saves it as .xlsx and .ods.

    /usr/bin/python3 scripts/remplir-avec-libreoffice.py modele.xlsx rempli
      -> rempli.xlsx, rempli.ods

Needs Debian's libreoffice-calc-nogui (python3-uno comes with it).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc_uno import opened, store

def main(template, stem):
    with opened(template) as doc:
        fill(doc)
        store(doc, stem + ".xlsx", "Calc MS Excel 2007 XML")
        store(doc, stem + ".ods", "calc8")

def fill(doc):
    sheets = doc.Sheets
    def typed(sheet, ref, text):
        sheets.getByName(sheet).getCellRangeByName(ref).setFormula(text)
    org = [("B2", "Commission fictive des routes"), ("B3", "cfr"), ("B4", "Administration publique"),
           ("B5", "2024"), ("B6", "Oui"), ("B7", "1 250"), ("B8", "800"),
           ("B9", "Léa Gagnon"), ("B10", "lea.gagnon@cfr.gouv.qc.ca")]
    for ref, text in org:
        typed("Organisation", ref, text)
    services = [
        ["S1", "Permis de circulation", "Oui", "Oui", "Oui", "Ateliers", "Oui", "Oui", "Oui", "Oui", "Non", "8000", "10000"],
        ["S2", "Signalement d'un nid-de-poule", "Oui", "Non", "", "", "Non", "Non", "", "Non", "", "ND", "ND"],
        ["S3", "Demande d'indemnité", "Non", "", "", "", "", "", "", "", "", "", ""],
    ]
    for r, row in enumerate(services, start=2):
        for c, text in enumerate(row):
            if text:
                typed("Services", "%s%d" % (chr(ord("A") + c), r), text)
    typed("Services", "N3", "Le nombre d'utilisations n'est pas mesuré.")
    for r, row in enumerate([["C1", "Plan de mobilité", "2023-04-01", "Oui", "Oui", "Oui"],
                             ["C2", "Sécurité routière", "2024-02-15", "Oui", "Non", ""]], start=2):
        for c, text in enumerate(row):
            if text:
                typed("Consultations", "%s%d" % (chr(ord("A") + c), r), text)
    for c, text in enumerate(["I1", "Portail des permis", "Oui", "Terminée", "2022-11-30"]):
        typed("Initiatives", "%s2" % chr(ord("A") + c), text)
    statuses = ["Sans papier de bout en bout"] * 7 + ["Partiellement sans papier"] * 3 + ["Inexistant"] * 2
    for r, status in enumerate(statuses, start=2):
        typed("Processus", "C%d" % r, status)
    for r, row in enumerate([["D1", "Débits de circulation", "72,5", "40", "Oui", "https://www.donneesquebec.ca/recherche/dataset/debits"],
                             ["D2", "Chantiers", "55", "", "Non", ""]], start=2):
        for c, text in enumerate(row):
            if text:
                typed("Données", "%s%d" % (chr(ord("A") + c), r), text)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
