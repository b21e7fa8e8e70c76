//! `unprog convert INPUT... -o OUT`: the batch.
//!
//! Inputs are converted in parallel (rayon, `-j`), in chunks, in path order:
//! each chunk's results are written before the next chunk starts, so memory
//! stays flat and every output is in input order whatever the thread count.
//! Every file is written to a temporary name and renamed into place; the
//! collection files (JSON Lines, CSV, manifest) appear only at the end.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::HashMap;
use unprog_export::manifest::{Entry, Manifest, ManifestWriter, Status};
use unprog_export::skeleton::Skeleton;
use unprog_parse::{Options, Programme};

use crate::inputs::Input;
use crate::watchdog::{self, Outcome};

/// How the batch runs.
pub struct BatchOptions {
    pub out_dir: PathBuf,
    pub pretty: bool,
    pub jobs: usize,
    pub resume: bool,
    pub quiet: bool,
    pub verbose: bool,
    pub timeout: Duration,
    /// Convert in worker processes that can be killed (see `isolate`).
    pub isolate: bool,
    /// Address-space limit of one isolated worker, MB.
    pub max_memory_mb: u64,
}

/// Inputs per chunk: enough to keep every thread busy, few enough to keep
/// memory flat.
const CHUNK: usize = 64;

/// One input's outcome: its manifest entry and its share of the collection
/// files.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Done {
    pub entry: Entry,
    pub skeleton: Option<Skeleton>,
    /// The document as one JSON line (for programmes.jsonl) and its CSV rows.
    pub jsonl: Option<String>,
    pub csv: Option<String>,
}

impl Done {
    /// An input that failed: its entry with the error and the time spent,
    /// nothing for the collection files.
    pub fn failed(mut entry: Entry, error: String, elapsed: Duration) -> Done {
        entry.status = Status::Failed;
        entry.error = Some(error);
        entry.elapsed_ms = elapsed.as_millis() as u64;
        Done {
            entry,
            skeleton: None,
            jsonl: None,
            csv: None,
        }
    }
}

/// An input's manifest entry before anything is known of it (failed until
/// converted).
pub fn blank_entry(input: &Input) -> Entry {
    Entry {
        input: input.display.clone(),
        output: None,
        sha256: None,
        status: Status::Failed,
        error: None,
        pages: None,
        warnings: 0,
        language: None,
        symbol: None,
        elapsed_ms: 0,
        resumed: false,
    }
}

