//! Mutation fuzzing of the result verifier, the JSON readers, the ZIP reader, the rubric parser
//! and the drafts backup reader: no input may make them panic, and the verifier's two readers must agree. Seeds are
//! kept in `tests/fuzz-corpus/` (results from the hostile corpus, the shipped rubrics; the ZIP
//! seed is built from two of those results); an input that panics (or on which the readers
//! disagree) is written to `target/fuzz-crashes/` and fails.
//!
//! In `cargo test` each target runs `FUZZ_ITERATIONS` (default 1,500) mutations; `make fuzz`
//! runs them for `FUZZ_SECONDS` each instead. Deterministic for a given `FUZZ_SEED`.
//! (cargo-fuzz needs a nightly toolchain, which this machine cannot download.)

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chibo::domain::canonical::{canonical_json, canonical_sha256, parse_strict};
use chibo::domain::cell::CellProfile;
use chibo::domain::district::archive::unpack;
use chibo::domain::district::collection::receive;
use chibo::domain::drafts_backup::{plan, read_backup};
use chibo::domain::light_json::Light;
use chibo::domain::meeting::MeetingKind;
use chibo::domain::rubric::parse_rubric;
use chibo::domain::verify::{verify_full, verify_light, verify_result, MAX_RESULT_BYTES};

/// A small xorshift generator: the fuzz loop needs no crate and is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&str; 16] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\u",
    "\\ud800",
    "null",
    "-0",
    "1e999",
    "9007199254740993",
    "0.5",
    "\"proof\":",
    "<script>",
];

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = b.len().max(1);
        match rng.below(7) {
            0 => {
                let i = rng.below(len);
                if let Some(x) = b.get_mut(i) {
                    *x ^= 1 << rng.below(8);
                }
            }
            1 => {
                let i = rng.below(len);
                b.insert(i.min(b.len()), rng.next() as u8);
            }
            2 => {
                let i = rng.below(len);
                let j = (i + rng.below(64)).min(b.len());
                b.drain(i.min(j)..j);
            }
            3 => {
                let i = rng.below(len).min(b.len());
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(i..i, t.iter().copied());
            }
            4 => {
                let i = rng.below(len).min(b.len());
                let j = (i + rng.below(200)).min(b.len());
                let piece = b[i..j].to_vec();
                b.splice(j..j, piece);
            }
            5 => {
                let cut = rng.below(len).min(b.len());
                let from = rng.below(other.len().max(1)).min(other.len());
                b.truncate(cut);
                b.extend_from_slice(&other[from..]);
            }
            _ => {
                // Change one digit run into another number.
                if let Some(i) = (0..b.len())
                    .map(|k| (k + rng.below(len)) % len)
                    .find(|&k| b.get(k).is_some_and(u8::is_ascii_digit))
                {
                    let n = ["0", "99999999999999999999", "-1", "4.5"][rng.below(4)];
                    b.splice(i..i + 1, n.bytes());
                }
            }
        }
    }
    b
}

fn seeds(dir: &str) -> Vec<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let out: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    assert!(!out.is_empty(), "no seeds in {}", path.display());
    out
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Runs `target` on mutations of the seeds until the budget is spent; saves and reports a panic.
fn fuzz(name: &str, seeds: &[Vec<u8>], target: impl Fn(&[u8])) {
    let mut rng = Rng(env_u64("FUZZ_SEED").unwrap_or(0x9E37_79B9_7F4A_7C15) | 1);
    let deadline = env_u64("FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let iterations = env_u64("FUZZ_ITERATIONS").unwrap_or(1_500);
    let mut n = 0u64;
    // Seeds themselves first.
    for s in seeds {
        target(s);
    }
    loop {
        match deadline {
            Some(d) if Instant::now() >= d => break,
            None if n >= iterations => break,
            _ => {}
        }
        let seed = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed, other);
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("{name}-{n}.bin"));
            let _ = std::fs::write(&file, &input);
            panic!("{name}: input {n} panicked; saved to {}", file.display());
        }
        n += 1;
    }
    eprintln!("fuzz {name}: {n} inputs, no panic");
}

#[test]
fn the_verifier_never_panics_on_mutated_results() {
    let catalog = common::catalog();
    fuzz("verify", &seeds("results"), |b| {
        if let Ok(text) = std::str::from_utf8(b) {
            let _ = verify_result(text, &catalog);
        }
    });
}

#[test]
fn the_strict_json_reader_and_canonicalizer_never_panic() {
    fuzz("json", &seeds("results"), |b| {
        if let Ok(text) = std::str::from_utf8(b) {
            if let Ok(v) = parse_strict(text) {
                let _ = canonical_json(&v);
            }
        }
    });
}

/// The verifier's light reader takes only what the full reader takes, with the same value and
/// the same canonical hash, and the same verdict (see src/domain/light_json.rs).
#[test]
fn the_light_reader_agrees_with_the_full_reader_on_mutated_results() {
    let catalog = common::catalog();
    fuzz("light", &seeds("results"), |b| {
        let Ok(text) = std::str::from_utf8(b) else {
            return;
        };
        if let Ok(light) = Light::parse(text) {
            let full = parse_strict(text).expect("the full reader takes what the light one takes");
            assert_eq!(light.to_value(), full);
            assert_eq!(
                Ok(light.canonical_sha256(Some("proof"))),
                canonical_sha256(&full, Some("proof")).map_err(|e| e.to_string())
            );
        }
        if let Some(light) = verify_light(text, &catalog) {
            assert_eq!(Ok(light), verify_full(text, &catalog));
        }
    });
}

/// A ZIP archive of two results (one stored, one deflated) and a folder, as a seed.
fn zip_seed() -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let results = seeds("results");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.add_directory("ket-qua/", stored).expect("folder");
    for (i, r) in results.iter().take(2).enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        w.start_file(format!("ket-qua/{i}.json"), options)
            .expect("entry");
        w.write_all(r).expect("write");
    }
    w.finish().expect("zip").into_inner()
}

#[test]
fn the_zip_reader_never_panics_and_bounds_every_entry() {
    let catalog = common::catalog();
    fuzz("zip", &[zip_seed()], |b| {
        if let Ok(files) = unpack("x.zip", b) {
            for f in files {
                assert!(f.bytes.len() <= MAX_RESULT_BYTES + 1);
                let _ = receive(&f.name, &f.bytes, &catalog);
            }
        }
    });
}

#[test]
fn the_rubric_parser_never_panics_on_mutated_rubrics() {
    fuzz("rubric", &seeds("rubrics"), |b| {
        if let Ok(text) = std::str::from_utf8(b) {
            let _ = parse_rubric(text);
        }
    });
}

/// A backup file that reads is one the app can hold: comparing it with a device never panics,
/// and every quarter in it still takes a new meeting (its ids cannot run out).
#[test]
fn the_drafts_backup_reader_never_panics_and_what_it_takes_stays_editable() {
    let catalog = common::catalog();
    fuzz("drafts", &seeds("drafts"), |b| {
        let Ok(text) = std::str::from_utf8(b) else {
            return;
        };
        for training in [false, true] {
            if let Ok(backup) = read_backup(text, training) {
                let _ = plan(&backup, &CellProfile::default(), |_| None, &catalog);
                for q in &backup.quarters {
                    let mut r = q.clone();
                    let month = r.quarter.months()[0];
                    assert!(r.add_meeting(MeetingKind::Thematic, month).is_ok());
                }
            }
        }
    });
}
