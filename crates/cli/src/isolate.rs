//! `unprog convert --isolate`: each document is converted in a worker
//! process that the batch can kill.
//!
//! In-process, the extractor's time budget and the watchdog's hard stop
//! (see `watchdog`) end the batch's wait for a document, but the work itself
//! cannot be stopped, and a crash that aborts (a stack overflow, an allocator
//! failure, the kernel's out-of-memory killer) would take the batch with it.
//! With `--isolate`, `-j` worker processes (`unprog worker`, hidden) read
//! jobs on standard input and answer one JSON line each; a worker that
//! overruns the hard limit is killed, one that dies is reported, and either is
//! replaced for the next input. The cost is small (each worker starts once;
//! results cross a pipe as JSON lines): about 1% on the benchmark.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use unprog_export::manifest::Entry;

use crate::batch::{BatchOptions, Done};
use crate::inputs::Input;

/// Caps this process's address space (a worker's): an allocation beyond it
/// fails, the worker aborts, and the batch reports that one input.
pub fn limit_memory(mb: u64) {
    #[cfg(target_os = "linux")]
    {
        let bytes = mb.saturating_mul(1 << 20) as libc::rlim_t;
        let limit = libc::rlimit {
            rlim_cur: bytes,
            rlim_max: bytes,
        };
        // SAFETY: setrlimit reads the struct we pass and nothing else.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = mb;
}

/// What the batch sends a worker for one input.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Job {
    /// The input.
    pub input: Input,
    /// Its entry in the earlier run's manifest (`--resume`).
    pub previous: Option<Entry>,
}

/// One worker process and the lines it answers.
struct Worker {
    child: Child,
    stdin: BufWriter<ChildStdin>,
    answers: Receiver<String>,
    /// What the worker wrote on standard error: not shown (Rust's runtime
    /// writes there before it aborts, "memory allocation of N bytes failed"
    /// and a stack backtrace), but read to tell why a worker died.
    stderr: Arc<Mutex<Stderr>>,
    stderr_reader: Option<JoinHandle<()>>,
}

/// What a worker's standard error told.
#[derive(Default)]
struct Stderr {
    /// The runtime said an allocation failed.
    out_of_memory: bool,
    /// The runtime said a thread overflowed its stack.
    stack_overflow: bool,
    /// The last of unprog's own messages ("unprog: …"), without the prefix.
    last_own: Option<String>,
}

impl Stderr {
    fn read(&mut self, line: &str) {
        if line.starts_with("memory allocation of") {
            self.out_of_memory = true;
        } else if line.contains("has overflowed its stack") {
            self.stack_overflow = true;
        } else if let Some(own) = line.strip_prefix("unprog: ") {
            self.last_own = Some(own.to_string());
        }
    }
}

impl Worker {
    fn spawn(exe: &PathBuf, args: &[String]) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
            .args(args)
            // mimalloc reserves 1 GiB of address space up front by default,
            // inside which --max-memory could not bite; small reservations
            // make it grow by new mappings, which the limit does count.
            .env("MIMALLOC_ARENA_RESERVE", "64MiB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            return Err(std::io::Error::other("no pipes to the worker"));
        };
        let told = Arc::new(Mutex::new(Stderr::default()));
        let telling = Arc::clone(&told);
        let echo = std::env::var_os("UNPROG_DEBUG_PANICS").is_some_and(|v| v != "0");
        let stderr_reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if echo {
                    eprintln!("{line}");
                }
                if let Ok(mut t) = telling.lock() {
                    t.read(&line);
                }
            }
        });
        let (tx, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin: BufWriter::new(stdin),
            answers,
            stderr: told,
            stderr_reader: Some(stderr_reader),
        })
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Kills the worker (if it still runs) and says how it ended, from its
    /// exit status and what it wrote on standard error.
    fn post_mortem(mut self, max_memory_mb: u64) -> String {
        let _ = self.child.kill();
        let status = self.child.wait().map(|s| s.to_string()).unwrap_or_default();
        // Its standard error is closed now: read to the end.
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        let told = self
            .stderr
            .lock()
            .map(|t| death(&status, &t, max_memory_mb));
        told.unwrap_or_else(|_| format!("the worker process died while converting it ({status})"))
    }
}

