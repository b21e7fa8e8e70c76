//! JSON Schemas (draft 2020-12) of the files `unprog` writes besides the
//! programmes themselves: `manifest.json` and `compare --format json`. They
//! are generated from the types that are serialised; `schema/*.schema.json`
//! hold the committed copies (the `schema` test checks they agree).

use schemars::JsonSchema;

/// The pattern of an ISO date, `2023-03-06`.
pub(crate) const DATE: &str = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// The pattern of a 24-hour time, `10:00`.
pub(crate) const TIME: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9]$";
/// The pattern of a SHA-256 in lowercase hex.
pub(crate) const SHA256: &str = r"^[0-9a-f]{64}$";

/// The schema of `manifest.json` ([`crate::manifest::Manifest`]), pretty-printed.
pub fn manifest() -> String {
    generate::<crate::manifest::Manifest>(
        "urn:unprog:manifest:schema-version-1",
        "What `unprog convert` writes into a dataset folder as manifest.json.",
    )
}

/// The schema of `unprog compare --format json`
/// ([`crate::compare::Comparison`]), pretty-printed.
pub fn comparison() -> String {
    generate::<crate::compare::Comparison>(
        "urn:unprog:comparison:schema-version-1",
        "What `unprog compare --format json` prints.",
    )
}

fn generate<T: JsonSchema>(id: &str, description: &str) -> String {
    // An identifier that names the format and its version (no web address
    // is promised), as schema/programme.schema.json does.
    unprog_parse::model::schema_json::<T>(id, Some(description))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_standard_formats_and_an_urn_id() {
        for (schema, id) in [
            (super::manifest(), "urn:unprog:manifest:schema-version-1"),
            (
                super::comparison(),
                "urn:unprog:comparison:schema-version-1",
            ),
        ] {
            let v: serde_json::Value = serde_json::from_str(&schema).unwrap();
            assert_eq!(v["$id"], id);
            assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
            for bad in ["uint", "double", "int64"] {
                assert!(!schema.contains(&format!("\"format\": \"{bad}")), "{bad}");
            }
        }
    }
}
