//! Result files inside a ZIP archive: files often travel by e-mail or chat zipped, and a province
//! receives its districts' collections that way. Each entry becomes one received file, with the
//! same statuses as a file chosen alone (the app and `chibo aggregate` both unpack this way).

use std::io::{Cursor, Read};

use thiserror::Error;

use crate::domain::lang::Bilingual;
use crate::domain::verify::MAX_RESULT_BYTES;

/// Most entries taken from one archive (a province's quarter is a few thousand files).
pub const MAX_ENTRIES: usize = 20_000;
/// Most bytes unpacked from one archive, so that a small archive cannot fill the memory (a
/// "zip bomb"): 5,000 results are ~135 MB.
pub const MAX_UNPACKED: usize = 512 * 1024 * 1024;

/// An archive that cannot be unpacked at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArchiveError {
    #[error("không mở được tệp nén «{0}» (không phải tệp ZIP hoặc bị hỏng)")]
    Unreadable(String),
    #[error("tệp nén «{0}» có hơn {max} tệp", max = MAX_ENTRIES)]
    TooManyEntries(String),
    #[error("tệp nén «{0}» giải nén ra quá lớn (hơn 512 MB)")]
    TooLarge(String),
}

impl Bilingual for ArchiveError {
    fn message_en(&self) -> String {
        match self {
            Self::Unreadable(n) => {
                format!("the archive «{n}» cannot be opened (not a ZIP file, or damaged)")
            }
            Self::TooManyEntries(n) => {
                format!("the archive «{n}» has more than {MAX_ENTRIES} files")
            }
            Self::TooLarge(n) => format!("the archive «{n}» unpacks to too much (over 512 MB)"),
        }
    }
}

/// Whether a file is taken for a ZIP archive (by its name, as the file chooser offers it).
pub fn is_archive(name: &str) -> bool {
    name.len() > 4
        && name.is_char_boundary(name.len() - 4)
        && name[name.len() - 4..].eq_ignore_ascii_case(".zip")
}

/// Refuses, unread, an archive whose size alone is over [`MAX_UNPACKED`] (the page and the CLI
/// check this before reading it).
pub fn check_size(archive_name: &str, size: u64) -> Result<(), ArchiveError> {
    if size > MAX_UNPACKED as u64 {
        Err(ArchiveError::TooLarge(archive_name.to_string()))
    } else {
        Ok(())
    }
}

/// One file from an archive: named `archive.zip/path/in/archive.json`, so its origin shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpacked {
    pub name: String,
    /// The entry's bytes; at most [`MAX_RESULT_BYTES`] + 1 (one more than any result, so that
    /// the file is refused as too large without being unpacked further); empty when the entry
    /// cannot be read (encrypted, damaged, an unknown compression), so that it is refused as
    /// unreadable.
    pub bytes: Vec<u8>,
}

/// The files in a ZIP archive, in the archive's order. Folders, and the files macOS and other
/// systems add beside the real ones (`__MACOSX/…`, names starting with a dot), are left out.
pub fn unpack(archive_name: &str, bytes: &[u8]) -> Result<Vec<Unpacked>, ArchiveError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| ArchiveError::Unreadable(archive_name.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArchiveError::TooManyEntries(archive_name.to_string()));
    }
    let mut out = Vec::new();
    let mut total = 0usize;
    for i in 0..zip.len() {
        let listed = zip.name_for_index(i).unwrap_or("?").to_string();
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            // An entry whose header cannot be read (encrypted, an unknown compression, damaged)
            // still shows, as an unreadable file.
            Err(_) => {
                if !skipped(&listed) {
                    out.push(Unpacked::new(archive_name, &listed, Vec::new()));
                }
                continue;
            }
        };
        let name = entry.name().to_string();
        if entry.is_dir() || skipped(&name) {
            continue;
        }
        let mut data = Vec::new();
        let read = (&mut entry)
            .take(MAX_RESULT_BYTES as u64 + 1)
            .read_to_end(&mut data);
        if read.is_err() {
            out.push(Unpacked::new(archive_name, &name, Vec::new()));
            continue;
        }
        total += data.len();
        if total > MAX_UNPACKED {
            return Err(ArchiveError::TooLarge(archive_name.to_string()));
        }
        out.push(Unpacked::new(archive_name, &name, data));
    }
    Ok(out)
}

