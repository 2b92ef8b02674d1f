//! The tolerance rules: one cell → a typed value, or the French reason it is not one.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// A cell as the reader found it (the only shape `calamine` data takes past `read`).
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    /// A spreadsheet error value such as `#DIV/0!`.
    Error(String),
    /// A formula saved without any value (`F004` where the form reads it).
    FormulaWithoutValue(String),
}

impl Raw {
    pub fn is_empty(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// How the value is shown back to the respondent in a message.
    pub fn shown(&self) -> String {
        match self {
            Raw::Empty => "(vide)".into(),
            Raw::Text(text) => format!("« {} »", shorten(text.trim(), 60)),
            Raw::Number(n) => format_number(*n),
            Raw::Bool(true) => "VRAI".into(),
            Raw::Bool(false) => "FAUX".into(),
            Raw::Date(date) => date.to_string(),
            Raw::Error(error) => error.clone(),
            Raw::FormulaWithoutValue(formula) => format!("={}", shorten(formula, 60)),
        }
    }

    /// The cell as plain text (identifiers, names): `1` and `1.0` give `1`.
    pub fn as_text(&self) -> String {
        match self {
            Raw::Empty | Raw::FormulaWithoutValue(_) => String::new(),
            Raw::Text(text) => collapse_spaces(text),
            Raw::Number(n) => format_number(*n),
            Raw::Bool(b) => if *b { "Oui" } else { "Non" }.into(),
            Raw::Date(date) => date.to_string(),
            Raw::Error(error) => error.clone(),
        }
    }
}

/// A whole number with narrow no-break spaces between groups of three (`12 345`).
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// A size in megabytes, French style (`3 072,9 Mo`).
pub fn format_megabytes(bytes: u64) -> String {
    let tenths = (bytes as f64 / 1024.0 / 1024.0 * 10.0).round() as u64;
    format!("{},{}\u{a0}Mo", format_count(tenths / 10), tenths % 10)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}").replace('.', ",")
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The matching key of a name: trimmed, inner whitespace collapsed,
/// case-folded, accents stripped, `’` read as `'`.
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_spaces(&folded)
}

/// A calendar date (proleptic Gregorian); fields in this order make `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// `AAAA-MM-JJ`, optionally followed by a time (`T…` or ` …`), which is ignored.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let date_part = text.split(['T', ' ']).next()?;
        let mut parts = date_part.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A yes/no cell: `None` when it is not one (empty cells are handled before).
