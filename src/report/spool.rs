//! Audit rows set aside on disk while the folder is read, so memory does not
//! grow with the number of submissions: each accepted file's rows are written
//! once, in a compact binary form, and read back when its sheet is drawn.

use crate::model::Submission;
use crate::report::audit::{self, AuditSheet};
use crate::report::tables::Cell;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// Where one file's rows for one sheet are in the spool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Segment {
    offset: u64,
    len: u64,
}

/// One temporary file per audit sheet.
pub struct Spool {
    files: [Mutex<std::fs::File>; 4],
}

impl Spool {
    pub fn new() -> std::io::Result<Spool> {
        Ok(Spool {
            files: [
                tempfile::tempfile()?,
                tempfile::tempfile()?,
                tempfile::tempfile()?,
                tempfile::tempfile()?,
            ]
            .map(Mutex::new),
        })
    }

    /// Writes the audit rows of one submission; returns where they are, and
    /// its `Services` rows (which `compute` also writes into the report at once).
    pub fn append(
        &self,
        code: &str,
        submission: &Submission,
    ) -> std::io::Result<([Segment; 4], Vec<Vec<Cell>>)> {
        let mut segments = [Segment::default(); 4];
        let mut services = Vec::new();
        for sheet in AuditSheet::ALL {
            let rows = audit::rows(sheet, code, submission);
            segments[sheet as usize] = self.append_rows(sheet, &rows)?;
            if sheet == AuditSheet::Services {
                services = rows;
            }
        }
        Ok((segments, services))
    }

    /// Writes rows of one sheet; returns where they are.
    fn append_rows(&self, sheet: AuditSheet, rows: &[Vec<Cell>]) -> std::io::Result<Segment> {
        let bytes = encode(rows);
        let mut file = self.files[sheet as usize]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let offset = file.seek(SeekFrom::End(0))?;
        file.write_all(&bytes)?;
        Ok(Segment {
            offset,
            len: bytes.len() as u64,
        })
    }

    /// Reads back the rows of one segment (none if the spool cannot be read).
    pub fn read(&self, sheet: AuditSheet, segment: Segment) -> Vec<Vec<Cell>> {
        let mut file = self.files[sheet as usize]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let mut bytes = vec![0; segment.len as usize];
        let read = file
            .seek(SeekFrom::Start(segment.offset))
            .and_then(|_| file.read_exact(&mut bytes));
        match read {
            Ok(()) => decode(&bytes),
            Err(_) => Vec::new(),
        }
    }
}

fn put_u64(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_f64(out: &mut Vec<u8>, value: Option<f64>) {
    match value {
        Some(x) => {
            out.push(1);
            out.extend_from_slice(&x.to_le_bytes());
        }
        None => out.push(0),
    }
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_u64(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn encode(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = Vec::new();
    put_u64(&mut out, rows.len() as u64);
    for row in rows {
        put_u64(&mut out, row.len() as u64);
        for cell in row {
            match cell {
                Cell::Empty => out.push(0),
                Cell::Text(text) => {
                    out.push(1);
                    put_text(&mut out, text);
                }
                Cell::Int(n) => {
                    out.push(2);
                    put_u64(&mut out, *n);
                }
                Cell::Percent(value) => {
                    out.push(3);
                    put_f64(&mut out, *value);
                }
                Cell::Points(value) => {
                    out.push(4);
                    put_f64(&mut out, *value);
                }
                Cell::Status(text) => {
                    out.push(5);
                    put_text(&mut out, text);
                }
            }
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let (first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(*first)
    }
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f64(&mut self) -> Option<Option<f64>> {
        match self.u8()? {
            0 => Some(None),
            _ => Some(Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))),
        }
    }
    fn text(&mut self) -> Option<String> {
        let len = self.u64()? as usize;
        Some(String::from_utf8_lossy(self.take(len)?).into_owned())
    }
    fn cell(&mut self) -> Option<Cell> {
        Some(match self.u8()? {
            0 => Cell::Empty,
            1 => Cell::Text(self.text()?),
            2 => Cell::Int(self.u64()?),
            3 => Cell::Percent(self.f64()?),
            4 => Cell::Points(self.f64()?),
            _ => Cell::Status(self.text()?),
        })
    }
    fn rows(&mut self) -> Option<Vec<Vec<Cell>>> {
        let count = self.u64()? as usize;
        let mut rows = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let len = self.u64()? as usize;
            let mut row = Vec::with_capacity(len.min(1 << 10));
            for _ in 0..len {
                row.push(self.cell()?);
            }
            rows.push(row);
        }
        Some(rows)
    }
}

fn decode(bytes: &[u8]) -> Vec<Vec<Cell>> {
    Reader { bytes }.rows().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::worked_example;

    #[test]
    fn rows_come_back_as_they_went() {
        let spool = Spool::new().unwrap();
        let example = worked_example();
        let (first, services) = spool.append("MEC", &example).unwrap();
        let (second, _) = spool.append("AUTRE", &example).unwrap();
        assert_eq!(services, audit::rows(AuditSheet::Services, "MEC", &example));
        for sheet in AuditSheet::ALL {
            assert_eq!(
                spool.read(sheet, first[sheet as usize]),
                audit::rows(sheet, "MEC", &example)
            );
            assert_eq!(
                spool.read(sheet, second[sheet as usize]),
                audit::rows(sheet, "AUTRE", &example)
            );
        }
        let odd = vec![vec![
            Cell::Percent(None),
            Cell::Points(Some(-1.5)),
            Cell::Status("Rejetée".into()),
            Cell::Empty,
        ]];
        assert_eq!(decode(&encode(&odd)), odd);
    }
}
