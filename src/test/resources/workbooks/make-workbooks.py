#!/usr/bin/python3
"""Makes the real-tool workbooks the table tests read (run with Debian's python3-openpyxl and LibreOffice):

  openpyxl-hostile.drl.xlsx     written by openpyxl: a formula with no saved value in a data cell, a formula pointing
                                into an extra sheet, merged fact cells, an extra 'Lookup' sheet and a hidden sheet
  libreoffice-hostile.drl.xlsx  the same workbook opened and saved by LibreOffice Calc (formulas now have values)
  libreoffice-clean.drl.xlsx    a clean table (merged fact cells, numbers, a Tests sheet) saved by LibreOffice Calc

Re-run:  cd src/test/resources/workbooks && /usr/bin/python3 make-workbooks.py
"""
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook

HEADER = [
    ["RuleSet", "nbo.real"],
    ["Import", "io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"],
    ["Variables", "io.nbo.rules.vocabulary.Offers offers"],
    ["Notes", "A table saved by a real spreadsheet program"],
    [],
    ["RuleTable Real"],
    ["NAME", "CONDITION", "CONDITION", "CONDITION", "ACTION"],
    ["", "Customer", "", "Context", ""],
    ["", 'likesCategory("$param")', "age >= $1, age <= $2", 'touchpoint == "$param"', 'offers.eligible("$param");'],
    ["Rule", "Category", "Age from, to", "Touchpoint", "Make eligible"],
]
ROWS = [
    ["Coffee lovers on the web", "coffee", "18, 29", "web", "COFFEE-AM"],
    ["Electronics fans", "electronics", "", "", "ELEC-10"],
    ["Families", "", "30, 49", "", "HB-FAMILY-30"],
]
TESTS = [["Tests"], ["Test", "Age", "Categories", "Touchpoint", "Expect eligible"],
         ["Young coffee lover on the web", 20, "coffee", "web", "COFFEE-AM"]]


def table(ws, rows):
    for r, row in enumerate(HEADER + rows, start=1):
        for c, value in enumerate(row, start=1):
            if value != "":
                ws.cell(row=r, column=c, value=value)
    ws.merge_cells("B8:C8")  # the fact over two CONDITION columns, as Drools documents


def hostile():
    wb = Workbook()
    ws = wb.active
    ws.title = "Offers"
    rows = [list(r) for r in ROWS]
    rows[1][1] = '="electron"&"ics"'            # a formula openpyxl saves without a value
    rows[2][4] = "=Lookup!A1"                     # a formula reading another sheet
    table(ws, rows)
    lookup = wb.create_sheet("Lookup")
    lookup["A1"] = 'HB-FAMILY-30"); System.exit(1); offers.eligible("HB-FAMILY-30'
    secret = wb.create_sheet("Secret")
    secret["A1"] = "Queries"
    secret["B1"] = "query q() end"
    secret.sheet_state = "hidden"
    return wb


def clean():
    wb = Workbook()
    ws = wb.active
    ws.title = "Offers"
    table(ws, [list(r) for r in ROWS])
    tests = wb.create_sheet("Tests")
    for r, row in enumerate(TESTS, start=1):
        for c, value in enumerate(row, start=1):
            tests.cell(row=r, column=c, value=value)
    return wb


def through_libreoffice(src, target):
    out = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                    out, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.move(os.path.join(out, os.path.basename(src)), target)
    shutil.rmtree(out)


hostile().save("openpyxl-hostile.drl.xlsx")
tmp = tempfile.mkdtemp()
hostile().save(os.path.join(tmp, "libreoffice-hostile.drl.xlsx"))
through_libreoffice(os.path.join(tmp, "libreoffice-hostile.drl.xlsx"), "libreoffice-hostile.drl.xlsx")
clean().save(os.path.join(tmp, "libreoffice-clean.drl.xlsx"))
through_libreoffice(os.path.join(tmp, "libreoffice-clean.drl.xlsx"), "libreoffice-clean.drl.xlsx")
shutil.rmtree(tmp)