impl Unpacked {
    fn new(archive_name: &str, name: &str, bytes: Vec<u8>) -> Self {
        Self {
            name: format!("{archive_name}/{name}"),
            bytes,
        }
    }
}

/// Entries that are not files anyone put there.
fn skipped(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/") || base.starts_with('.') || name.ends_with('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    fn archive(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes, method) in entries {
            if name.ends_with('/') {
                w.add_directory(*name, SimpleFileOptions::default())
                    .unwrap();
                continue;
            }
            w.start_file(
                *name,
                SimpleFileOptions::default().compression_method(*method),
            )
            .unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn stored_and_deflated_entries_come_out_as_they_went_in_and_named_by_the_archive() {
        let zip = archive(&[
            ("a.json", b"{\"a\":1}", CompressionMethod::Stored),
            ("quý 4/b.json", &[b'x'; 5000], CompressionMethod::Deflated),
        ]);
        let files = unpack("thu.zip", &zip).unwrap();
        assert_eq!(
            files,
            vec![
                Unpacked {
                    name: "thu.zip/a.json".into(),
                    bytes: b"{\"a\":1}".to_vec()
                },
                Unpacked {
                    name: "thu.zip/quý 4/b.json".into(),
                    bytes: vec![b'x'; 5000]
                },
            ]
        );
    }

    #[test]
    fn folders_and_system_files_are_left_out() {
        let zip = archive(&[
            ("ket-qua/", b"", CompressionMethod::Stored),
            ("ket-qua/a.json", b"{}", CompressionMethod::Deflated),
            (
                "__MACOSX/ket-qua/._a.json",
                b"junk",
                CompressionMethod::Stored,
            ),
            ("ket-qua/.DS_Store", b"junk", CompressionMethod::Stored),
        ]);
        let names: Vec<_> = unpack("x.zip", &zip)
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, ["x.zip/ket-qua/a.json"]);
    }

    #[test]
    fn an_entry_larger_than_any_result_is_cut_one_byte_past_the_limit() {
        let big = vec![b' '; MAX_RESULT_BYTES * 3];
        let zip = archive(&[("big.json", &big, CompressionMethod::Deflated)]);
        let files = unpack("x.zip", &zip).unwrap();
        assert_eq!(files[0].bytes.len(), MAX_RESULT_BYTES + 1);
    }

    #[test]
    fn a_damaged_entry_is_kept_as_an_unreadable_file_and_the_others_still_come_out() {
        let mut zip = archive(&[
            ("a.json", &[b'a'; 3000], CompressionMethod::Deflated),
            ("b.json", b"{\"b\":2}", CompressionMethod::Stored),
        ]);
        // Damage the first entry's compressed data (just after its 30-byte header and name).
        for b in &mut zip[36..40] {
            *b = 0xff;
        }
        let files = unpack("x.zip", &zip).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].name, "x.zip/a.json");
        assert!(files[0].bytes.is_empty(), "{:?}", files[0].bytes.len());
        assert_eq!(files[1].bytes, b"{\"b\":2}");
    }

    #[test]
    fn what_is_not_a_zip_is_refused_with_its_name() {
        assert_eq!(
            unpack("ket-qua.zip", b"{\"not\":\"a zip\"}"),
            Err(ArchiveError::Unreadable("ket-qua.zip".into()))
        );
        assert!(ArchiveError::Unreadable("a.zip".into())
            .to_string()
            .contains("«a.zip»"));
        assert!(ArchiveError::TooLarge("a.zip".into())
            .message_en()
            .contains("512 MB"));
    }

    #[test]
    fn archives_are_told_by_their_name() {
        assert!(is_archive("ket-qua-quy-4.ZIP"));
        assert!(is_archive("a.zip"));
        assert!(!is_archive(".zip"));
        assert!(!is_archive("a.json"));
        assert!(!is_archive("ảnh"));
    }
}
