//! `unprog`: the command line. Thin: parsing arguments, calling the library
//! crates, writing what they return.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
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
    /// Convert a programme (PDF or .txt) to the programme model as JSON.
    Convert {
        /// The input file.
        input: PathBuf,
        /// Where to write: `-` for standard output.
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
        /// Print compact JSON on one line.
        #[arg(long)]
        compact: bool,
    },
    /// Print PDFs' text in reading order, pages ended by form feeds (with
    /// several files, each is headed by `==> FILE <==`).
    Text {
        /// The PDF files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a PDF's positioned layout (chars, words, text lines, rules,
    /// rectangles, links) as JSON; the format is documented in the
    /// unprog-extract crate (`model` module).
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unprog: {e:#}");
            ExitCode::from(1)
        }
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
            input,
            output,
            compact,
        } => {
            let options = unprog_parse::Options::default();
            let programme = unprog_parse::parse_path(&input, &options)
                .with_context(|| input.display().to_string())?;
            let mut json = if compact {
                serde_json::to_string(&programme)?
            } else {
                serde_json::to_string_pretty(&programme)?
            };
            json.push('\n');
            if output.as_os_str() == "-" {
                out.write_all(json.as_bytes())?;
            } else {
                anyhow::bail!("writing to a folder comes with batch conversion; use -o - for now");
            }
        }
        Command::Text { files } => {
            let mut failed = 0;
            for file in &files {
                if files.len() > 1 {
                    writeln!(out, "==> {} <==", file.display())?;
                }
                match unprog_extract::extract_path(file, &settings) {
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
        Command::Layout {
            file,
            no_chars,
            compact,
        } => {
            let mut layout = unprog_extract::extract_path(&file, &settings)
                .with_context(|| file.display().to_string())?;
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
