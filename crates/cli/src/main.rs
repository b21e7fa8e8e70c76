//! `unprog`: the command line. Thin: parsing arguments, calling the library
//! crates, writing what they return.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod archive;
mod batch;
mod dataset;

/// The parser allocates many small strings; mimalloc handles that pattern
/// markedly faster than the system allocator (see README, performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod inputs;
mod isolate;
mod panics;
mod programmes;
mod progress;
mod table_files;
mod watchdog;
mod writers;

/// A usage error: exit code 2.
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Some inputs failed (already reported): exit code 1.
#[derive(Debug)]
struct SomeFailed;

impl std::fmt::Display for SomeFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("some inputs failed")
    }
}

impl std::error::Error for SomeFailed {}
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "unprog",
    version,
    about = "Turn UN programmes of work (PDF) into structured data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert programmes (PDF or .txt files, or folders of them) to the
    /// programme model: one JSON per document, programmes.jsonl, slots.csv
    /// and manifest.json in the output folder; `-o -` prints the JSON of a
    /// single input.
    #[command(after_help = "Examples:
  # a folder (searched recursively) to a dataset
  unprog convert programmes/ -o out
  # again later: skip what the earlier run converted
  unprog convert programmes/ -o out --resume
  # add two files to the dataset (the others' entries are kept)
  unprog convert new/a.pdf new/b.pdf -o out
  # start the dataset afresh
  unprog convert programmes/ -o out --replace
  # only the English and French versions
  unprog convert archive/ -o out --glob '*-en.pdf' --glob '*-fr.pdf'
  # files of unknown provenance: worker processes, killed or replaced on trouble
  unprog convert untrusted/ -o out --isolate --max-memory 2048
  # one document's JSON on standard output
  unprog convert oewg-s4-en.pdf -o -
  # also an SQLite archive (full-text search; Datasette: metadata.json beside it)
  unprog convert programmes/ -o out --sqlite out/programmes.db
  # and the same tables as Parquet files (DuckDB, pandas, Polars)
  unprog convert programmes/ -o out --sqlite out/programmes.db --parquet out/tables
  # shard 2 of 0..3 of an archive (a Slurm array or an indexed Job runs all four)
  unprog convert archive/ -o out/shard-2 --shard 2/4

