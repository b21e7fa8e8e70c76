//! `unprog convert INPUT... -o OUT`: the batch.
//!
//! Inputs are converted in parallel (rayon, `-j`), in chunks, in path order:
//! each chunk's results are written (on the main thread, while the next
//! chunk converts; with `--isolate` before it starts), so memory stays flat
//! (a few chunks at most) and every output is in input order whatever the
//! thread count. The dataset tables (`--sqlite`, `--parquet`,
//! `--csv-tables`) are written by threads of their own (`crate::writers`),
//! a chunk at a time, while the batch goes on.
//! Every file is written to a temporary name and renamed into place; the
//! collection files (JSON Lines, CSV, manifest) appear only at the end.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::sync::Mutex;
use unprog_export::manifest::{Entry, Manifest, ManifestWriter, Status};
use unprog_export::skeleton::Skeleton;
use unprog_export::tables::{Record, Tables};
use unprog_parse::{Options, Programme};

use crate::dataset;
use crate::inputs::Input;
use crate::watchdog::{self, Outcome};
use crate::writers::{Rows, Writers};

/// How the batch runs.
pub struct BatchOptions {
    pub out_dir: PathBuf,
    pub pretty: bool,
    pub jobs: usize,
    pub resume: bool,
    /// Start the folder afresh: the earlier dataset's files are removed.
    pub replace: bool,
    pub quiet: bool,
    pub verbose: bool,
    pub timeout: Duration,
    /// Convert in worker processes that can be killed (see `isolate`).
    pub isolate: bool,
    /// Address-space limit of one isolated worker, MB.
    pub max_memory_mb: u64,
    /// `--sqlite`: the archive database to write too.
    pub sqlite: Option<PathBuf>,
    /// `--parquet`: the folder of Parquet tables to write too.
    pub parquet: Option<PathBuf>,
    /// `--csv-tables`: the folder of CSV tables to write too.
    pub csv_tables: Option<PathBuf>,
}

impl BatchOptions {
    /// Whether the run writes the tidy tables anywhere (the database, the
    /// Parquet or CSV tables): then each worker builds its document's rows.
    pub fn wants_tables(&self) -> bool {
        self.sqlite.is_some() || self.parquet.is_some() || self.csv_tables.is_some()
    }
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
    /// The input's rows of the tidy tables and the digest they record,
    /// made by the worker when the run writes tables (not sent by an
    /// isolated worker: [`Done::prepare_tables`] makes them then).
    #[serde(skip)]
    pub tables: Option<(Tables, String)>,
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
            tables: None,
        }
    }

    /// What the tables record of this input; `digest` is the SHA-256 of
    /// its JSON Lines text, or of its error.
    pub fn record<'a>(&'a self, digest: Option<&'a str>) -> Record<'a> {
        record_of(&self.entry, digest)
    }

    /// The digest the tables record: the SHA-256 of the JSON Lines text,
    /// or of the error.
    pub fn digest(&self) -> Option<String> {
        self.jsonl
            .as_deref()
            .or(self.entry.error.as_deref())
            .map(|text| unprog_parse::sha256_hex(text.as_bytes()))
    }

    /// Builds the input's rows from its programme (in a worker, where it is
    /// at hand).
    fn add_tables(&mut self, programme: Option<&Programme>) {
        let digest = self.digest();
        let tables = Tables::build(&self.record(digest.as_deref()), programme);
        self.tables = Some((tables, digest.unwrap_or_default()));
    }

    /// Makes sure the rows are there: built now when the worker did not
    /// (a failed input, an isolated worker's answer), its programme read
    /// back from its JSON Lines text.
    pub fn prepare_tables(&mut self) -> Result<()> {
        if self.tables.is_some() {
            return Ok(());
        }
        let programme = self
            .jsonl
            .as_deref()
            .map(serde_json::from_str::<Programme>)
            .transpose()
            .with_context(|| format!("{}: its programme cannot be read back", self.entry.input))?;
        self.add_tables(programme.as_ref());
        Ok(())
    }
}

/// What the tables record of the input of this manifest entry; `digest` is
/// the SHA-256 of its JSON Lines text, or of its error.
pub fn record_of<'a>(e: &'a Entry, digest: Option<&'a str>) -> Record<'a> {
    Record {
        input: &e.input,
        file: e.file.as_deref(),
        json: e.output.as_deref(),
        sha256: e.sha256.as_deref(),
        status: e.status,
        error: e.error.as_deref(),
        pages: e.pages,
        digest,
    }
}

