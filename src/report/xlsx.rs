//! The report workbook. Written to a temporary file beside the target, then
//! renamed: a failed run never leaves a partial report.

use crate::indicators::CIBLES;
use crate::report::audit::{self, AuditSheet};
use crate::report::tables::{self, Cell, Context, Table};
use anyhow::{Context as _, Result};
use rust_xlsxwriter::{
    Chart, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};
use std::path::Path;

#[derive(Clone)]
struct Styles {
    header: Format,
    percent: Format,
    points: Format,
    bold: Format,
    wrap: Format,
    statuses: Vec<(&'static str, Format)>,
}

fn styles() -> Styles {
    Styles {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color("#DCE6F1")
            .set_border_bottom(FormatBorder::Thin),
        percent: Format::new().set_num_format("0.0 %"),
        points: Format::new().set_num_format("+0.0;-0.0;0.0"),
        bold: Format::new().set_bold(),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        statuses: STATUS_COLORS
            .iter()
            .map(|(status, color)| (*status, Format::new().set_background_color(*color)))
            .collect(),
    }
}

/// The colour of each status (submissions and processes).
const STATUS_COLORS: &[(&str, &str)] = &[
    ("Acceptée", "#C6EFCE"),
    ("Sans papier de bout en bout", "#C6EFCE"),
    ("Acceptée avec avertissements", "#FFEB9C"),
    ("Partiellement sans papier", "#FFEB9C"),
    ("Rejetée", "#FFC7CE"),
    ("Papier de bout en bout", "#FFC7CE"),
    ("Manquante", "#D9D9D9"),
    ("Ignorée", "#D9D9D9"),
    ("Inexistant", "#D9D9D9"),
];

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => {
            sheet.write_string(row, col, text)?;
        }
        Cell::Int(n) => {
            sheet.write_number(row, col, *n as f64)?;
        }
        Cell::Percent(Some(value)) => {
            sheet.write_number_with_format(row, col, *value, &styles.percent)?;
        }
        Cell::Points(Some(value)) => {
            sheet.write_number_with_format(row, col, *value, &styles.points)?;
        }
        Cell::Percent(None) | Cell::Points(None) => {
            sheet.write_string(row, col, "s.o.")?;
        }
        Cell::Status(status) => match styles.statuses.iter().find(|(s, _)| s == status) {
            Some((_, format)) => {
                sheet.write_string_with_format(row, col, status, format)?;
            }
            None => {
                sheet.write_string(row, col, status)?;
            }
        },
    }
    Ok(())
}

/// Column widths and the header row of a table at `first_row`.
fn begin_table(
    sheet: &mut Worksheet,
    headers: &[String],
    widths: &[f64],
    first_row: u32,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(first_row, col as u16, header, &styles.header)?;
    }
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        write_cell(sheet, row, col as u16, cell, styles)?;
    }
    Ok(())
}

/// Writes a table from `first_row`; returns the row after its last one.
fn write_table(
    sheet: &mut Worksheet,
    table: Table,
    first_row: u32,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    begin_table(sheet, &table.headers, &table.widths, first_row, styles)?;
    let mut row = first_row;
    for cells in table.rows {
        row += 1;
        if let Some(Cell::Text(text)) = table.wrap_column.and_then(|col| cells.get(col)) {
            let chars = table
                .widths
                .get(table.wrap_column.unwrap_or(0))
                .copied()
                .unwrap_or(80.0) as usize;
            let lines = text.chars().count().div_ceil(chars.max(1)).max(1);
            sheet.set_row_height(row, 15.0 * lines as f64)?;
        }
        write_row(sheet, row, &cells, styles)?;
    }
    sheet.autofilter(
        first_row,
        0,
        row.max(first_row + 1),
        table.headers.len().saturating_sub(1) as u16,
    )?;
    Ok(row + 1)
}