Exit codes: 0 every input converted (some may carry warnings); 1 some inputs failed (each reported on standard error and in manifest.json); 2 usage error (bad arguments, a missing input, a folder where a file is expected, nothing to convert).")]
    Convert {
        /// Files and folders (searched recursively for .pdf and .txt).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output folder, or `-` for standard output (one input only).
        #[arg(short, long)]
        output: PathBuf,
        /// Only files whose name (or path) matches this pattern (`*`, `?`);
        /// may be given several times (a file matching any is taken).
        #[arg(long, value_name = "PATTERN")]
        glob: Vec<String>,
        /// Parallel jobs, at least 1 (default: all cores).
        #[arg(short, long, value_parser = parse_jobs)]
        jobs: Option<usize>,
        /// Write each document's JSON on one line.
        #[arg(long)]
        compact: bool,
        /// Skip inputs converted by an earlier run (same sha256 in the
        /// output folder's manifest.json, output present).
        #[arg(long)]
        resume: bool,
        /// Start the output folder afresh: the earlier dataset's files (those
        /// its manifest.json names) are removed first. Without it, a run adds
        /// to the dataset: entries of inputs not given again are kept.
        #[arg(long, conflicts_with = "resume")]
        replace: bool,
        /// Time budget per document, in seconds.
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
        /// Convert in worker processes that are killed when a document
        /// overruns its time budget or replaced when one crashes: for
        /// archives of unknown provenance (about 1% slower).
        #[arg(long)]
        isolate: bool,
        /// With --isolate: the most memory (MB of address space) one worker
        /// may take; a document that needs more fails alone.
        #[arg(long, default_value_t = 4096, requires = "isolate")]
        max_memory: u64,
        /// Also write every document into this SQLite database (created when
        /// missing, added to when it exists: documents new or changed since
        /// are written, the rest left), with a metadata.json for Datasette
        /// beside it.
        #[arg(long, value_name = "FILE")]
        sqlite: Option<PathBuf>,
        /// Also write the dataset's tables (those of --sqlite) as Parquet
        /// files into this folder, one per table: rebuilt from the whole
        /// dataset each run and swapped in whole.
        #[arg(long, value_name = "DIR")]
        parquet: Option<PathBuf>,
        /// Also write the same tables as CSV files into this folder, one per
        /// table (rebuilt and swapped in like --parquet).
        #[arg(long, value_name = "DIR")]
        csv_tables: Option<PathBuf>,
        /// Convert only the K-th of N shards of the inputs (0 <= K < N), for
        /// Slurm arrays and Kubernetes indexed Jobs: N runs with the same
        /// inputs, each into its own folder, convert each input once (its
        /// shard is its path's hash modulo N).
        #[arg(long, value_name = "K/N", value_parser = inputs::Shard::parse)]
        shard: Option<inputs::Shard>,
        /// Print nothing but errors that stop the run.
        #[arg(short, long, conflicts_with = "verbose")]
        quiet: bool,
        /// Print a line for every input.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Compare sessions: hours per agenda item and sub-item, days and slots
    /// added or removed, topics and questions new, dropped or carried over.
    #[command(after_help = "Examples:
  # a dataset folder from `unprog convert`: one language version per session
  unprog compare out
  # the French versions, as Markdown tables
  unprog compare out -l fr --format md
  # two programmes, as one tidy CSV table
  unprog compare s4.json s5.json --format csv -o changes.csv")]
    Compare {
        /// Programmes: JSON files or dataset folders from `convert`, or PDFs
        /// and texts (converted first). Put in session order by date.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// Topics or questions at least this similar (0 to 1) are taken for
        /// the same one.
        #[arg(long, default_value_t = 0.75)]
        threshold: f64,
        /// Use only documents in this language (ar, zh, en, fr, ru, es).
        /// Without it, one version per document is kept, English first,
        /// unless all inputs are versions of one document.
        #[arg(short, long)]
        language: Option<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write one self-contained HTML page: a contents list, each programme as
    /// a timetable grid (days as columns, time as rows, slots coloured by
    /// sub-item, each opening to its whole text) and, for several sessions, a
    /// bar chart of hours per sub-item per session with its key.
    #[command(after_help = "Examples:
  # a dataset folder from `unprog convert`: one version per document
  unprog report out -o report.html
  # every language version of every document
  unprog report out --all-versions -o all.html
  # the Arabic versions only, on standard output
  unprog report s5.json s6.json -l ar -o -")]
    Report {
        /// Programmes: JSON files or dataset folders from `convert`, or PDFs
        /// and texts (converted first).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The HTML file to write (atomically), or `-` for standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Show only documents in this language (ar, zh, en, fr, ru, es).
        /// Without it, one version per document is shown, English first,
        /// unless all inputs are versions of one document.
        #[arg(short, long)]
        language: Option<String>,
        /// Show every language version of every document, not one per
        /// document.
        #[arg(long)]
        all_versions: bool,
    },
    /// Internal: a worker process of `convert --isolate` (jobs on standard
    /// input, one JSON answer per line on standard output).
    #[command(hide = true)]
    Worker {
        /// The batch's output folder.
        #[arg(long)]
        out: PathBuf,
        /// Time budget per document, in seconds.
        #[arg(long)]
        timeout: f64,
        /// Write each document's JSON on one line.
        #[arg(long)]
        compact: bool,
        /// Address-space limit, MB.
        #[arg(long)]
        max_memory: u64,
    },
    /// Print PDFs' text in reading order, pages ended by form feeds (with
    /// several files, each is headed by `==> FILE <==`).
    #[command(after_help = "Examples:
  unprog text oewg-s4-en.pdf | less
  # several files, each headed by ==> FILE <==
  unprog text *.pdf > all.txt")]
    Text {
        /// The PDF files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the lines of a document as the parser reads them: page, zone,
    /// column, paragraph start, text (for seeing why a programme comes out
    /// as it does).
    #[command(hide = true)]
    Lines {
        /// The PDF or text file.
        file: PathBuf,
    },
    /// Write one self-contained HTML page showing how a PDF was read: each
    /// page drawn at its real size with every text line boxed and coloured by
    /// what the parser made of it, and the days and slots beside the pages.
    #[command(after_help = "Examples:
  unprog explain oewg-s4-en.pdf -o explain.html")]
    Explain {
        /// The PDF file.
        file: PathBuf,
        /// The HTML file to write (atomically), or `-` for standard output.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Print a PDF's positioned layout (chars, words, text lines, rules,
    /// rectangles, links) as JSON.
    #[command(
        long_about = "Print a PDF's positioned layout (chars, words, text lines, rules, rectangles, links) as JSON.

Every box is four numbers, x0 and x1 (left and right edges), top and bottom, in points (1/72 inch) from the page's top-left corner, as pdfplumber gives them. The object:

info: page_count, pdf_version, encrypted; title, author, subject,
  creator, producer, creation_date, mod_date, lang (null when absent)
pages[]: number, width, height, rotate;
  decoder: which decoder read the page (native, pdf-extract, fallback, none)
  error: why the page could not be read (null when it could)
  chars[]: each glyph: text, box, baseline, size (points), font,
    superscript, upright
  text_lines[]: in reading order: text (logical order; words joined by
    spaces, none between CJK characters), box, baseline, size, rtl,
    superscripts[] (text, start and end byte offsets in text),
    words[] (text, box, baseline, size, font, superscript, rtl;
    left to right)
  lines[]: drawn rules: box, width (of the stroke)
  rects[]: drawn rectangles: box, fill
  links[]: link areas: box, uri
warnings[]: what could not be read (a page, glyphs without Unicode)",
        after_help = "Examples:
  unprog layout oewg-s4-en.pdf --no-chars > layout.json
  # every text line of page 1
  unprog layout oewg-s4-en.pdf --compact | jq -r '.pages[0].text_lines[].text'"
    )]
    Layout {
        /// The PDF file.
        file: PathBuf,
        /// Leave out the per-glyph `chars` arrays (much smaller output).
        #[arg(long)]
        no_chars: bool,
        /// Print compact JSON on one line.
        #[arg(long)]
        compact: bool,
    },
}

/// Formats of `unprog compare`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum CompareFormat {
    /// Aligned columns.
    Table,
    /// One tidy table, a `section` column telling rows apart.
    Csv,
    /// Everything, for programs.
    Json,
    /// Markdown tables.
    Md,
}