/// An input's manifest entry before anything is known of it (failed until
/// converted).
pub fn blank_entry(input: &Input) -> Entry {
    Entry {
        input: input.display.clone(),
        file: Some(input.relative.clone()),
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
///
/// The folder is locked for the run (a second run into it is refused), the
/// temporary files of killed runs are removed, and the earlier manifest's
/// entries are kept for inputs this run does not convert (`--replace`
/// removes the earlier dataset first): `manifest.json`, `programmes.jsonl`
/// and `slots.csv` always hold every document of the folder, once.
pub fn run(inputs: &[Input], opts: &BatchOptions) -> Result<bool> {
    fs::create_dir_all(&opts.out_dir)
        .with_context(|| format!("cannot create the output folder {}", opts.out_dir.display()))?;
    let (_lock, stale_lock) = dataset::Lock::acquire(&opts.out_dir)?;
    let removed = dataset::remove_stale_temporaries(&opts.out_dir);
    if (stale_lock.is_some() || removed > 0) && !opts.quiet {
        eprintln!(
            "unprog: note: an earlier run into {} did not finish (killed?); {} it left removed",
            opts.out_dir.display(),
            crate::progress::count(removed as u64, "temporary file")
        );
    }
    let old = if opts.replace {
        let old = dataset::read_manifest(&opts.out_dir).ok().flatten();
        dataset::remove_dataset(
            &opts.out_dir,
            old.as_ref().unwrap_or(&Manifest {
                tool_version: String::new(),
                inputs: Vec::new(),
                groups: Vec::new(),
                summary: Default::default(),
            }),
        )?;
        None
    } else {
        dataset::read_manifest(&opts.out_dir)?
    };
    // The earlier run's entries, by input path.
    let previous: HashMap<String, Entry> = old
        .map(|m| m.inputs.into_iter().map(|e| (e.input.clone(), e)).collect())
        .unwrap_or_default();
    let mut inputs = inputs.to_vec();
    dataset::assign_output_names(&mut inputs, &previous);
    // Entries whose inputs this run does not see: kept, in path order.
    let this_run: HashSet<&str> = inputs.iter().map(|i| i.display.as_str()).collect();
    let mut kept: Vec<Entry> = previous
        .values()
        .filter(|e| !this_run.contains(e.input.as_str()))
        .cloned()
        .collect();
    kept.sort_by(|a, b| dataset::path_order(&a.input, &b.input));
    let mut kept = kept.into_iter().peekable();
    let resume_from = opts.resume.then_some(&previous);

    // The database is opened before any work: one that is not ours stops
    // the run here.
    let archive = opts
        .sqlite
        .as_deref()
        .map(|path| crate::archive::Archive::open(path, opts.replace))
        .transpose()?;
    let parquet = opts
        .parquet
        .as_deref()
        .map(crate::table_files::TableFolder::parquet)
        .transpose()?;
    let csv_tables = opts
        .csv_tables
        .as_deref()
        .map(crate::table_files::TableFolder::csv)
        .transpose()?;
    let writers = Writers::start(archive, parquet.into_iter().chain(csv_tables))
        .context("cannot start the dataset writers")?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .context("cannot start worker threads")?;
    let progress = crate::progress::Progress::new(inputs.len() as u64, opts.quiet);

    let jsonl_tmp = TempFile::create(&opts.out_dir, "programmes.jsonl")?;
    let csv_tmp = TempFile::create(&opts.out_dir, "slots.csv")?;
    let manifest_tmp = TempFile::create(&opts.out_dir, "manifest.json")?;
    let mut out = Collections {
        jsonl: BufWriter::new(jsonl_tmp.file()?),
        csv: BufWriter::new(csv_tmp.file()?),
        manifest: ManifestWriter::new(
            BufWriter::new(manifest_tmp.file()?),
            env!("CARGO_PKG_VERSION"),
        )?,
        writers,
        pending: Vec::new(),
    };
    out.csv.write_all(unprog_export::csv::HEADER.as_bytes())?;
    let mut any_failed = false;
    let mut workers = if opts.isolate {
        Some(crate::isolate::Workers::new(opts)?)
    } else {
        None
    };
    let mut keep_before = |until: Option<&str>, out: &mut Collections| -> Result<bool> {
        let mut failed = false;
        while let Some(e) =
            kept.next_if(|e| until.is_none_or(|u| dataset::path_order(&e.input, u).is_lt()))
        {
            let (done, broken) = kept_done(e, &opts.out_dir, opts.wants_tables());
            if broken {
                failed = true;
                if !opts.quiet {
                    progress.println(&format!(
                        "unprog: {}: {}",
                        done.entry.input,
                        done.entry.error.as_deref().unwrap_or("failed")
                    ));
                }
            }
            out.push(done, true)?;
        }
        Ok(failed)
    };
    // One chunk converted in the pool (without --isolate), largest files
    // first, each taken by the next free worker: a long document picked
    // last would leave the other workers idle until it ends (a 147-page
    // manual among the real-world set's 58 files). Outcomes keep the
    // chunk's order.
    let convert_chunk = |chunk: &[Input]| -> Vec<Done> {
        let sizes: Vec<u64> = chunk
            .iter()
            .map(|input| fs::metadata(&input.path).map_or(0, |m| m.len()))
            .collect();
        let mut order: Vec<usize> = (0..chunk.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<Option<Done>>> = chunk.iter().map(|_| Mutex::new(None)).collect();
        pool.broadcast(|_| {
            while let Some(&i) = order.get(next.fetch_add(1, AtomicOrdering::Relaxed)) {
                let input = &chunk[i];
                let done = convert_one(input, opts, resume_from);
                progress.tick(
                    &input.display,
                    done.entry.status == Status::Failed,
                    done.entry.warnings,
                );
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(done);
            }
        });
        slots
            .into_iter()
            .zip(chunk)
            .map(|(slot, input)| {
                slot.into_inner()
                    .unwrap_or_else(|e| e.into_inner())
                    .unwrap_or_else(|| {
                        // (Only if a worker stopped: every index is taken once.)
                        let why = "internal error: a conversion thread stopped".to_string();
                        Done::failed(blank_entry(input), why, Duration::ZERO)
                    })
            })
            .collect()
    };
    let convert_chunk = &convert_chunk;
    let chunks: Vec<&[Input]> = inputs.chunks(CHUNK).collect();
    std::thread::scope(|scope| -> Result<()> {
        // Without --isolate the next chunk converts while this one's outcomes
        // are written (the collection files here, the dataset tables handed
        // to their writers' threads).
        let mut ahead: Option<std::thread::ScopedJoinHandle<'_, Vec<Done>>> = None;
        for (i, &chunk) in chunks.iter().enumerate() {
            let results: Vec<Done> = match workers.as_mut() {
                Some(w) => w.convert(chunk, resume_from, &|input: &Input, done: &Done| {
                    progress.tick(
                        &input.display,
                        done.entry.status == Status::Failed,
                        done.entry.warnings,
                    )
                }),
                None => {
                    let results = match ahead.take() {
                        Some(handle) => handle.join().map_err(|_| {
                            anyhow::anyhow!("internal error: a conversion thread stopped")
                        })?,
                        None => convert_chunk(chunk),
                    };
                    if let Some(&next) = chunks.get(i + 1) {
                        ahead = Some(scope.spawn(move || convert_chunk(next)));
                    }
                    results
                }
            };
            for done in results {
                any_failed |= keep_before(Some(&done.entry.input), &mut out)?;
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
                out.push(done, false)?;
            }
            // One transaction per chunk (the database's writer): a run
            // killed later leaves the database as this chunk left it.
            out.end_chunk()?;
        }
        Ok(())
    })?;
    any_failed |= keep_before(None, &mut out)?;
    out.end_chunk()?;
    progress.finish();
    if let Some(w) = workers {
        w.shutdown();
    }
    let Collections {
        mut jsonl,
        mut csv,
        manifest,
        writers,
        pending: _,
    } = out;
    // Every chunk written (a writer's error stops the run here, before the
    // manifest says it finished); the outputs close below.
    let written = writers.close()?;
    jsonl.flush()?;
    csv.flush()?;
    drop(jsonl);
    drop(csv);
    jsonl_tmp.persist()?;
    csv_tmp.persist()?;
    // Written last: its presence says the run finished.
    let summary = manifest.finish()?;
    manifest_tmp.persist()?;
    let database = written.finish()?;
    if !opts.quiet {
        let s = &summary;
        let mut line = format!(
            "unprog: {}: {} ok, {} with warnings, {} failed; {}",
            crate::progress::count(s.inputs as u64, "input"),
            s.ok,
            s.warnings,
            s.failed,
            crate::progress::count(s.pages, "page"),
        );
        if opts.resume {
            line.push_str(&format!("; {} skipped by --resume (unchanged)", s.resumed));
        }
        if s.kept > 0 {
            line.push_str(&format!(
                "; {} kept from earlier runs (not among these inputs)",
                s.kept
            ));
        }
        if let Some(words) = &database {
            line.push_str("; ");
            line.push_str(words);
        }
        if s.inconsistent_groups > 0 {
            line.push_str(&format!(
                "; {} documents disagree across languages (see manifest.json)",
                s.inconsistent_groups
            ));
        }
        eprintln!("{line}");
    }
    Ok(any_failed)
}

/// The three collection files being written.
struct Collections {
    jsonl: BufWriter<File>,
    csv: BufWriter<File>,
    manifest: ManifestWriter<BufWriter<File>>,
    /// The writers of `--sqlite`, `--parquet`, `--csv-tables`.
    writers: Writers,
    /// The current chunk's rows for them.
    pending: Vec<Rows>,
}

impl Collections {
    /// Hands the chunk's rows to the dataset writers (the database writes
    /// them in one transaction).
    fn end_chunk(&mut self) -> Result<()> {
        if !self.pending.is_empty() {
            let chunk = std::mem::take(&mut self.pending);
            self.writers.send(chunk)?;
        }
        Ok(())
    }

    /// Adds one document (or failed input) to all three (and the dataset
    /// writers' chunk).
    fn push(&mut self, mut done: Done, kept: bool) -> Result<()> {
        if self.writers.any() {
            done.prepare_tables()?;
            if let Some((tables, digest)) = done.tables.take() {
                self.pending.push(Rows {
                    entry: done.entry.clone(),
                    tables,
                    digest,
                });
            }
        }
        if let Some(line) = &done.jsonl {
            self.jsonl.write_all(line.as_bytes())?;
        }
        if let Some(rows) = &done.csv {
            self.csv.write_all(rows.as_bytes())?;
        }
        if kept {
            self.manifest.push_kept(&done.entry, done.skeleton)?;
        } else {
            self.manifest.push(&done.entry, done.skeleton)?;
        }
        Ok(())
    }
}

/// An entry kept from an earlier run: its document read back from its JSON
/// file for the collection files (not skipped by this run: `resumed` is
/// cleared). One whose file is gone or damaged is turned failed, saying so
/// (the `bool`).
fn kept_done(mut entry: Entry, dir: &Path, tables: bool) -> (Done, bool) {
    entry.resumed = false;
    let Some(output) = entry
        .output
        .clone()
        .filter(|_| entry.status != Status::Failed)
    else {
        let done = Done {
            entry,
            skeleton: None,
            jsonl: None,
            csv: None,
            tables: None,
        };
        return (done, false);
    };
    let programme = dataset::inside(dir, &output)
        .ok_or_else(|| "not a file name in the folder".to_string())
        .and_then(|path| fs::read_to_string(&path).map_err(|e| crate::inputs::io_reason(&e)))
        .and_then(|text| {
            serde_json::from_str::<Programme>(&text).map_err(|e| format!("not a programme ({e})"))
        });
    match programme {
        Ok(p) => {
            let file = entry.file.clone().unwrap_or_else(|| entry.input.clone());
            let mut done = Done {
                skeleton: Some(Skeleton::of(&p)),
                jsonl: Some(unprog_export::to_json(&p, false)),
                csv: Some(unprog_export::csv::rows(
                    &p,
                    &unprog_export::csv::Origin {
                        file: &file,
                        json: &output,
                    },
                )),
                entry,
                tables: None,
            };
            if tables {
                done.add_tables(Some(&p));
            }
            (done, false)
        }
        Err(why) => {
            entry.status = Status::Failed;
            entry.output = None;
            entry.error = Some(format!(
                "kept from an earlier run, but its JSON file {output} cannot be read: {why}; convert the input again"
            ));
            let done = Done {
                entry,
                skeleton: None,
                jsonl: None,
                csv: None,
                tables: None,
            };
            (done, true)
        }
    }
}

/// The hard limit on one document's work: twice its budget and 2 s more
/// (the extractor stops itself at the budget; this is for loops where no
/// budget is checked).
pub fn hard_limit(timeout: Duration) -> Duration {
    unprog_export::document::hard_limit(timeout)
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
            let mut done = finish(entry, &programme, None, input, started, opts.wants_tables());
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
        unprog_export::document::convert(&bytes, &sha, &file_name, is_text, &options)
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
        Outcome::Panicked(place) => return failed(entry, crate::panics::message(place.as_deref())),
        Outcome::Overran => {
            return failed(
                entry,
                unprog_export::document::overran(hard_limit, opts.timeout).message,
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
    finish(entry, &programme, line, input, started, opts.wants_tables())
}

fn finish(
    mut entry: Entry,
    p: &Programme,
    jsonl: Option<String>,
    input: &Input,
    started: Instant,
    tables: bool,
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
    let mut done = Done {
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
        tables: None,
    };
    if tables {
        done.add_tables(Some(p));
    }
    done
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
