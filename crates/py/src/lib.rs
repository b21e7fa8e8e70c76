//! # unprog-py: the extension module of the `unprog` Python package
//!
//! `unprog._unprog`, wrapped by the pure-Python package in `python/unprog`
//! (which holds the public API, its exception classes and docstrings). Each
//! function here reads one or more documents through
//! [`unprog_export::document`], the same path `unprog convert` takes, and
//! answers with an outcome tuple `(json, kind, message)`: the programme's
//! JSON text, or the failure's kind and the CLI's message. Nothing raises
//! for a bad document, and no panic crosses into the interpreter: each
//! document's work runs under `catch_unwind` (and, with a time budget, on a
//! helper thread abandoned at the hard limit, as the CLI's watchdog does).

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Once;
use std::time::Duration;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use unprog_export::document::{self, Failure, Kind};
use unprog_parse::{Language, Options};

/// What one document came to: its programme's JSON (one line), or the
/// failure's kind name and message; and its bytes' SHA-256 when they were
/// read.
type Outcome = (
    Option<String>,
    Option<&'static str>,
    Option<String>,
    Option<String>,
);

thread_local! {
    static PANIC_PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A quiet panic hook for this module's Rust code: it prints nothing and
/// remembers where the panic was raised, for the internal error's message
/// (the interpreter's own output is never touched).
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_PLACE.with(|c| *c.borrow_mut() = place);
        }));
    });
}

/// Runs `work`, a panic inside caught and turned into the internal error.
fn contained<T>(work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(r) => r,
        Err(_) => {
            let place = PANIC_PLACE.with(|c| c.borrow_mut().take());
            Err(document::internal_error(place.as_deref()))
        }
    }
}

/// Runs `work` contained; with a time budget, on a helper thread that is
/// abandoned at [`document::hard_limit`] (a loop in a PDF library where the
/// budget is not checked cannot hold the caller).
fn run<T: Send + 'static>(
    budget: Option<Duration>,
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let Some(budget) = budget else {
        return contained(work);
    };
    let limit = document::hard_limit(budget);
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("unprog-document".into())
        .spawn(move || {
            let _ = tx.send(contained(work));
        });
    if spawned.is_err() {
        return Err(document::internal_error(None));
    }
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(document::overran(limit, budget)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(document::internal_error(None)),
    }
}

/// One input: a file, or bytes with the name to record.
enum Source {
    Path(PathBuf),
    Bytes {
        data: Vec<u8>,
        name: String,
        is_text: bool,
    },
}

/// Converts one input (no GIL needed).
fn convert_source(source: Source, options: Options, budget: Option<Duration>) -> Outcome {
    let (data, name, is_text) = match source {
        Source::Path(path) => match document::read(&path) {
            Ok(data) => {
                let (name, is_text) = unprog_parse::name_and_kind(&path);
                (data, name, is_text)
            }
            Err(f) => {
                // An empty file or an archive still has a hash, for the
                // record (as in the batch's manifest).
                let sha = std::fs::metadata(&path)
                    .is_ok_and(|m| m.is_file())
                    .then(|| std::fs::read(&path).ok())
                    .flatten()
                    .map(|b| unprog_parse::sha256_hex(&b));
                return outcome(Err(f), sha);
            }
        },
        Source::Bytes {
            data,
            name,
            is_text,
        } => (data, name, is_text),
    };
    let sha = unprog_parse::sha256_hex(&data);
    let sha_kept = sha.clone();
    let result = run(budget, move || {
        // For the tests, as in the CLI: `UNPROG_FAULT=panic:NAME` makes the
        // work on the input named NAME panic, standing in for a bug.
        if std::env::var("UNPROG_FAULT").is_ok_and(|f| f.strip_prefix("panic:") == Some(&name)) {
            std::panic::panic_any("injected fault (UNPROG_FAULT)");
        }
        let programme = document::convert(&data, &sha, &name, is_text, &options)?;
        Ok(unprog_export::to_json(&programme, false))
    });
    outcome(result, Some(sha_kept))
}

fn outcome<T>(
    result: Result<T, Failure>,
    sha256: Option<String>,
) -> (
    Option<T>,
    Option<&'static str>,
    Option<String>,
    Option<String>,
) {
    match result {
        Ok(v) => (Some(v), None, None, sha256),
        Err(f) => (None, Some(f.kind.as_str()), Some(f.message), sha256),
    }
}

fn options(language: Option<&str>, timeout: Option<f64>) -> PyResult<(Options, Option<Duration>)> {
    let language = match language {
        None => None,
        Some(code) => Some(
            serde_json::from_value::<Language>(serde_json::Value::String(
                code.to_ascii_lowercase(),
            ))
            .map_err(|_| {
                PyValueError::new_err(format!(
                    "unknown language {code:?}: use one of ar, zh, en, fr, ru, es"
                ))
            })?,
        ),
    };
    let budget = match timeout {
        None => None,
        Some(t) if t > 0.0 && t.is_finite() => Some(Duration::from_secs_f64(t)),
        Some(_) => {
            return Err(PyValueError::new_err(
                "timeout must be a positive number of seconds",
            ))
        }
    };
    let mut o = Options {
        language,
        ..Options::default()
    };
    o.extract.time_budget = budget;
    Ok((o, budget))
}

/// A Python item as an input: `bytes` (with `name` and `is_text`), or a
/// path (`str` or `os.PathLike`).
fn source(item: &Bound<'_, PyAny>, name: Option<String>, is_text: bool) -> PyResult<Source> {
    if let Ok(b) = item.cast::<PyBytes>() {
        return Ok(Source::Bytes {
            data: b.as_bytes().to_vec(),
            name: name.unwrap_or_default(),
            is_text,
        });
    }
    item.extract::<PathBuf>()
        .map(Source::Path)
        .map_err(|_| PyTypeError::new_err("a source is a path (str or os.PathLike) or bytes"))
}

