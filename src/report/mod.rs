//! Renderers: the same data to the terminal, JSON, CSV and the report workbook.

pub mod csv;
pub mod json;
pub mod methodology;
pub mod tables;
pub mod terminal;
pub mod xlsx;
