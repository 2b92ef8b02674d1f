//! Renderers: the same data to the terminal, JSON, CSV and the report workbook.

pub mod audit;
pub mod csv;
pub mod json;
pub mod methodology;
pub mod spool;
pub mod tables;
pub mod terminal;
pub mod xlsx;