/// Turns transparent huge pages off for this process. They cost more than
/// they give here: the kernel hands out and zeroes 2 MiB at a time for
/// short-lived per-document allocations, and peak memory grows with the
/// number of files (measured with `scripts/bench.sh`: 29 MB for 200 files and
/// 37–54 MB for 2,000 without them, 85–100 MB either way with them; same
/// speed). mimalloc's own `allow_thp` option is read when the allocator starts,
/// before `main`, so the switch is made here with `prctl`.
fn disable_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; on failure (old kernels) nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    disable_transparent_huge_pages();
    panics::install();
    // (The extractor's, wrapping ours, before any worker thread runs.)
    unprog_extract::install_panic_hook();
    let cli = Cli::parse();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli)))
        .unwrap_or_else(|_| {
            let place = panics::take_here().or_else(panics::take_anywhere);
            Err(anyhow::anyhow!(panics::message(place.as_deref())))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) if e.is::<SomeFailed>() => ExitCode::from(1),
        Err(e) if e.is::<Usage>() || e.is::<dataset::Busy>() => {
            eprintln!("unprog: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("unprog: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Reads one file named on the command line: a missing file or a folder is
/// a usage error (exit code 2), anything else that stops it an error naming
/// it (exit code 1).
fn read_arg(path: &std::path::Path, folder_hint: &str) -> anyhow::Result<Vec<u8>> {
    inputs::read(path).map_err(|e| match e {
        inputs::ReadError::Missing(why) => Usage(format!("{}: {why}", path.display())).into(),
        inputs::ReadError::Folder => Usage(format!(
            "{}: a folder, not a file{folder_hint}",
            path.display()
        ))
        .into(),
        inputs::ReadError::Unusable(why) => anyhow::anyhow!("{}: {why}", path.display()),
    })
}

/// `-j N`: a whole number of jobs, at least 1.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("at least 1 job is needed (leave -j out to use all cores)".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{s:?} is not a whole number of jobs")),
    }
}

/// A language code as `--language` takes it.
fn parse_language(code: &str) -> anyhow::Result<unprog_parse::Language> {
    serde_json::from_value(serde_json::Value::String(code.to_ascii_lowercase())).map_err(|_| {
        Usage(format!(
            "unknown language {code:?}: use one of ar, zh, en, fr, ru, es"
        ))
        .into()
    })
}

/// Writes to a file atomically, or to standard output.
fn write_output(
    file: Option<&std::path::Path>,
    bytes: &[u8],
    stdout: &mut impl Write,
) -> anyhow::Result<()> {
    match file {
        Some(path) if path.as_os_str() != "-" => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => std::path::Path::new("."),
            };
            let name = path
                .file_name()
                .ok_or_else(|| Usage(format!("{}: not a file name", path.display())))?;
            batch::write_atomic(dir, &name.to_string_lossy(), bytes)
        }
        _ => Ok(stdout.write_all(bytes)?),
    }
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        || e.chain()
            .filter_map(|c| c.downcast_ref::<serde_json::Error>())
            .any(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = unprog_extract::Settings::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Convert {
            inputs,
            output,
            glob,
            jobs,
            compact,
            resume,
            replace,
            timeout,
            isolate,
            max_memory,
            sqlite,
            parquet,
            csv_tables,
            shard,
            quiet,
            verbose,
        } => {
            if output.as_os_str() == "-" {
                let flag = [
                    (sqlite.is_some(), "--sqlite"),
                    (parquet.is_some(), "--parquet"),
                    (csv_tables.is_some(), "--csv-tables"),
                ]
                .into_iter()
                .find_map(|(given, flag)| given.then_some(flag));
                if let Some(flag) = flag {
                    return Err(Usage(format!(
                        "{flag} writes the tables of a dataset: give -o FOLDER, not -o -"
                    ))
                    .into());
                }
                if shard.is_some() {
                    return Err(
                        Usage("--shard splits a batch: give -o FOLDER, not -o -".into()).into(),
                    );
                }
                let [input] = inputs.as_slice() else {
                    return Err(Usage("-o - takes exactly one input file".into()).into());
                };
                let bytes = read_arg(
                    input,
                    " (-o - converts one file; give -o FOLDER to convert a folder)",
                )?;
                let (name, is_text) = unprog_parse::name_and_kind(input);
                let options = unprog_parse::Options::default();
                let programme = unprog_parse::parse_bytes(&bytes, &name, is_text, &options)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", input.display()))?;
                out.write_all(unprog_export::to_json(&programme, !compact).as_bytes())?;
            } else {
                if output.exists() && !output.is_dir() {
                    return Err(Usage(format!(
                        "-o {}: a file, not a folder (convert writes a dataset folder; -o - prints one document's JSON)",
                        output.display()
                    ))
                    .into());
                }
                let mut unmatched = Vec::new();
                let mut found = inputs::collect(&inputs, &glob, &mut unmatched)
                    .map_err(|e| Usage(e.to_string()))?;
                for g in &unmatched {
                    eprintln!("unprog: warning: --glob {g:?} matched no file");
                }
                if found.is_empty() {
                    return Err(Usage("no .pdf or .txt inputs found".into()).into());
                }
                if let Some(shard) = shard {
                    // Output names were made over all the inputs: the
                    // shards' folders merge without collisions.
                    found.retain(|i| shard.takes(&i.display));
                    if found.is_empty() {
                        eprintln!(
                            "unprog: shard {}/{}: none of the inputs is in this shard",
                            shard.index, shard.count
                        );
                        return Ok(());
                    }
                }
                if !(timeout > 0.0 && timeout.is_finite()) {
                    return Err(
                        Usage("--timeout must be a positive number of seconds".into()).into(),
                    );
                }
                let opts = batch::BatchOptions {
                    out_dir: output,
                    pretty: !compact,
                    jobs: jobs.unwrap_or_else(|| {
                        std::thread::available_parallelism().map_or(1, |n| n.get())
                    }),
                    resume,
                    replace,
                    quiet,
                    verbose,
                    timeout: std::time::Duration::from_secs_f64(timeout),
                    isolate,
                    max_memory_mb: max_memory,
                    sqlite,
                    parquet,
                    csv_tables,
                };
                if batch::run(&found, &opts)? {
                    return Err(SomeFailed.into());
                }
            }
        }
        Command::Compare {
            inputs,
            format,
            threshold,
            language,
            output,
        } => {
            use unprog_export::compare::{self, render};
            if !(0.0..=1.0).contains(&threshold) {
                return Err(Usage("--threshold must be between 0 and 1".into()).into());
            }
            let language = language.as_deref().map(parse_language).transpose()?;
            let (mut programmes, left_out) =
                compare::choose_versions(programmes::load(&inputs)?, language);
            if programmes.is_empty() {
                return Err(Usage("no programme in that language among the inputs".into()).into());
            }
            if !left_out.is_empty() {
                let shown: Vec<&str> = left_out.iter().take(3).map(String::as_str).collect();
                let chosen = match language {
                    Some(l) => format!("the {} version of each document", language_name(l)),
                    None => "one version per document, English where there is one (-l chooses)"
                        .to_string(),
                };
                eprintln!(
                    "unprog: comparing {chosen}: {} other version(s) left out ({}{})",
                    left_out.len(),
                    shown.join(", "),
                    if left_out.len() > shown.len() {
                        ", …"
                    } else {
                        ""
                    }
                );
            }
            if programmes.len() < 2 {
                eprintln!(
                    "unprog: nothing to compare: the inputs hold one session ({}); give the programmes of two or more",
                    programmes[0].source.file
                );
                return Ok(());
            }
            compare::session_order(&mut programmes);
            let options = compare::CompareOptions { threshold };
            let comparison = compare::compare(&programmes, &options);
            let format = match format {
                CompareFormat::Table => render::Format::Table,
                CompareFormat::Csv => render::Format::Csv,
                CompareFormat::Json => render::Format::Json,
                CompareFormat::Md => render::Format::Markdown,
            };
            let text = render::render(&comparison, format);
            write_output(output.as_deref(), text.as_bytes(), &mut out)?;
        }
        Command::Report {
            inputs,
            output,
            language,
            all_versions,
        } => {
            use unprog_export::report;
            let language = language.as_deref().map(parse_language).transpose()?;
            let options = report::Options {
                all_versions,
                language,
            };
            let page = report::report(programmes::load(&inputs)?, &options);
            if page.shown == 0 {
                return Err(Usage("no programme in that language among the inputs".into()).into());
            }
            if !page.left_out.is_empty() {
                let shown: Vec<&str> = page.left_out.iter().take(3).map(String::as_str).collect();
                let chosen = match (language, all_versions) {
                    (Some(l), true) => format!("every {} version", language_name(l)),
                    (Some(l), false) => format!("the {} version of each document", language_name(l)),
                    (None, _) => "one version per document, English where there is one (-l chooses, --all-versions shows all)".to_string(),
                };
                eprintln!(
                    "unprog: report of {chosen}: {} other version(s) left out ({}{})",
                    page.left_out.len(),
                    shown.join(", "),
                    if page.left_out.len() > shown.len() {
                        ", …"
                    } else {
                        ""
                    }
                );
            }
            write_output(Some(&output), page.html.as_bytes(), &mut out)?;
        }
        Command::Worker {
            out: out_dir,
            timeout,
            compact,
            max_memory,
        } => {
            isolate::limit_memory(max_memory);
            let opts = batch::BatchOptions {
                out_dir,
                pretty: !compact,
                jobs: 1,
                resume: false,
                replace: false,
                quiet: true,
                verbose: false,
                timeout: std::time::Duration::from_secs_f64(timeout.max(0.001)),
                isolate: true,
                max_memory_mb: max_memory,
                sqlite: None,
                parquet: None,
                csv_tables: None,
            };
            isolate::serve(&opts)?;
        }
        Command::Text { files } => {
            // Missing files and folders are usage errors, found before any
            // output.
            for file in &files {
                if let Err(e @ (inputs::ReadError::Missing(_) | inputs::ReadError::Folder)) =
                    inputs::read_check(file)
                {
                    return Err(Usage(format!("{}: {e}", file.display())).into());
                }
            }
            let mut failed = 0;
            for file in &files {
                if files.len() > 1 {
                    writeln!(out, "==> {} <==", file.display())?;
                }
                let layout = inputs::read(file)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| {
                        unprog_extract::extract(&bytes, &settings).map_err(|e| e.to_string())
                    });
                match layout {
                    Ok(layout) => {
                        for w in &layout.warnings {
                            eprintln!("unprog: {}: {w}", file.display());
                        }
                        out.write_all(layout.text().as_bytes())?;
                    }
                    Err(e) => {
                        eprintln!("unprog: {}: {e}", file.display());
                        failed += 1;
                    }
                }
            }
            if failed > 0 {
                anyhow::bail!("{failed} of {} files failed", files.len());
            }
        }
        Command::Explain { file, output } => {
            let options = unprog_parse::Options {
                extract: settings.clone(),
                language: None,
            };
            let bytes = read_arg(&file, "")?;
            let layout = unprog_extract::extract(&bytes, &settings)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let (programme, lines) = unprog_parse::parse_path_traced(&file, &options)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let pages: Vec<unprog_export::explain::PageLines> = layout
                .pages
                .iter()
                .map(|p| unprog_export::explain::PageLines {
                    width: p.width,
                    height: p.height,
                    lines: p
                        .text_lines
                        .iter()
                        .map(|l| {
                            l.words
                                .iter()
                                .map(|w| unprog_export::explain::BoxedWord {
                                    text: w.text.clone(),
                                    x0: w.x0,
                                    x1: w.x1,
                                    top: w.top,
                                    bottom: w.bottom,
                                })
                                .collect()
                        })
                        .collect(),
                })
                .collect();
            let page = unprog_export::explain::html(&pages, &lines, &programme);
            write_output(Some(&output), page.as_bytes(), &mut out)?;
        }
        Command::Lines { file } => {
            let options = unprog_parse::Options {
                extract: settings.clone(),
                language: None,
            };
            read_arg(&file, "")?;
            let (_, lines) = unprog_parse::parse_path_traced(&file, &options)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            for l in lines {
                let brk = match l.paragraph_break {
                    Some(true) => "¶",
                    Some(false) => " ",
                    None => "?",
                };
                let full = if l.full { "→" } else { " " };
                let markers = if l.markers.is_empty() {
                    String::new()
                } else {
                    format!("  ^{}", l.markers.join(","))
                };
                let geometry = match (l.start, l.first_word_width) {
                    (Some(s), Some(w)) => format!("{s:5.0} {:4.0} {w:4.0}", l.room_after),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "{:>3} {:<9} {:<9} {geometry:>15} {brk}{full} {}{markers}",
                    l.page, l.zone, l.column, l.text
                )?;
            }
        }
        Command::Layout {
            file,
            no_chars,
            compact,
        } => {
            let bytes = read_arg(&file, "")?;
            let mut layout = unprog_extract::extract(&bytes, &settings)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            if no_chars {
                for p in &mut layout.pages {
                    p.chars.clear();
                }
            }
            if compact {
                serde_json::to_writer(&mut out, &layout)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &layout)?;
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A language's English name, for messages.
fn language_name(language: unprog_parse::Language) -> &'static str {
    use unprog_parse::Language::*;
    match language {
        Ar => "Arabic",
        Zh => "Chinese",
        En => "English",
        Fr => "French",
        Ru => "Russian",
        Es => "Spanish",
    }
}