/// Why a worker died, for the manifest: out of memory, a stack overflow,
/// or a crash, with its exit status; never the runtime's own words.
fn death(status: &str, stderr: &Stderr, max_memory_mb: u64) -> String {
    if stderr.out_of_memory {
        format!(
            "out of memory: converting it needed more than --max-memory {max_memory_mb} MB; its worker process was stopped and the batch went on"
        )
    } else if stderr.stack_overflow {
        format!(
            "the worker process died while converting it ({status}; a stack overflow: a bug, please report it with the file)"
        )
    } else if let Some(ours) = &stderr.last_own {
        format!("the worker process died while converting it ({status}; {ours})")
    } else {
        format!(
            "the worker process died while converting it ({status}; a crash in a library, or out of memory)"
        )
    }
}

/// The worker processes of one batch.
pub struct Workers {
    slots: Vec<Option<Worker>>,
    exe: PathBuf,
    args: Vec<String>,
    hard_limit: Duration,
    max_memory_mb: u64,
}

impl Workers {
    /// Prepares `opts.jobs` workers (started on first use).
    pub fn new(opts: &BatchOptions) -> Result<Workers> {
        let exe = std::env::current_exe().context("cannot find the unprog executable")?;
        let mut args = vec![
            "worker".to_string(),
            "--out".to_string(),
            opts.out_dir.display().to_string(),
            "--timeout".to_string(),
            opts.timeout.as_secs_f64().to_string(),
        ];
        if !opts.pretty {
            args.push("--compact".into());
        }
        args.push("--max-memory".into());
        args.push(opts.max_memory_mb.to_string());
        Ok(Workers {
            slots: (0..opts.jobs.max(1)).map(|_| None).collect(),
            exe,
            args,
            hard_limit: crate::batch::hard_limit(opts.timeout),
            max_memory_mb: opts.max_memory_mb,
        })
    }