/// Converts one document: `(json, kind, message, sha256)`.
#[pyfunction]
#[pyo3(signature = (source, name=None, is_text=false, language=None, timeout=None))]
fn convert_one(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    is_text: bool,
    language: Option<&str>,
    timeout: Option<f64>,
) -> PyResult<Outcome> {
    let (options, budget) = options(language, timeout)?;
    let source = self::source(source, name, is_text)?;
    Ok(py.detach(move || convert_source(source, options, budget)))
}

/// Converts many documents in parallel (rayon, `jobs` threads), the GIL
/// released: one outcome per item, in input order. Items are paths, or
/// `(name, is_text, bytes)` tuples.
#[pyfunction]
#[pyo3(signature = (items, jobs=None, language=None, timeout=None))]
fn convert_many(
    py: Python<'_>,
    items: Vec<Bound<'_, PyAny>>,
    jobs: Option<usize>,
    language: Option<&str>,
    timeout: Option<f64>,
) -> PyResult<Vec<Outcome>> {
    let (options, budget) = options(language, timeout)?;
    let mut sources = Vec::with_capacity(items.len());
    for item in &items {
        if let Ok((name, is_text, data)) = item.extract::<(String, bool, Bound<'_, PyBytes>)>() {
            sources.push(Source::Bytes {
                data: data.as_bytes().to_vec(),
                name,
                is_text,
            });
        } else {
            sources.push(source(item, None, false)?);
        }
    }
    let jobs = match jobs {
        Some(0) => return Err(PyValueError::new_err("jobs: at least 1 is needed")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    py.detach(move || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| e.to_string());
        match pool {
            Ok(pool) => Ok(pool.install(|| {
                sources
                    .into_par_iter()
                    .map(|s| convert_source(s, options.clone(), budget))
                    .collect()
            })),
            Err(e) => Err(e),
        }
    })
    .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("no thread pool: {e}")))
}

/// Reads a PDF's layout: `Ok(layout)` or the failure.
fn layout_of(path: PathBuf) -> Result<unprog_extract::Layout, Failure> {
    let bytes = document::read(&path)?;
    unprog_extract::extract(&bytes, &unprog_extract::Settings::default())
        .map_err(|e| Failure::from(unprog_parse::ParseError::Extract(e)))
}

/// A PDF's text in reading order (pages ended by form feeds), as
/// `unprog text` prints it: `(text, kind, message, None)`.
#[pyfunction]
fn text(py: Python<'_>, path: PathBuf) -> Outcome {
    py.detach(move || outcome(contained(move || layout_of(path).map(|l| l.text())), None))
}

/// A PDF's positioned layout as JSON text (`unprog layout`'s format):
/// `(json, kind, message, None)`.
#[pyfunction]
fn layout(py: Python<'_>, path: PathBuf) -> Outcome {
    py.detach(move || {
        outcome(
            contained(move || {
                let layout = layout_of(path)?;
                serde_json::to_string(&layout)
                    .map_err(|e| document::internal_error(Some(&e.to_string())))
            }),
            None,
        )
    })
}

/// What the dataset tables derive from a programme with the exporter's
/// rules, for `to_frames`: the symbol's version (base symbol, revision,
/// corrigendum, what it revises), and per slot in reading order its
/// minutes and its time shares `(agenda item, sub-item, minutes)`.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn derived(
    programme_json: &str,
) -> PyResult<(
    Option<(String, u32, u32, Option<String>)>,
    Vec<(Option<u32>, Vec<(Option<String>, Option<String>, f64)>)>,
)> {
    let p: unprog_parse::Programme = serde_json::from_str(programme_json)
        .map_err(|e| PyValueError::new_err(format!("not a programme: {e}")))?;
    let version = p.symbol.as_deref().map(|s| {
        let v = unprog_export::sqlite::Version::of(s);
        (v.base, v.revision, v.corrigendum, v.revises)
    });
    let slots = p
        .days
        .iter()
        .flat_map(|d| &d.slots)
        .map(|slot| {
            let shares = unprog_export::hours::shares(slot)
                .into_iter()
                .map(|s| (s.subject.item, s.subject.sub_item, s.minutes))
                .collect();
            (unprog_export::hours::slot_minutes(slot), shares)
        })
        .collect();
    Ok((version, slots))
}

/// The names of the failure kinds, in [`Kind`]'s order.
fn kind_names() -> Vec<&'static str> {
    [
        Kind::Unreadable,
        Kind::NotAPdf,
        Kind::EncryptedPdf,
        Kind::Damaged,
        Kind::TooLarge,
        Kind::NoProgramme,
        Kind::Timeout,
        Kind::Internal,
    ]
    .into_iter()
    .map(Kind::as_str)
    .collect()
}

/// The extension module.
#[pymodule]
fn _unprog(m: &Bound<'_, PyModule>) -> PyResult<()> {
    install_hook();
    // The extractor's quiet hook goes over this one now, while the
    // interpreter runs no Rust thread: installed on first use, inside a
    // batch, a panic on another worker would meanwhile print Rust's report.
    unprog_extract::install_panic_hook();
    m.add_function(wrap_pyfunction!(convert_one, m)?)?;
    m.add_function(wrap_pyfunction!(convert_many, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add_function(wrap_pyfunction!(layout, m)?)?;
    m.add_function(wrap_pyfunction!(derived, m)?)?;
    m.add("KINDS", kind_names())?;
    m.add("SCHEMA_VERSION", unprog_parse::SCHEMA_VERSION)?;
    Ok(())
}