fn summary_sheet(
    workbook: &mut Workbook,
    context: &Context,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name("Sommaire")?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.write_string_with_format(0, 0, "Baromètre numériQc — sommaire", &styles.bold)?;
    let year = context
        .collection
        .year
        .map(|y| format!("Année de collecte {y}"))
        .unwrap_or_default();
    sheet.write_string(1, 0, &year)?;
    let mut row = 3;
    let progression = tables::progression_table(
        &context.collection.barometre.overall,
        context.collection.with_registry,
    );
    for cells in progression.rows {
        write_cell(sheet, row, 1, &cells[0], styles)?;
        write_cell(sheet, row, 2, &cells[1], styles)?;
        row += 1;
    }
    let header_row = row + 1;
    sheet.set_row_height(header_row, 30)?;
    let end = write_table(sheet, tables::summary_table(context), header_row, styles)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_column_width(1, 60)?;
    let mut chart = Chart::new(ChartType::Bar);
    let (first, last) = (header_row + 1, header_row + CIBLES.len() as u32);
    chart
        .add_series()
        .set_name("Résultat")
        .set_categories(("Sommaire", first, 0, last, 0))
        .set_values(("Sommaire", first, 4, last, 4));
    chart
        .add_series()
        .set_name("Cible visée")
        .set_categories(("Sommaire", first, 0, last, 0))
        .set_values(("Sommaire", first, 5, last, 5));
    chart.title().set_name("Résultat et cible visée, par cible");
    chart.x_axis().set_num_format("0 %");
    chart.y_axis().set_reverse();
    sheet.insert_chart(end + 1, 1, &chart)?;
    Ok(())
}

/// Name, page set-up and frozen header of a data sheet.
fn prepare_sheet(sheet: &mut Worksheet, name: &str) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_row_height(0, 45)?;
    Ok(())
}

fn data_sheet(sheet: &mut Worksheet, table: Table, styles: &Styles) -> Result<(), XlsxError> {
    prepare_sheet(sheet, table.sheet)?;
    if table.wrap_column.is_some() {
        for col in 0..table.headers.len() {
            sheet.set_column_format(col as u16, &styles.wrap)?;
        }
    }
    write_table(sheet, table, 0, styles)?;
    Ok(())
}

/// A data sheet written row by row while the folder is still being read.
pub struct SheetStream {
    sheet: Worksheet,
    styles: Styles,
    row: u32,
    columns: u16,
}

