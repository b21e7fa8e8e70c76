//! The fixture corpus as its sources describe it: every document with its
//! programme, edition, producer, table layout and language
//! (fixtures/source/*.json), and its text forms (fixtures/text/<form>/).

use std::path::PathBuf;

use sha2::{Digest, Sha256};
use unprog_parse::{Programme, SourceKind};

use super::root;

/// The tools whose text output is in fixtures/text/<form>/.
pub const TEXT_FORMS: [&str; 3] = ["pdftotext-layout", "pdftotext", "mutool"];

/// One fixture document (a PDF).
#[derive(Debug, Clone)]
pub struct Fixture {
    /// `oewg-s4-web-en`: the edition and the language.
    pub name: String,
    /// The programme it is a version of (`oewg-s4`): all its documents share
    /// one skeleton.
    pub programme: String,
    /// The edition (`oewg-s4-web`).
    pub edition: String,
    /// `odt`, `docx` or `html`.
    pub producer: String,
    /// `two-column`, `three-column`, `three-column-repeated`, `date-row`.
    pub layout: String,
    /// The edition's variant settings (borders, bullets...).
    pub variant: serde_json::Value,
    /// Language code.
    pub lang: String,
}

impl Fixture {
    /// The PDF.
    pub fn pdf(&self) -> PathBuf {
        root().join(format!("fixtures/pdf/{}.pdf", self.name))
    }

    /// The text a tool extracted from the PDF.
    pub fn text(&self, form: &str) -> PathBuf {
        root().join(format!("fixtures/text/{form}/{}.txt", self.name))
    }

    /// The expected programme of the PDF.
    pub fn expected(&self) -> Programme {
        let path = root().join(format!("fixtures/expected/{}.json", self.name));
        serde_json::from_str(&std::fs::read_to_string(&path).expect("expected JSON"))
            .expect("valid expected JSON")
    }

    /// The expected programme of a text form: the PDF's, but for what text
    /// cannot know (fixtures/README.md): the source is the text file, and no
    /// link is printed, so references carry no URL.
    pub fn expected_text(&self, form: &str) -> Programme {
        let mut p = self.expected();
        let bytes = std::fs::read(self.text(form)).expect("text form");
        p.source.file = format!("{}.txt", self.name);
        p.source.sha256 = format!("{:x}", Sha256::digest(&bytes));
        p.source.kind = SourceKind::Text;
        for r in &mut p.references {
            r.url = None;
        }
        p
    }

    /// Whether the edition draws table borders (`all`), none, or only
    /// around the header row.
    pub fn borders(&self) -> &str {
        match &self.variant["borders"] {
            serde_json::Value::Bool(false) => "none",
            serde_json::Value::String(s) => s.as_str(),
            _ => "all",
        }
    }
}

/// Every fixture, in name order.
pub fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/source"))
        .expect("fixtures/source")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "phrases.json"))
        .collect();
    sources.sort();
    for path in sources {
        let src: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("source")).expect("JSON");
        let id = src["id"].as_str().expect("id").to_string();
        let default = serde_json::json!([{"name": id, "producer": "odt", "layout": "two-column"}]);
        let editions = src["editions"]
            .as_array()
            .unwrap_or_else(|| default.as_array().expect("array"));
        for e in editions {
            let mut variant = src["variant"].clone();
            if let (Some(v), Some(over)) = (variant.as_object_mut(), e["variant"].as_object()) {
                v.extend(over.clone());
            }
            let langs: Vec<String> = match e["langs"].as_array() {
                Some(l) => l
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect(),
                None => ["en", "fr", "es", "ru", "zh", "ar"]
                    .map(String::from)
                    .to_vec(),
            };
            for lang in langs {
                let edition = e["name"].as_str().expect("edition name").to_string();
                out.push(Fixture {
                    name: format!("{edition}-{lang}"),
                    programme: id.clone(),
                    edition,
                    producer: e["producer"].as_str().unwrap_or("odt").to_string(),
                    layout: e["layout"].as_str().unwrap_or("two-column").to_string(),
                    variant: variant.clone(),
                    lang,
                });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Readable differences between two programmes (paths to differing values).
pub fn differences(a: &Programme, b: &Programme) -> Vec<String> {
    let mut out = Vec::new();
    diff_values(
        &serde_json::to_value(a).expect("json"),
        &serde_json::to_value(b).expect("json"),
        "",
        &mut out,
    );
    out
}

fn diff_values(a: &serde_json::Value, b: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                diff_values(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                out.push(format!("{path}: {} items, expected {}", x.len(), y.len()));
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff_values(p, q, &format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: got {a}, expected {b}")),
        _ => {}
    }
}
