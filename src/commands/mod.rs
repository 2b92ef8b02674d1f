//! One module per command.

pub mod check;
pub mod compute;

pub mod template;

/// Exit codes (`sorties.md`).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;
