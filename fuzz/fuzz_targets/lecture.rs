//! Bytes → findings: the whole path a received file takes in `check` and `compute`.
//!
//! RUSTC_BOOTSTRAP=1 cargo fuzz run lecture fuzz/semences -- -max_total_time=600
#![no_main]

use barometre::load::load_bytes;
use barometre::read::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_inflated_bytes: 16 << 20,
        max_rows: 2_000,
        max_columns: 50,
        max_cells: 50_000,
    };
    let loaded = load_bytes(data, "fuzz.xlsx", &limits);
    // A panic caught by `load` is still a defect to look at: make it a crash.
    assert!(
        !loaded.findings.iter().any(|f| f.message.contains("de façon inattendue")),
        "{:?}",
        loaded.findings
    );
});
