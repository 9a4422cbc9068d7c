//! The `chibo` command line: samples are deterministic and verify; failures give a reason and a
//! non-zero exit status.

use std::path::PathBuf;
use std::process::Command;

fn chibo(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(args)
        .output()
        .expect("run chibo");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Runs `chibo aggregate DIR --registry REGISTRY --quarter 2026-Q4` with `extra` arguments.
fn aggregate(dir: &std::path::Path, registry: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "aggregate",
        dir.to_str().unwrap(),
        "--registry",
        registry.to_str().unwrap(),
        "--quarter",
        "2026-Q4",
    ];
    args.extend_from_slice(extra);
    chibo(&args)
}

/// Runs `chibo sample`, asserting it succeeds.
fn sample(dir: &std::path::Path, count: u32, quarter: &str, seed: u64, real: bool) {
    let (count, seed) = (count.to_string(), seed.to_string());
    let mut args = vec![
        "sample",
        "--count",
        &count,
        "--quarter",
        quarter,
        "--seed",
        &seed,
        "--out",
    ];
    args.push(dir.to_str().expect("utf-8 path"));
    if real {
        args.push("--real");
    }
    let (code, out) = chibo(&args);
    assert_eq!(code, 0, "{out}");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn json_files(dir: &PathBuf) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".json"))
        .collect();
    v.sort();
    v
}

#[test]
fn samples_are_deterministic_training_flagged_and_verify_against_their_registry() {
    let (a, b) = (temp_dir("sample-a"), temp_dir("sample-b"));
    for dir in [&a, &b] {
        sample(dir, 4, "2026-Q3", 9, false);
    }
    let (files, again) = (json_files(&a), json_files(&b));
    // Both counted first: `zip` stops at the shorter list, and would compare nothing if one
    // run wrote no file.
    assert_eq!(files.len(), 4);
    assert_eq!(again.len(), 4);
    for (x, y) in files.iter().zip(again) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "same seed, same bytes"
        );
    }
    let registry = a.join("registry.csv");
    let mut args = vec!["verify", "--registry", registry.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let (code, out) = chibo(&args);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().count(), 4);
    assert!(
        out.lines()
            .all(|l| l.contains(": ok — ") && l.ends_with("[TẬP HUẤN]")),
        "{out}"
    );
}