/// Runs the batch; returns whether any input failed.
pub fn run(inputs: &[Input], opts: &BatchOptions) -> Result<bool> {
    fs::create_dir_all(&opts.out_dir)
        .with_context(|| format!("cannot create the output folder {}", opts.out_dir.display()))?;
    // --resume: the earlier run's entries, by input path.
    let previous: Option<HashMap<String, Entry>> = opts.resume.then(|| {
        read_manifest(&opts.out_dir)
            .map(|m| m.inputs.into_iter().map(|e| (e.input.clone(), e)).collect())
            .unwrap_or_default()
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .context("cannot start worker threads")?;
    let progress = crate::progress::Progress::new(inputs.len() as u64, opts.quiet);

    let jsonl_tmp = TempFile::create(&opts.out_dir, "programmes.jsonl")?;
    let csv_tmp = TempFile::create(&opts.out_dir, "slots.csv")?;
    let mut jsonl = BufWriter::new(jsonl_tmp.file()?);
    let mut csv = BufWriter::new(csv_tmp.file()?);
    csv.write_all(unprog_export::csv::HEADER.as_bytes())?;

    let manifest_tmp = TempFile::create(&opts.out_dir, "manifest.json")?;
    let mut manifest = ManifestWriter::new(
        BufWriter::new(manifest_tmp.file()?),
        env!("CARGO_PKG_VERSION"),
    )?;
    let mut any_failed = false;
    let mut workers = if opts.isolate {
        Some(crate::isolate::Workers::new(opts)?)
    } else {
        None
    };
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<Done> = match workers.as_mut() {
            Some(w) => w.convert(chunk, previous.as_ref(), &|input: &Input, done: &Done| {
                progress.tick(
                    &input.display,
                    done.entry.status == Status::Failed,
                    done.entry.warnings,
                )
            }),
            None => pool.install(|| {
                chunk
                    .par_iter()
                    .map(|input| {
                        let done = convert_one(input, opts, previous.as_ref());
                        progress.tick(
                            &input.display,
                            done.entry.status == Status::Failed,
                            done.entry.warnings,
                        );
                        done
                    })
                    .collect()
            }),
        };
        for done in results {
            if done.entry.status == Status::Failed {
                any_failed = true;
                if !opts.quiet {
                    progress.println(&format!(
                        "unprog: {}: {}",
                        done.entry.input,
                        done.entry.error.as_deref().unwrap_or("failed")
                    ));
                }
            } else if opts.verbose {
                progress.println(&format!(
                    "unprog: {}: {} ({}, {}, {} ms)",
                    done.entry.input,
                    match done.entry.status {
                        Status::Ok => "ok",
                        _ => "ok with warnings",
                    },
                    crate::progress::count(u64::from(done.entry.pages.unwrap_or(0)), "page"),
                    crate::progress::count(done.entry.warnings as u64, "warning"),
                    done.entry.elapsed_ms
                ));
            }
            if let Some(line) = &done.jsonl {
                jsonl.write_all(line.as_bytes())?;
            }
            if let Some(rows) = &done.csv {
                csv.write_all(rows.as_bytes())?;
            }
            manifest.push(&done.entry, done.skeleton)?;
        }
    }
    progress.finish();
    if let Some(w) = workers {
        w.shutdown();
    }
    jsonl.flush()?;
    csv.flush()?;
    drop(jsonl);
    drop(csv);
    jsonl_tmp.persist()?;
    csv_tmp.persist()?;
    // Written last: its presence says the run finished.
    let summary = manifest.finish()?;
    manifest_tmp.persist()?;
    if !opts.quiet {
        let s = &summary;
        eprintln!(
            "unprog: {}: {} ok, {} with warnings, {} failed; {}{}",
            crate::progress::count(s.inputs as u64, "input"),
            s.ok,
            s.warnings,
            s.failed,
            crate::progress::count(s.pages, "page"),
            if s.inconsistent_groups > 0 {
                format!(
                    "; {} documents disagree across languages (see manifest.json)",
                    s.inconsistent_groups
                )
            } else {
                String::new()
            }
        );
    }
    Ok(any_failed)
}

/// The hard limit on one document's work: twice its budget and 2 s more
/// (the extractor stops itself at the budget; this is for loops where no
/// budget is checked).
pub fn hard_limit(timeout: Duration) -> Duration {
    timeout * 2 + Duration::from_secs(2)
}

/// Converts one input and writes its JSON file (in this process).
pub(crate) fn convert_one(
    input: &Input,
    opts: &BatchOptions,
    previous: Option<&HashMap<String, Entry>>,
) -> Done {
    let started = Instant::now();
    let mut entry = blank_entry(input);
    let failed = |entry: Entry, error: String| Done::failed(entry, error, started.elapsed());
    // (A named pipe or a device would block the read for ever: refused.)
    let bytes = match crate::inputs::read(&input.path) {
        Ok(b) => b,
        Err(crate::inputs::ReadError::Missing(why)) => {
            return failed(entry, format!("cannot read: {why}"))
        }
        Err(e) => {
            // An empty file or an archive still has a hash, for the record.
            entry.sha256 = fs::metadata(&input.path)
                .is_ok_and(|m| m.is_file())
                .then(|| fs::read(&input.path).ok())
                .flatten()
                .map(|b| unprog_parse::sha256_hex(&b));
            return failed(entry, e.to_string());
        }
    };
    let sha = unprog_parse::sha256_hex(&bytes);
    entry.sha256 = Some(sha.clone());

    // --resume: keep an earlier output whose input has not changed.
    if let Some(prev) = previous
        .and_then(|m| m.get(&input.display))
        .filter(|e| e.sha256.as_deref() == Some(sha.as_str()) && e.status != Status::Failed)
    {
        if let Some(programme) = prev
            .output
            .as_ref()
            .filter(|o| **o == input.output_name)
            .and_then(|o| fs::read_to_string(opts.out_dir.join(o)).ok())
            .and_then(|text| serde_json::from_str::<Programme>(&text).ok())
        {
            let mut done = finish(entry, &programme, None, input, started);
            done.entry.resumed = true;
            return done;
        }
    }

    let options = Options {
        extract: unprog_extract::Settings {
            time_budget: Some(opts.timeout),
            ..unprog_extract::Settings::default()
        },
        language: None,
    };
    // The extractor stops itself at the time budget; the watchdog is the
    // hard stop behind it, for a loop where no budget is checked. In an
    // isolated worker the batch itself watches (and kills) the process.
    let hard_limit = hard_limit(opts.timeout);
    let (file_name, is_text) = (input.file_name.clone(), input.is_text);
    // For the tests: `UNPROG_FAULT=panic:NAME` makes the work on the input
    // named NAME panic, standing in for a bug in the parser.
    let injected_panic = std::env::var("UNPROG_FAULT")
        .is_ok_and(|f| f.strip_prefix("panic:") == Some(input.file_name.as_str()));
    let work = move || {
        if injected_panic {
            let _: u32 = "not a number".parse().unwrap();
        }
        unprog_parse::parse_bytes_hashed(&bytes, &sha, &file_name, is_text, &options)
    };
    let parsed = if opts.isolate {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(r) => Outcome::Done(r),
            Err(_) => Outcome::Panicked(crate::panics::take_here()),
        }
    } else {
        watchdog::run(hard_limit, work)
    };
    let programme = match parsed {
        Outcome::Done(Ok(p)) => p,
        Outcome::Done(Err(e)) => return failed(entry, e.to_string()),
        Outcome::Panicked(place) => {
            return failed(entry, crate::panics::message(place.as_deref()))
        }
        Outcome::Overran => {
            return failed(
                entry,
                format!(
                    "gave up after {:.0} s: the document overran its time budget (--timeout {:.0}) inside a PDF library; its work was abandoned and the batch went on",
                    hard_limit.as_secs_f64(),
                    opts.timeout.as_secs_f64()
                ),
            )
        }
    };
    let json = unprog_export::to_json(&programme, opts.pretty);
    if let Err(e) = write_atomic(&opts.out_dir, &input.output_name, json.as_bytes()) {
        return failed(entry, format!("cannot write {}: {e:#}", input.output_name));
    }
    // With --compact the document's file and its JSON Lines entry are the
    // same text: serialise once.
    let line = (!opts.pretty).then_some(json);
    finish(entry, &programme, line, input, started)
}