pub fn yes_no(raw: &Raw) -> Option<bool> {
    match raw {
        Raw::Bool(b) => Some(*b),
        Raw::Number(n) if *n == 1.0 => Some(true),
        Raw::Number(n) if *n == 0.0 => Some(false),
        Raw::Text(text) => match normalize(text).as_str() {
            "oui" | "o" | "yes" | "y" | "vrai" | "true" | "1" => Some(true),
            "non" | "n" | "no" | "faux" | "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A whole number: an integral numeric cell, or ASCII digits grouped by three
/// with an ordinary space, U+00A0 or U+202F.
pub fn whole(raw: &Raw) -> Option<u64> {
    match raw {
        Raw::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 9.0e15 => Some(*n as u64),
        Raw::Text(text) => whole_text(text.trim()),
        _ => None,
    }
}

fn whole_text(text: &str) -> Option<u64> {
    let groups: Vec<&str> = text.split([' ', '\u{a0}', '\u{202f}']).collect();
    let well_grouped = groups.iter().enumerate().all(|(i, group)| {
        !group.is_empty()
            && group.bytes().all(|b| b.is_ascii_digit())
            && (i == 0 && group.len() <= 3 || group.len() == 3 || groups.len() == 1)
    });
    if !well_grouped || text.len() > 24 {
        return None;
    }
    groups.concat().parse().ok()
}

/// Whether a text cell says `ND` (non disponible).
pub fn is_unavailable(raw: &Raw) -> bool {
    matches!(raw, Raw::Text(text) if normalize(text) == "nd")
}

/// A decimal number: a numeric cell, or text with `.` or `,` as decimal mark.
pub fn decimal(raw: &Raw) -> Option<f64> {
    match raw {
        Raw::Number(n) if n.is_finite() => Some(*n),
        Raw::Text(text) => {
            let text = text.trim().replace(',', ".");
            let plain = !text.is_empty()
                && text.bytes().filter(|b| *b == b'.').count() <= 1
                && text.bytes().enumerate().all(|(i, b)| {
                    b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+'))
                });
            if plain {
                text.parse().ok()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A date: a date cell (time ignored) or ISO text.
pub fn date(raw: &Raw) -> Option<Date> {
    match raw {
        Raw::Date(date) => Some(*date),
        Raw::Text(text) => Date::parse_iso(text),
        _ => None,
    }
}

/// A list value, matched after normalisation; returns the canonical spelling.
pub fn list_value(raw: &Raw, values: &[&'static str]) -> Option<&'static str> {
    let key = normalize(&raw.as_text());
    values.iter().copied().find(|value| normalize(value) == key)
}

/// A loose check of an e-mail address: one `@`, something before, a dot after.
pub fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// An address on the Données Québec portal.
pub fn is_donnees_quebec_address(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host = rest.split('/').next().unwrap_or("");
    host == "donneesquebec.ca" || host.ends_with(".donneesquebec.ca")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Raw {
        Raw::Text(s.to_string())
    }

    #[test]
    fn names_match_after_normalisation() {
        assert_eq!(normalize("  DONNÉES "), "donnees");
        assert_eq!(normalize("Donnees"), normalize("données"));
        assert_eq!(
            normalize("Gestion de l’assiduité"),
            normalize("gestion de l'assiduite")
        );
        assert_eq!(normalize("Nom   du\u{a0}service"), "nom du service");
    }

    #[test]
    fn yes_no_variants() {
        for yes in ["Oui", "oui ", "O", "Yes", "y", "VRAI", "True", "1"] {
            assert_eq!(yes_no(&text(yes)), Some(true), "{yes}");
        }
        for no in ["Non", "N", "No", "Faux", "false", "0"] {
            assert_eq!(yes_no(&text(no)), Some(false), "{no}");
        }
        assert_eq!(yes_no(&Raw::Bool(true)), Some(true));
        assert_eq!(yes_no(&Raw::Number(0.0)), Some(false));
        assert_eq!(yes_no(&text("peut-être")), None);
        assert_eq!(yes_no(&Raw::Number(2.0)), None);
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(whole(&Raw::Number(12.0)), Some(12));
        assert_eq!(whole(&text("1234")), Some(1234));
        assert_eq!(whole(&text("1 234")), Some(1234));
        assert_eq!(whole(&text("1\u{a0}234\u{a0}567")), Some(1_234_567));
        assert_eq!(whole(&text("12\u{202f}345")), Some(12_345));
        for bad in ["12.5", "-3", "12 34", "abc", "1 2345", ""] {
            assert_eq!(whole(&text(bad)), None, "{bad}");
        }
        assert_eq!(whole(&Raw::Number(12.5)), None);
        assert_eq!(whole(&Raw::Number(-3.0)), None);
    }

    #[test]
    fn decimals_accept_both_marks() {
        assert_eq!(decimal(&text("55,5")), Some(55.5));
        assert_eq!(decimal(&text("49.9")), Some(49.9));
        assert_eq!(decimal(&Raw::Number(80.0)), Some(80.0));
        assert_eq!(decimal(&text("1,2,3")), None);
        assert_eq!(decimal(&text("abc")), None);
    }

    #[test]
    fn usage_counts_accept_nd() {
        assert!(is_unavailable(&text("ND")));
        assert!(is_unavailable(&text(" nd ")));
        assert!(!is_unavailable(&text("N/D0")));
    }

    #[test]
    fn dates() {
        assert_eq!(date(&text("2020-02-01")), Date::new(2020, 2, 1));
        assert_eq!(date(&text("2020-02-01T10:30:00")), Date::new(2020, 2, 1));
        assert_eq!(date(&text("2021-02-29")), None);
        assert_eq!(date(&text("01/02/2020")), None);
        assert!(Date::new(2019, 6, 3).unwrap() >= crate::form::PERIOD_START);
        assert!(Date::new(2019, 6, 2).unwrap() < crate::form::PERIOD_START);
    }

    #[test]
    fn identifiers_numbers_as_text() {
        assert_eq!(Raw::Number(1.0).as_text(), "1");
        assert_eq!(text(" S1 ").as_text(), "S1");
    }

    #[test]
    fn emails_and_addresses() {
        assert!(looks_like_email("marie.tremblay@mcn.gouv.qc.ca"));
        assert!(!looks_like_email("marie.tremblay"));
        assert!(!looks_like_email("a@b"));
        assert!(is_donnees_quebec_address(
            "https://www.donneesquebec.ca/recherche/dataset/x"
        ));
        assert!(!is_donnees_quebec_address(
            "https://example.com/donneesquebec.ca"
        ));
    }
}
