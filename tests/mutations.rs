//! A deterministic stand-in for fuzzing, cheap enough for every CI run:
//! fixture PDFs and texts with seeded random damage (flipped bytes, cut
//! ranges, spliced garbage) go through the extractor and the parser, which
//! must return a document or an error — never panic, never hang.

use crate::common;

use common::{all_fixture_pdfs, root};
use unprog_parse::{parse_bytes, Options};

/// xorshift64*: a tiny, seeded generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(data: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut d = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(4) {
            0 => {
                for _ in 0..1 + rng.below(32) {
                    let i = rng.below(d.len());
                    d[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                let a = rng.below(d.len());
                let b = (a + rng.below(4096)).min(d.len());
                d.drain(a..b);
            }
            2 => {
                let a = rng.below(d.len());
                let junk: Vec<u8> = (0..rng.below(256)).map(|_| rng.next() as u8).collect();
                d.splice(a..a, junk);
            }
            _ => {
                // Duplicate a slice somewhere else (confuses offsets and nesting).
                let a = rng.below(d.len());
                let b = (a + rng.below(2048)).min(d.len());
                let piece = d[a..b].to_vec();
                let at = rng.below(d.len());
                d.splice(at..at, piece);
            }
        }
        if d.is_empty() {
            break;
        }
    }
    d
}

#[test]
fn damaged_pdfs_give_documents_or_errors_never_panics() {
    let mut rng = Rng(0x5EED_2026_1125);
    let options = Options {
        extract: unprog_extract::Settings {
            time_budget: Some(std::time::Duration::from_secs(5)),
            ..unprog_extract::Settings::default()
        },
        language: None,
    };
    let pdfs = all_fixture_pdfs();
    let mut outcomes = (0, 0);
    for round in 0..600 {
        let pdf = &pdfs[round % pdfs.len()];
        let data = std::fs::read(pdf).expect("read");
        let damaged = mutate(&data, &mut rng);
        match parse_bytes(&damaged, "damaged.pdf", false, &options) {
            Ok(_) => outcomes.0 += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                outcomes.1 += 1;
            }
        }
    }
    // Both kinds of outcome occur: the damage is real but not always fatal.
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}

#[test]
fn damaged_text_never_panics_the_text_parser() {
    let mut rng = Rng(0xDEC0_DE00_0042);
    let text = std::fs::read(root().join("fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt"))
        .expect("read");
    for _ in 0..300 {
        let damaged = mutate(&text, &mut rng);
        let s = String::from_utf8_lossy(&damaged);
        let _ = unprog_parse::parse_text(&s, "damaged.txt", &Options::default());
    }
}