fn finish(
    mut entry: Entry,
    p: &Programme,
    jsonl: Option<String>,
    input: &Input,
    started: Instant,
) -> Done {
    entry.output = Some(input.output_name.clone());
    entry.status = if p.warnings.is_empty() {
        Status::Ok
    } else {
        Status::Warnings
    };
    entry.pages = Some(p.source.pages);
    entry.warnings = p.warnings.len();
    entry.language = Some(p.language.code().to_string());
    entry.symbol = p.symbol.clone();
    entry.elapsed_ms = started.elapsed().as_millis() as u64;
    Done {
        entry,
        skeleton: Some(Skeleton::of(p)),
        jsonl: Some(jsonl.unwrap_or_else(|| unprog_export::to_json(p, false))),
        csv: Some(unprog_export::csv::rows(
            p,
            &unprog_export::csv::Origin {
                file: &input.relative,
                json: &input.output_name,
            },
        )),
    }
}

fn read_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(dir.join("manifest.json")).ok()?;
    serde_json::from_str(&text).ok()
}

/// A file written under a temporary name in the output folder, renamed into
/// place by [`TempFile::persist`]. Dropped without persisting, it is removed.
struct TempFile {
    tmp: PathBuf,
    dest: PathBuf,
    persisted: bool,
}

impl TempFile {
    fn create(dir: &Path, name: &str) -> Result<TempFile> {
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        Ok(TempFile {
            tmp,
            dest: dir.join(name),
            persisted: false,
        })
    }

    /// Opens the temporary file; an error names the file it stands for.
    fn file(&self) -> Result<File> {
        File::create(&self.tmp).map_err(|e| self.cannot_write(&e))
    }

    fn cannot_write(&self, e: &std::io::Error) -> anyhow::Error {
        anyhow::anyhow!(
            "cannot write {}: {}",
            self.dest.display(),
            crate::inputs::io_reason(e)
        )
    }

    fn persist(mut self) -> Result<()> {
        fs::rename(&self.tmp, &self.dest).map_err(|e| self.cannot_write(&e))?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `name` in `dir` atomically: a temporary file, flushed, then renamed.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let tmp = TempFile::create(dir, &name.replace('/', "_"))?;
    let mut f = tmp.file()?;
    // Renamed only once complete: a run that is killed leaves whole files.
    // (No fsync: that guards against power loss, at a large cost per file.)
    f.write_all(bytes).map_err(|e| tmp.cannot_write(&e))?;
    drop(f);
    tmp.persist()
}
