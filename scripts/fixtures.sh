#!/usr/bin/env bash
# Rebuilds every fixture from the generators, then has LibreOffice Calc save
# two of them (one .xlsx, one .ods) the way a respondent using Calc would.
# Needs: apt-get install libreoffice-calc-nogui
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf fixtures/soumissions fixtures/sources fixtures/invalides fixtures/formats
cargo run -q --example generer -- --fixtures fixtures/soumissions
cargo run -q --example invalides -- fixtures/invalides
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work" fixtures/sources/ofq.xlsx >/dev/null
mv "$work/ofq.xlsx" fixtures/soumissions/ofq-libreoffice.xlsx
soffice --headless --convert-to ods --outdir "$work" fixtures/sources/ufn.xlsx >/dev/null
mv "$work/ufn.ods" fixtures/soumissions/ufn-libreoffice.ods
mkdir -p fixtures/formats
soffice --headless --convert-to 'xls:MS Excel 97' --outdir fixtures/formats fixtures/sources/ofq.xlsx >/dev/null
ls -l fixtures/formats fixtures/soumissions fixtures/sources fixtures/invalides