impl SheetStream {
    pub fn push(&mut self, rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
        for cells in rows {
            self.row += 1;
            write_row(&mut self.sheet, self.row, cells, &self.styles)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<Worksheet, XlsxError> {
        self.sheet
            .autofilter(0, 0, self.row.max(1), self.columns.saturating_sub(1))?;
        Ok(self.sheet)
    }
}

/// The zip compression level of the report.
pub const REPORT_COMPRESSION_LEVEL: u8 = 2;

/// The report workbook, created before the folder is read so that the
/// `Services` sheet can be streamed while reading (see `compute`).
pub struct Report {
    workbook: Workbook,
    styles: Styles,
}

impl Report {
    pub fn new() -> Result<Report, XlsxError> {
        let mut workbook = Workbook::new();
        // Deflate dominates the cost of saving a large report: level 2 saves
        // it about three times faster than the default level 6, for a file
        // about a third larger (docs/performance.md).
        workbook.set_zip_compression_level(REPORT_COMPRESSION_LEVEL);
        let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
        workbook.set_properties(
            &DocProperties::new()
                .set_title("Baromètre numériQc — rapport")
                .set_author("barometre")
                .set_creation_datetime(&created),
        );
        let styles = styles();
        // Formats get their index now, in a fixed order: sheets are filled on
        // several threads and the report must stay byte-identical.
        for format in [
            &styles.header,
            &styles.percent,
            &styles.points,
            &styles.bold,
            &styles.wrap,
        ] {
            workbook.register_format(format);
        }
        for (_, format) in &styles.statuses {
            workbook.register_format(format);
        }
        Ok(Report { workbook, styles })
    }

    /// A `Services` sheet to fill while reading, header written.
    pub fn services_stream(&mut self) -> Result<SheetStream, XlsxError> {
        let mut sheet = self.workbook.new_worksheet_with_constant_memory()?;
        let (headers, widths) = audit::columns(AuditSheet::Services);
        prepare_sheet(&mut sheet, AuditSheet::Services.name())?;
        begin_table(&mut sheet, &headers, &widths, 0, &self.styles)?;
        Ok(SheetStream {
            sheet,
            styles: self.styles.clone(),
            row: 0,
            columns: headers.len() as u16,
        })
    }

    /// Every sheet, in order; `services` is the streamed sheet when it holds
    /// exactly the accepted submissions (else it is drawn again from the spool).
    fn fill(
        &mut self,
        context: &Context,
        methodology: Table,
        services: Option<Worksheet>,
    ) -> Result<(), XlsxError> {
        summary_sheet(&mut self.workbook, context, &self.styles)?;
        let mut sheets = (0..=tables::DATA_TABLES)
            .map(|_| self.workbook.new_worksheet_with_constant_memory())
            .collect::<Result<Vec<Worksheet>, XlsxError>>()?;
        let streamed = services.is_some();
        if let Some(services) = services {
            sheets[tables::SERVICES_TABLE] = services;
        }
        fill_data_sheets(&mut sheets, context, methodology, &self.styles, streamed)?;
        for sheet in sheets {
            self.workbook.push_worksheet(sheet);
        }
        Ok(())
    }

    /// Writes the report atomically: a temporary file in the target's folder, then a rename.
    pub fn write(
        mut self,
        context: &Context,
        methodology: Table,
        services: Option<Worksheet>,
        path: &Path,
    ) -> Result<()> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".rapport-barometre-").suffix(".xlsx.tmp");
        #[cfg(unix)]
        {
            // An ordinary file's permissions: a temporary file would stay private.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let temporary = builder.tempfile_in(folder).with_context(|| {
            format!(
                "Le dossier « {} » n'accepte pas l'écriture du rapport",
                folder.display()
            )
        })?;
        self.fill(context, methodology, services)
            .map_err(|e| anyhow::anyhow!("Le rapport n'a pas pu être préparé : {e}"))?;
        self.workbook
            .save(temporary.path())
            .map_err(|e| anyhow::anyhow!("Le rapport n'a pas pu être écrit : {e}"))?;
        temporary.persist(path).map_err(|e| {
            anyhow::anyhow!(
                "Le rapport n'a pas pu être mis en place à « {} » : {}",
                path.display(),
                e.error
            )
        })?;
        Ok(())
    }
}

/// The `Services` sheet on its own thread, every other sheet on this one.
fn fill_data_sheets(
    sheets: &mut [Worksheet],
    context: &Context,
    methodology: Table,
    styles: &Styles,
    services_streamed: bool,
) -> Result<(), XlsxError> {
    let (before, rest) = sheets.split_at_mut(tables::SERVICES_TABLE);
    let (services, after) = rest
        .split_first_mut()
        .ok_or(XlsxError::ParameterError("feuilles".into()))?;
    std::thread::scope(|scope| {
        let services = scope.spawn(|| match services_streamed {
            true => Ok(()),
            false => data_sheet(
                services,
                tables::data_table(context, tables::SERVICES_TABLE),
                styles,
            ),
        });
        for (index, sheet) in before.iter_mut().enumerate() {
            data_sheet(sheet, tables::data_table(context, index), styles)?;
        }
        let (methodology_sheet, others) = after
            .split_last_mut()
            .ok_or(XlsxError::ParameterError("feuilles".into()))?;
        for (offset, sheet) in others.iter_mut().enumerate() {
            data_sheet(
                sheet,
                tables::data_table(context, tables::SERVICES_TABLE + 1 + offset),
                styles,
            )?;
        }
        data_sheet(methodology_sheet, methodology, styles)?;
        services.join().unwrap_or_else(|_| {
            Err(XlsxError::ParameterError(
                "écriture de la feuille Services interrompue".into(),
            ))
        })
    })
}