    /// Converts a chunk of inputs, one worker per thread; results in input
    /// order.
    pub fn convert(
        &mut self,
        chunk: &[Input],
        previous: Option<&HashMap<String, Entry>>,
        tick: &(dyn Fn(&Input, &Done) + Sync),
    ) -> Vec<Done> {
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<Done>>> =
            Mutex::new((0..chunk.len()).map(|_| None).collect());
        let (exe, args, limit, mb) = (&self.exe, &self.args, self.hard_limit, self.max_memory_mb);
        std::thread::scope(|scope| {
            for slot in self.slots.iter_mut() {
                let (next, results) = (&next, &results);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = chunk.get(i) else { break };
                    let prev = previous.and_then(|m| m.get(&input.display)).cloned();
                    let done = run_one(slot, exe, args, (limit, mb), input, prev);
                    tick(input, &done);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(done);
                    }
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_default()
            .into_iter()
            .zip(chunk)
            .map(|(d, input)| {
                d.unwrap_or_else(|| {
                    failure(
                        input,
                        "not converted (a worker thread failed)".into(),
                        Duration::ZERO,
                    )
                })
            })
            .collect()
    }

    /// Stops the workers (they end when their standard input closes).
    pub fn shutdown(self) {
        for w in self.slots.into_iter().flatten() {
            drop(w.stdin);
            let mut child = w.child;
            let _ = child.wait();
        }
    }
}

/// Converts one input in the slot's worker (started when there is none);
/// `limits` are the hard time limit and the worker's memory limit (MB).
fn run_one(
    slot: &mut Option<Worker>,
    exe: &PathBuf,
    args: &[String],
    limits: (Duration, u64),
    input: &Input,
    previous: Option<Entry>,
) -> Done {
    let (limit, max_memory_mb) = limits;
    let started = Instant::now();
    if slot.is_none() {
        match Worker::spawn(exe, args) {
            Ok(w) => *slot = Some(w),
            Err(e) => {
                return failure(
                    input,
                    format!("cannot start a worker process: {e}"),
                    started.elapsed(),
                )
            }
        }
    }
    let Some(worker) = slot.as_mut() else {
        return failure(input, "no worker process".into(), started.elapsed());
    };
    let job = Job {
        input: input.clone(),
        previous,
    };
    let sent = serde_json::to_string(&job)
        .map_err(std::io::Error::other)
        .and_then(|line| {
            worker.stdin.write_all(line.as_bytes())?;
            worker.stdin.write_all(b"\n")?;
            worker.stdin.flush()
        });
    if let Err(e) = sent {
        if let Some(w) = slot.take() {
            w.kill();
        }
        return failure(
            input,
            format!("the worker process stopped answering ({e})"),
            started.elapsed(),
        );
    }
    match worker.answers.recv_timeout(limit) {
        Ok(line) => serde_json::from_str(&line).unwrap_or_else(|e| {
            failure(
                input,
                format!("the worker's answer was unreadable ({e})"),
                started.elapsed(),
            )
        }),
        Err(RecvTimeoutError::Timeout) => {
            if let Some(w) = slot.take() {
                w.kill();
            }
            failure(
                input,
                format!(
                    "gave up after {:.0} s: the document overran its time budget; its worker process was killed and the batch went on",
                    limit.as_secs_f64()
                ),
                started.elapsed(),
            )
        }
        Err(RecvTimeoutError::Disconnected) => {
            let why = slot
                .take()
                .map(|w| w.post_mortem(max_memory_mb))
                .unwrap_or_else(|| "the worker process died while converting it".into());
            failure(input, why, started.elapsed())
        }
    }
}

/// A failed input, with its sha256 when the file can be read.
fn failure(input: &Input, error: String, elapsed: Duration) -> Done {
    let mut entry = crate::batch::blank_entry(input);
    // (Only a regular file: a named pipe would block the batch itself.)
    entry.sha256 = std::fs::metadata(&input.path)
        .is_ok_and(|m| m.is_file())
        .then(|| std::fs::read(&input.path).ok())
        .flatten()
        .map(|b| unprog_parse::sha256_hex(&b));
    Done::failed(entry, error, elapsed)
}

/// The worker's side: read jobs on standard input, answer each with one
/// line of JSON on standard output, until the input closes.
///
/// For the tests, `UNPROG_WORKER_FAULT=hang:NAME`, `abort:NAME` or
/// `oom:NAME` makes the worker hang, abort or run out of memory on the input
/// whose file name is NAME, standing in for a library that loops, crashes or
/// allocates without bound.
pub fn serve(opts: &BatchOptions) -> Result<()> {
    let fault = std::env::var("UNPROG_WORKER_FAULT").ok();
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let job: Job = serde_json::from_str(&line).context("unreadable job")?;
        match fault.as_deref().and_then(|f| f.split_once(':')) {
            Some(("hang", name)) if name == job.input.file_name => loop {
                std::thread::sleep(Duration::from_secs(1));
            },
            Some(("abort", name)) if name == job.input.file_name => std::process::abort(),
            Some(("oom", name)) if name == job.input.file_name => {
                // More than any --max-memory: the allocation fails and the
                // runtime aborts, as it would in a library.
                let hog = vec![1u8; 1 << 46];
                std::hint::black_box(&hog);
            }
            _ => {}
        }
        let previous: Option<HashMap<String, Entry>> =
            job.previous.map(|e| HashMap::from([(e.input.clone(), e)]));
        let done = crate::batch::convert_one(&job.input, opts, previous.as_ref());
        serde_json::to_writer(&mut out, &done)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}