#[test]
fn a_tampered_file_fails_with_its_reason_and_a_non_zero_status() {
    let dir = temp_dir("sample-tamper");
    sample(&dir, 2, "2026-Q4", 3, true);
    let files = json_files(&dir);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let tampered = dir.join("tampered.json");
    std::fs::write(
        &tampered,
        text.replacen("\"training\": false", "\"training\": true", 1),
    )
    .unwrap();
    let not_json = dir.join("notes.json");
    std::fs::write(&not_json, "ghi chú, không phải JSON").unwrap();
    let (code, out) = chibo(&[
        "verify",
        "--json",
        &files[1],
        tampered.to_str().unwrap(),
        not_json.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[0]["training"], false);
    assert_eq!(lines[1]["code"], "bad_signature");
    assert_eq!(lines[2]["code"], "not_json");
}

#[test]
fn a_key_missing_from_the_registry_fails() {
    let (a, b) = (temp_dir("sample-reg-a"), temp_dir("sample-reg-b"));
    sample(&a, 1, "2026-Q4", 1, true);
    sample(&b, 1, "2026-Q4", 2, true);
    let registry = a.join("registry.csv");
    let file = &json_files(&b)[0];
    let (code, out) = chibo(&["verify", "--registry", registry.to_str().unwrap(), file]);
    assert_eq!(code, 1);
    assert!(out.contains("unregistered_key"), "{out}");
}

#[test]
fn aggregate_reports_every_file_and_writes_csv_and_xlsx_with_status_zero() {
    let dir = temp_dir("aggregate");
    sample(&dir, 3, "2026-Q4", 21, true);
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    let files = json_files(&dir);
    std::fs::copy(&files[0], dir.join("zz-copy.json")).unwrap();
    let (csv, xlsx) = (dir.join("table.csv"), dir.join("table.xlsx"));
    let registry = dir.join("registry.csv");
    let (code, out) = aggregate(
        &dir,
        &registry,
        &[
            "--csv",
            csv.to_str().unwrap(),
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
    assert_eq!(v["statusCounts"]["valid"], 3);
    assert_eq!(v["statusCounts"]["duplicate"], 1);
    assert_eq!(v["statusCounts"]["unreadable"], 1);
    let text = std::fs::read_to_string(csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 4);
    let bytes = std::fs::read(xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip file");
}

#[test]
fn aggregate_reads_the_results_inside_a_zip_archive_as_files_of_the_folder() {
    use std::io::Write;
    let loose = temp_dir("aggregate-loose");
    sample(&loose, 4, "2026-Q4", 23, true);
    let files = json_files(&loose);
    let zipped = temp_dir("aggregate-zipped");
    std::fs::create_dir_all(&zipped).unwrap();
    std::fs::copy(loose.join("registry.csv"), zipped.join("registry.csv")).unwrap();
    // Three results in an archive (in a folder of it, as an e-mail attachment often is), one
    // of them twice, and the fourth beside it; and an archive that is not one.
    let mut w = zip::ZipWriter::new(std::fs::File::create(zipped.join("quy-4.zip")).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (i, f) in files.iter().take(3).chain(files.first()).enumerate() {
        let name = std::path::Path::new(f)
            .file_name()
            .unwrap()
            .to_string_lossy();
        w.start_file(format!("ket-qua/{i}-{name}"), options)
            .unwrap();
        w.write_all(&std::fs::read(f).unwrap()).unwrap();
    }
    w.finish().unwrap();
    std::fs::copy(&files[3], zipped.join("d.json")).unwrap();
    std::fs::write(zipped.join("broken.zip"), "not a zip").unwrap();
    let registry = zipped.join("registry.csv");
    let (code, out) = aggregate(&zipped, &registry, &["--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 4, "{v}");
    assert_eq!(v["statusCounts"]["valid"], 4);
    assert_eq!(v["statusCounts"]["duplicate"], 1);
    assert_eq!(v["statusCounts"]["unreadable"], 1);
    let names = v.to_string();
    assert!(names.contains("quy-4.zip/ket-qua/"), "{names}");
}

#[test]
fn verify_reads_the_apps_registry_export_and_applies_its_valid_from_and_cell_name() {
    let dir = temp_dir("sample-reg-rules");
    sample(&dir, 2, "2026-Q4", 5, true);
    let files = json_files(&dir);
    let csv = std::fs::read_to_string(dir.join("registry.csv")).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    // As the app writes it: a byte-order mark first.
    lines[0] = format!("\u{feff}{}", lines[0].trim_start_matches('\u{feff}'));
    let registry = dir.join("app-registry.csv");
    let write = |lines: &[String]| std::fs::write(&registry, lines.join("\r\n") + "\r\n").unwrap();
    write(&lines);
    let verify = |file: &str| chibo(&["verify", "--registry", registry.to_str().unwrap(), file]);
    let (code, out) = verify(&files[0]);
    assert_eq!(code, 0, "{out}");

    // Valid only from a later day: the file is refused, as in the app.
    let later: Vec<String> = lines
        .iter()
        .map(|l| l.replace("2026-01-01", "2027-01-01"))
        .collect();
    assert_ne!(
        later, lines,
        "the sample registry's valid-from is 2026-01-01"
    );
    write(&later);
    let (code, out) = verify(&files[0]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2027-01-01"), "{out}");

    // Registered for another cell (a quoted name with a comma): refused.
    let renamed: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.clone()
            } else {
                let rest = l.split_once(',').map_or("", |x| x.1);
                format!("\"Chi bộ khác, số {i}\",{rest}")
            }
        })
        .collect();
    write(&renamed);
    let (code, out) = verify(&files[0]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("key_cell_mismatch"), "{out}");
}

#[test]
fn aggregate_takes_the_results_in_subfolders_and_nothing_else() {
    let dir = temp_dir("sample-subfolders");
    sample(&dir, 3, "2026-Q4", 8, true);
    let ward = dir.join("phuong-1");
    std::fs::create_dir_all(&ward).unwrap();
    for f in json_files(&dir).into_iter().skip(1) {
        let name = std::path::Path::new(&f).file_name().unwrap().to_owned();
        std::fs::rename(&f, ward.join(name)).unwrap();
    }
    std::fs::write(ward.join("desktop.ini"), "[.ShellClassInfo]").unwrap();
    // Two empty files of the same name in two wards: two unreadable files, not one repeated.
    let other = dir.join("phuong-2");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(ward.join("ket-qua.json"), "").unwrap();
    std::fs::write(other.join("ket-qua.json"), "").unwrap();
    let (code, out) = aggregate(&dir, &dir.join("registry.csv"), &["--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(3), "{out}");
    assert!(
        out.contains("phuong-1/"),
        "files are named by their path in the folder: {out}"
    );
    assert!(!out.contains("desktop.ini"), "{out}");
    let unreadable: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "unreadable")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        unreadable,
        ["phuong-1/ket-qua.json", "phuong-2/ket-qua.json"]
    );
}
