//! Flate decoding with one decompressor per thread.
//!
//! Making a decompressor costs as much as inflating a small stream: it
//! allocates and clears a 32 KiB window and its tables. A browser-printed
//! programme has a ToUnicode map for each of its ~190 Type 3 fonts, so a
//! new decompressor per stream was a seventh of its conversion; one kept
//! per thread and reset is not.

use std::cell::RefCell;

use flate2::{Decompress, FlushDecompress, Status};

/// Why a stream stopped inflating before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InflateError {
    /// The data is not a zlib stream, or is damaged.
    Corrupt,
    /// The data ends before the stream does (a truncated file).
    Incomplete,
}

impl std::fmt::Display for InflateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InflateError::Corrupt => "corrupt deflate stream",
            InflateError::Incomplete => "incomplete deflate stream",
        })
    }
}

/// Inflates the zlib stream `data`, stopping once more than `limit` bytes
/// came out (so a caller sees a decompression bomb as `limit + 1` bytes).
/// What inflated before any damage is returned beside the error.
pub(crate) fn inflate(data: &[u8], limit: usize) -> (Vec<u8>, Result<(), InflateError>) {
    thread_local! {
        static DECOMPRESS: RefCell<Decompress> = RefCell::new(Decompress::new(true));
    }
    DECOMPRESS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut d) => run(&mut d, data, limit),
        // Never re-entered; a fresh decompressor if it were.
        Err(_) => run(&mut Decompress::new(true), data, limit),
    })
}

fn run(d: &mut Decompress, data: &[u8], limit: usize) -> (Vec<u8>, Result<(), InflateError>) {
    d.reset(true);
    let cap = limit.saturating_add(1);
    let mut out: Vec<u8> = Vec::with_capacity(data.len().saturating_mul(4).max(256).min(cap));
    loop {
        if out.len() >= cap {
            out.truncate(cap);
            return (out, Ok(()));
        }
        if out.len() == out.capacity() {
            let more = out.capacity().max(256).min(cap - out.len());
            out.reserve_exact(more);
        }
        let consumed = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
        let input = data.get(consumed..).unwrap_or_default();
        let flush = if input.is_empty() {
            FlushDecompress::Finish
        } else {
            FlushDecompress::None
        };
        let before = (d.total_in(), out.len());
        match d.decompress_vec(input, &mut out, flush) {
            Ok(Status::StreamEnd) => {
                out.truncate(cap);
                return (out, Ok(()));
            }
            Ok(_) if (d.total_in(), out.len()) == before => {
                return (out, Err(InflateError::Incomplete));
            }
            Ok(_) => {}
            Err(_) => return (out, Err(InflateError::Corrupt)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory")
    }

    #[test]
    fn inflates_streams_one_after_another_with_one_decompressor() {
        let a = b"BT /F1 12 Tf (Hello) Tj ET".repeat(50);
        let b = b"1 beginbfchar <01> <0041> endbfchar".to_vec();
        assert_eq!(inflate(&zlib(&a), 1 << 20), (a.clone(), Ok(())));
        assert_eq!(inflate(&zlib(&b), 1 << 20), (b, Ok(())));
        assert_eq!(inflate(&zlib(&a), 1 << 20), (a, Ok(())));
    }

    #[test]
    fn stops_past_the_limit_and_keeps_what_came_before_damage() {
        let big = vec![b'x'; 100_000];
        let (out, result) = inflate(&zlib(&big), 1000);
        assert_eq!((out.len(), result), (1001, Ok(())));
        let whole = zlib(&big);
        let (out, result) = inflate(&whole[..whole.len() / 2], 1 << 20);
        assert_eq!(result, Err(InflateError::Incomplete));
        assert!(!out.is_empty() && big.starts_with(&out));
        assert_eq!(inflate(b"not zlib", 1 << 20).1, Err(InflateError::Corrupt));
    }
}
