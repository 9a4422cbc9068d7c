//! `chibo`: verify exported results, build a quarter's table from a folder of them (as the
//! district page does) and generate signed samples, from the command line.
//! Shares the verification code with the app (`chibo::domain`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use chibo::domain::catalog::Catalog;
    use chibo::domain::did_key::{did_key, fingerprint};
    use chibo::domain::district::collection::{classify, verified_received, Status};
    use chibo::domain::district::registry::Registry;
    use chibo::domain::eddsa_jcs::to_pretty;
    use chibo::domain::quarter::QuarterId;
    use chibo::domain::result_doc::{sign_result, ExportMeta};
    use chibo::domain::sample::{sample_cell, sample_key, sample_quarter, SampleRng};
    use chibo::domain::verify::verify_result;
    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(
        name = "chibo",
        version,
        about = "Chi bộ self-assessment: verify results, aggregate a quarter, make samples"
    )]
    struct Args {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Verify signed result files: one line per file; exit status 1 if any fails.
        Verify {
            /// Registry of cell keys, as the app exports it (CSV cell_name,did,fingerprint,
            /// valid_from, or JSON); when given, a file fails as in the app when its key is not
            /// registered, was signed before the key's valid-from day, or is registered for
            /// another cell (training files pass, flagged: the app keeps them apart).
            #[arg(long)]
            registry: Option<PathBuf>,
            /// One JSON object per line instead of text.
            #[arg(long)]
            json: bool,
            #[arg(required = true)]
            files: Vec<PathBuf>,
        },
        /// Verify every .json file and ZIP archive of a folder, its subfolders included, and build
        /// the quarter's table, as the app does. Exit status 0 when every file was read (bad
        /// files are statuses, not failures).
        Aggregate {
            /// Folder of result files: .json files and .zip archives of them, in it or in its
            /// subfolders (each file in an archive counts as one).
            dir: PathBuf,
            #[arg(long)]
            registry: PathBuf,
            /// YYYY-Qn
            #[arg(long)]
            quarter: String,
            /// Write the table as CSV (UTF-8 with BOM).
            #[arg(long)]
            csv: Option<PathBuf>,
            /// Write the table as XLSX.
            #[arg(long)]
            xlsx: Option<PathBuf>,
            /// Print JSON instead of text.
            #[arg(long)]
            json: bool,
        },
        /// Write N signed sample results of different cells and DIR/registry.csv.
        Sample {
            #[arg(long)]
            count: u32,
            /// YYYY-Qn
            #[arg(long)]
            quarter: String,
            #[arg(long, default_value_t = 1)]
            seed: u64,
            #[arg(long)]
            out: PathBuf,
            /// Mark the results as real (default: training).
            #[arg(long)]
            real: bool,
            /// Signing time (default: the 28th of the quarter's last month, 08:00 UTC), e.g. to
            /// make a newer export of the same cells.
            #[arg(long)]
            now: Option<String>,
        },
    }

    pub fn main() -> ExitCode {
        let args = Args::parse();
        let catalog = match Catalog::shipped() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("chibo: {e}");
                return ExitCode::from(2);
            }
        };
        let result = match args.command {
            Command::Verify {
                registry,
                json,
                files,
            } => verify(&catalog, registry.as_deref(), json, &files),
            Command::Sample {
                count,
                quarter,
                seed,
                out,
                real,
                now,
            } => sample(&catalog, count, &quarter, seed, &out, real, now),
            Command::Aggregate {
                dir,
                registry,
                quarter,
                csv,
                xlsx,
                json,
            } => aggregate::run(
                &catalog,
                &dir,
                &registry,
                &quarter,
                csv.as_deref(),
                xlsx.as_deref(),
                json,
            ),
        };
        result.unwrap_or_else(|e| {
            eprintln!("chibo: {e}");
            ExitCode::from(2)
        })
    }

    mod aggregate {
        use std::fs;
        use std::path::Path;
        use std::process::ExitCode;

        use chibo::domain::catalog::Catalog;
        use chibo::domain::district::aggregate::{
            aggregate, shortfall_vi, table_csv, QuarterTable, Reviews,
        };
        use chibo::domain::district::archive::{check_size, is_archive, unpack, ArchiveError};
        use chibo::domain::district::collection::{
            classify, is_result_file_name, receive, receive_too_large, Received,
        };
        use chibo::domain::quarter::QuarterId;
        use chibo::domain::report::format_tenths;
        use chibo::domain::verify::MAX_RESULT_BYTES;

        /// The results and archives under `dir`, its subfolders included (as the app takes a
        /// chosen or dropped folder: a district's inbox is often sorted by ward).
        fn result_paths(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
            for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
                let Ok(entry) = entry else { continue };
                let path = entry.path();
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    // A subfolder that cannot be listed is said, and the rest still counted.
                    if let Err(e) = result_paths(&path, out) {
                        eprintln!("bỏ qua thư mục: {e}");
                    }
                } else if path
                    .file_name()
                    .is_some_and(|n| is_result_file_name(&n.to_string_lossy()))
                {
                    out.push(path);
                }
            }
            Ok(())
        }

        fn read_dir(dir: &Path, catalog: &Catalog) -> Result<Vec<Received>, String> {
            let mut paths = Vec::new();
            result_paths(dir, &mut paths)?;
            paths.sort();
            // Verify on every core; results keep the folder's (sorted) order.
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let chunk = paths.len().div_ceil(threads).max(1);
            let mut out = Vec::with_capacity(paths.len());
            std::thread::scope(|scope| {
                let handles: Vec<_> = paths
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .flat_map(|p| {
                                    // Named by its path in the folder: two `ket-qua.json` of
                                    // two wards are two files.
                                    let name = p
                                        .strip_prefix(dir)
                                        .unwrap_or(p)
                                        .to_string_lossy()
                                        .replace('\\', "/");
                                    if is_archive(&name) {
                                        return unpack_received(p, &name, catalog);
                                    }
                                    let size = fs::metadata(p).map_or(0, |m| m.len());
                                    if size > MAX_RESULT_BYTES as u64 {
                                        // As the app: known by name and size, so two are not
                                        // "the same file".
                                        return vec![receive_too_large(&name, size)];
                                    }
                                    // An unreadable file becomes an "unreadable" status, not a failure.
                                    let bytes = fs::read(p).unwrap_or_default();
                                    vec![receive(&name, &bytes, catalog)]
                                })
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                for h in handles {
                    out.extend(h.join().unwrap_or_default());
                }
            });
            Ok(out)
        }

        /// The files in a ZIP archive, each received as a file of the folder would be (as the
        /// district page does). An archive that cannot be unpacked is reported on stderr and
        /// listed as one unreadable file.
        fn unpack_received(path: &Path, name: &str, catalog: &Catalog) -> Vec<Received> {
            let size = fs::metadata(path).map_or(0, |m| m.len());
            let unpacked = check_size(name, size).and_then(|()| {
                fs::read(path)
                    .map_err(|_| ArchiveError::Unreadable(name.into()))
                    .and_then(|bytes| unpack(name, &bytes))
            });
            match unpacked {
                Ok(entries) => entries
                    .iter()
                    .map(|e| receive(&e.name, &e.bytes, catalog))
                    .collect(),
                Err(e) => {
                    eprintln!("{e}");
                    vec![receive(name, b"", catalog)]
                }
            }
        }

        fn xlsx(table: &QuarterTable, path: &Path) -> Result<(), String> {
            use rust_xlsxwriter::{Format, Workbook};
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            let bold = Format::new().set_bold();
            let csv = table_csv(table);
            let rows = chibo::domain::district::csv::parse(&csv).map_err(|e| e.to_string())?;
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    let res = match (r, cell.parse::<f64>()) {
                        (0, _) => sheet
                            .write_string_with_format(r, c, cell, &bold)
                            .map(|_| ()),
                        (_, Ok(n)) if c == 4 => sheet.write_number(r, c, n).map(|_| ()),
                        _ => sheet.write_string(r, c, cell).map(|_| ()),
                    };
                    res.map_err(|e| e.to_string())?;
                }
            }
            sheet.set_column_width(0, 40).map_err(|e| e.to_string())?;
            book.save(path)
                .map_err(|e| format!("{}: {e}", path.display()))
        }

        pub fn run(
            catalog: &Catalog,
            dir: &Path,
            registry: &Path,
            quarter: &str,
            csv: Option<&Path>,
            xlsx_out: Option<&Path>,
            json: bool,
        ) -> Result<ExitCode, String> {
            let quarter = QuarterId::parse(quarter).map_err(|e| e.to_string())?;
            let registry = super::read_registry(registry)?;
            let received = read_dir(dir, catalog)?;
            let classified = classify(&received, &registry);
            let table = aggregate(
                &received,
                &classified,
                &registry,
                &Reviews::new(),
                catalog,
                quarter,
            );
            if let Some(p) = csv {
                fs::write(p, table_csv(&table)).map_err(|e| format!("{}: {e}", p.display()))?;
            }
            if let Some(p) = xlsx_out {
                xlsx(&table, p)?;
            }
            if json {
                let files: Vec<_> = received.iter().zip(&classified).map(|(r, c)| serde_json::json!({
                    "file": r.file_name, "status": c.status.id(), "label": c.status.label_vi(), "detail": c.detail,
                })).collect();
                let rows: Vec<_> = table.rows.iter().map(|r| serde_json::json!({
                    "cell": r.cell_name, "meetings": r.meetings, "averageTenths": r.average_tenths,
                    "rating": r.rating.id(), "shortfalls": r.shortfalls, "fingerprint": r.fingerprint, "file": r.file_name,
                })).collect();
                let missing: Vec<_> = table.missing.iter().map(|m| m.cell_name.clone()).collect();
                let counts: serde_json::Map<String, serde_json::Value> = table
                    .status_counts
                    .iter()
                    .map(|(s, n)| (s.id().to_string(), (*n).into()))
                    .collect();
                println!(
                    "{}",
                    serde_json::json!({
                        "quarter": quarter.to_string(), "files": files, "rows": rows, "missing": missing, "statusCounts": counts,
                        "distribution": table.distribution.iter().map(|(r, n)| (r.id().to_string(), serde_json::Value::from(*n))).collect::<serde_json::Map<_, _>>(),
                    })
                );
            } else {
                for (r, c) in received.iter().zip(&classified) {
                    let detail = if c.detail.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", c.detail)
                    };
                    println!("{}: {}{}", r.file_name, c.status.label_vi(), detail);
                }
                println!();
                println!(
                    "Quý {}: {} chi bộ được tính, {} chưa nộp",
                    quarter,
                    table.rows.len(),
                    table.missing.len()
                );
                for r in &table.rows {
                    let sf: Vec<String> = r.shortfalls.iter().map(|s| shortfall_vi(s)).collect();
                    println!(
                        "  {} — {} buổi — {} — {}{}",
                        r.cell_name,
                        r.meetings,
                        format_tenths(r.average_tenths),
                        r.rating.label_vi(),
                        if sf.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", sf.join("; "))
                        }
                    );
                }
                for m in &table.missing {
                    println!("  {} — chưa nộp", m.cell_name);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }

    /// A registry file as the app reads it (its own CSV or JSON export).
    fn read_registry(path: &Path) -> Result<Registry, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if text.trim_start().starts_with('{') {
            Registry::from_json(&text)
        } else {
            Registry::from_csv(&text)
        }
        .map_err(|e| format!("{}: {e}", path.display()))
    }

    fn json_line(
        file: &Path,
        ok: bool,
        code: &str,
        message: &str,
        extra: serde_json::Value,
    ) -> String {
        let mut v = serde_json::json!({ "file": file.display().to_string(), "ok": ok, "code": code, "message": message });
        if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        v.to_string()
    }

    fn verify(
        catalog: &Catalog,
        registry: Option<&Path>,
        json: bool,
        files: &[PathBuf],
    ) -> Result<ExitCode, String> {
        let registry = registry.map(read_registry).transpose()?;
        let mut failed = 0;
        for file in files {
            let outcome = fs::read(file)
                .map_err(|e| ("unreadable".to_string(), format!("không đọc được tệp: {e}")))
                .and_then(|bytes| {
                    String::from_utf8(bytes)
                        .map_err(|_| ("not_json".into(), "không phải văn bản UTF-8".into()))
                })
                .and_then(|text| {
                    verify_result(&text, catalog).map_err(|e| (e.code().to_string(), e.to_string()))
                })
                .and_then(|v| match &registry {
                    // The app's own rules (key known, valid from the signing day, same cell), so
                    // the two never disagree on a file. A training file is not the registry's
                    // business (the app keeps it apart before looking): it passes, flagged.
                    Some(r) => {
                        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                        let received = verified_received(&name.unwrap_or_default(), v.clone());
                        match classify(std::slice::from_ref(&received), r).first() {
                            Some(c)
                                if matches!(
                                    c.status,
                                    Status::UnregisteredKey | Status::KeyCellMismatch
                                ) =>
                            {
                                Err((
                                    c.status.id().to_string(),
                                    format!("{}: {}", c.status.label_vi(), c.reason),
                                ))
                            }
                            _ => Ok(v),
                        }
                    }
                    None => Ok(v),
                });
            match outcome {
                Ok(v) => {
                    let s = &v.subject;
                    let rating = s.quarter_result.rating.label_vi();
                    let training = if s.training { " [TẬP HUẤN]" } else { "" };
                    if json {
                        println!(
                            "{}",
                            json_line(
                                file,
                                true,
                                "ok",
                                "hợp lệ",
                                serde_json::json!({
                                    "cell": s.cell.name, "quarter": s.quarter.to_string(), "issuer": v.issuer,
                                    "fingerprint": v.fingerprint, "averageTenths": s.quarter_result.average_tenths,
                                    "rating": s.quarter_result.rating.id(), "training": s.training,
                                })
                            )
                        );
                    } else {
                        println!(
                            "{}: ok — {} {} — {}{}",
                            file.display(),
                            s.cell.name,
                            s.quarter,
                            rating,
                            training
                        );
                    }
                }
                Err((code, message)) => {
                    failed += 1;
                    if json {
                        println!(
                            "{}",
                            json_line(file, false, &code, &message, serde_json::Value::Null)
                        );
                    } else {
                        println!("{}: LỖI ({code}) — {message}", file.display());
                    }
                }
            }
        }
        Ok(if failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }

    fn sample(
        catalog: &Catalog,
        count: u32,
        quarter: &str,
        seed: u64,
        out: &Path,
        real: bool,
        now: Option<String>,
    ) -> Result<ExitCode, String> {
        let quarter = QuarterId::parse(quarter).map_err(|e| e.to_string())?;
        let rubric = catalog.default_for(quarter).ok_or("không có bộ tiêu chí")?;
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        // A fixed moment inside the quarter's last month keeps the output deterministic.
        let default_now = format!("{}-{:02}-28T08:00:00Z", quarter.year(), quarter.months()[2]);
        let custom = now.is_some();
        let now = now.unwrap_or(default_now);
        let valid_from = format!("{}-01-01", quarter.year());
        let mut registry = String::from("cell_name,did,fingerprint,valid_from\n");
        for i in 0..count {
            let key = sample_key(seed, i);
            let profile = sample_cell(seed, i);
            let record = sample_quarter(seed, i, rubric, quarter, &profile);
            // A custom time is a different export of the same cell: it gets another id.
            let salt = if custom {
                u64::from_str_radix(
                    &chibo::domain::canonical::sha256_hex(now.as_bytes())[..15],
                    16,
                )
                .unwrap_or(1)
            } else {
                0
            };
            let mut rng = SampleRng::new(seed ^ salt, u64::from(i) | (4 << 40));
            let mut uuid_bytes = [0u8; 16];
            uuid_bytes.copy_from_slice(&rng.bytes32()[..16]);
            let meta = ExportMeta {
                now: now.clone(),
                uuid_bytes,
                app_version: env!("CARGO_PKG_VERSION").into(),
                training: !real,
            };
            let export = sign_result(rubric, &record, &profile, &key, &meta)
                .map_err(|e| format!("{}: {e}", profile.name))?;
            let name = format!("{:04}_{}", i + 1, export.file_name);
            fs::write(out.join(&name), to_pretty(&export.document))
                .map_err(|e| format!("{name}: {e}"))?;
            let public = key.verifying_key().to_bytes();
            registry.push_str(&format!(
                "\"{}\",{},{},{}\n",
                profile.name,
                did_key(&public),
                fingerprint(&public),
                valid_from
            ));
        }
        fs::write(out.join("registry.csv"), registry).map_err(|e| format!("registry.csv: {e}"))?;
        eprintln!(
            "{count} tệp kết quả và registry.csv đã ghi vào {}",
            out.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
