//! A hard stop for one document's work.
//!
//! The extractor keeps its own time budget, checked between pages and
//! content operators; but a PDF library can still loop where no budget is
//! checked (fuzzing found one such loop, now guarded, and there may be
//! others). So each document runs on a helper thread while the batch worker
//! waits with a deadline. A document that overruns is reported as failed and
//! its helper is abandoned — it keeps one core busy until the batch ends, but
//! the batch goes on and finishes. Each batch worker keeps one helper thread
//! and reuses it, so the normal case costs two channel messages, not a thread.

use std::any::Any;
use std::cell::RefCell;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

type Job = Box<dyn FnOnce() -> Box<dyn Any + Send> + Send>;

struct Helper {
    jobs: Sender<Job>,
    results: Receiver<Box<dyn Any + Send>>,
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

fn spawn_helper() -> Option<Helper> {
    let (jobs, job_rx) = mpsc::channel::<Job>();
    let (result_tx, results) = mpsc::channel();
    std::thread::Builder::new()
        .name("unprog-document".into())
        .spawn(move || {
            for job in job_rx {
                if result_tx.send(job()).is_err() {
                    break;
                }
            }
        })
        .ok()?;
    Some(Helper { jobs, results })
}

/// How a run under the watchdog ended.
#[derive(Debug)]
pub enum Outcome<R> {
    /// The work finished (its own result, which may be an error).
    Done(R),
    /// The work panicked; where, when the panic hook (`crate::panics`) told.
    Panicked(Option<String>),
    /// Still running at the limit: abandoned.
    Overran,
}

/// Runs `work` with a hard time limit. Panics inside are caught.
pub fn run<R: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> R + Send + 'static,
) -> Outcome<R> {
    let job: Job = Box::new(move || {
        // Taken on the thread that ran the work, where the hook recorded it.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
            .map_err(|_| crate::panics::take_here());
        Box::new(r) as Box<dyn Any + Send>
    });
    HELPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = spawn_helper();
        }
        let Some(helper) = slot.as_ref() else {
            // No thread to be had: run here, without the hard stop.
            return unpack(job());
        };
        if let Err(mpsc::SendError(job)) = helper.jobs.send(job) {
            *slot = None;
            return unpack(job());
        }
        match helper.results.recv_timeout(limit) {
            Ok(any) => unpack(any),
            Err(RecvTimeoutError::Timeout) => {
                // Abandon the helper; the next document gets a fresh one.
                *slot = None;
                Outcome::Overran
            }
            Err(RecvTimeoutError::Disconnected) => {
                *slot = None;
                Outcome::Panicked(None)
            }
        }
    })
}

/// A job's boxed result: `Ok` when it returned, `Err(where)` when it
/// panicked.
fn unpack<R: 'static>(any: Box<dyn Any + Send>) -> Outcome<R> {
    match any.downcast::<Result<R, Option<String>>>() {
        Ok(r) => match *r {
            Ok(r) => Outcome::Done(r),
            Err(place) => Outcome::Panicked(place),
        },
        Err(_) => Outcome::Panicked(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn work_that_ends_gives_its_result_and_the_helper_is_reused() {
        for i in 0..3 {
            assert!(
                matches!(run(Duration::from_secs(5), move || i * 2), Outcome::Done(r) if r == i * 2)
            );
        }
    }

    #[test]
    fn a_panic_is_reported_and_the_next_job_still_runs() {
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        assert!(matches!(
            run(Duration::from_secs(5), || -> u8 { panic!("boom") }),
            Outcome::Panicked(_)
        ));
        std::panic::set_hook(quiet);
        assert!(matches!(
            run(Duration::from_secs(5), || 7),
            Outcome::Done(7)
        ));
    }

    #[test]
    fn endless_work_is_abandoned_at_the_limit() {
        let started = Instant::now();
        let outcome = run(Duration::from_millis(200), || loop {
            std::thread::sleep(Duration::from_millis(50));
        });
        assert!(matches!(outcome, Outcome::Overran));
        assert!(started.elapsed() < Duration::from_secs(3));
        // The worker goes on with a new helper.
        assert!(matches!(
            run(Duration::from_secs(5), || "next"),
            Outcome::Done("next")
        ));
    }
}
