//! `barometre`: the Baromètre numériQc of Québec's Stratégie de transformation
//! numérique gouvernementale, from the organisations' workbooks to the report.
//!
//! The pipeline, one module per stage: `read` (file → cells) → `parse`
//! (cells + `form` → `model::Submission` + findings) → `indicators` (one
//! organisation) → `aggregate` (the Baromètre) → `report` (xlsx, json, csv,
//! terminal). `commands` holds one module per subcommand.

pub mod aggregate;
pub mod cli;
pub mod collection;
pub mod commands;
pub mod corpus;
pub mod finding;
pub mod folder;

pub mod form;
pub mod indicators;
pub mod load;
pub mod model;
pub mod parse;
pub mod precedent;
pub mod read;
pub mod registry;
pub mod report;
pub mod sample;
pub mod values;
