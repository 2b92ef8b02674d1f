//! The submission as plain data: no I/O, no spreadsheet types.

use crate::values::Date;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organisation {
    pub name: Option<String>,
    /// Trimmed and upper-cased.
    pub code: Option<String>,
    pub reseau: Option<&'static str>,
    pub year: Option<u64>,
    pub plan_filed: Option<bool>,
    pub employees: Option<u64>,
    pub transformed_employees: Option<u64>,
    pub contact: Option<String>,
    pub email: Option<String>,
}

/// A usage count: known, declared unavailable (`ND`), or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Count(u64),
    Unavailable,
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// One-based row of the sheet (for the audit trail).
    pub row: u32,
    pub id: String,
    pub name: String,
    pub digital: bool,
    pub new: bool,
    pub involved: bool,
    pub method: Option<String>,
    pub evaluation: bool,
    pub transactional: bool,
    pub no_reask: bool,
    pub reminder: bool,
    pub digital_reminder: bool,
    pub digital_uses: Usage,
    pub total_uses: Usage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Consultation {
    pub row: u32,
    pub id: String,
    pub title: String,
    pub start: Option<Date>,
    pub digital: bool,
    pub traditional: bool,
    pub equivalent: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    pub row: u32,
    pub id: String,
    pub title: String,
    pub in_plan: bool,
    pub status: Option<&'static str>,
    pub end: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Process {
    pub row: u32,
    pub domain: &'static str,
    /// The canonical name of one of the 12 processes.
    pub name: &'static str,
    pub status: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub row: u32,
    pub id: String,
    pub name: String,
    pub score_a: Option<f64>,
    pub score_b: Option<f64>,
    pub published: bool,
    pub address: Option<String>,
}

impl Dataset {
    /// Score axe A ≥ 50 (guide, annexe 6; `indicateurs.md`, 6.1).
    pub fn high_potential(&self) -> bool {
        self.score_a.is_some_and(|score| score >= 50.0)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submission {
    pub organisation: Organisation,
    pub services: Vec<Service>,
    pub consultations: Vec<Consultation>,
    pub initiatives: Vec<Initiative>,
    pub processes: Vec<Process>,
    pub datasets: Vec<Dataset>,
}
