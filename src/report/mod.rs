//! Renderers: the same data to the terminal, JSON, CSV and the report workbook.

pub mod json;
pub mod terminal;
