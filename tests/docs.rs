//! The format documentation is generated from `src/form.rs` and kept in step.

#[test]
fn format_documentation_is_up_to_date() {
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    assert_eq!(
        on_disk,
        barometre::form::format_markdown(),
        "regenerate with: cargo run -- format > docs/format.md"
    );
}

#[test]
fn every_finding_code_is_documented() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/constats.md")).unwrap();
    let codes = [
        "F001", "F002", "F003", "F004", "S001", "S002", "S003", "S004", "S005", "S006", "V001",
        "V002", "V003", "V004", "V005", "V006", "V007", "V008", "C001", "C002", "C003", "C004",
        "C005", "C006", "P001", "P002", "P003", "D001", "D002", "D003", "X001", "X002", "X003",
        "X004", "X005", "X006",
    ];
    for code in codes {
        assert!(doc.contains(&format!("| {code} |")), "{code}");
        let severity = barometre::finding::severity_of(code).label();
        assert!(
            doc.contains(&format!("| {code} | {severity} |")),
            "{code} {severity}"
        );
    }
}
