//! The end-to-end tests: one test binary, a module per file of `tests/`
//! (`cargo test --test e2e sqlite::` runs one file's tests). Each file was a
//! binary of its own, and each linked the whole workspace (parquet, the
//! bundled SQLite, ...): 18 links were most of the test build's time.

#[path = "../common/mod.rs"]
mod common;

#[path = "../batch.rs"]
mod batch;
#[path = "../cli_errors.rs"]
mod cli_errors;
#[path = "../compare_report.rs"]
mod compare_report;
#[path = "../dataset_consistency.rs"]
mod dataset_consistency;
#[path = "../explain.rs"]
mod explain;
#[path = "../extract_fixtures.rs"]
mod extract_fixtures;
#[path = "../fixture_corpus.rs"]
mod fixture_corpus;
#[path = "../hostile.rs"]
mod hostile;
#[path = "../mutations.rs"]
mod mutations;
#[path = "../parquet.rs"]
mod parquet;
#[path = "../parse_fixtures.rs"]
mod parse_fixtures;
#[path = "../parse_text.rs"]
mod parse_text;
#[path = "../readme.rs"]
mod readme;
#[path = "../regressions.rs"]
mod regressions;
#[path = "../schemas.rs"]
mod schemas;
#[path = "../shard.rs"]
mod shard;
#[path = "../slots_csv.rs"]
mod slots_csv;
#[path = "../sqlite.rs"]
mod sqlite;
