//! `schema/programme.schema.json` is generated from the model types; this
//! test fails when they drift apart. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test -p unprog-parse --test schema`.

#[test]
fn committed_schema_matches_the_model() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/programme.schema.json");
    let generated = unprog_parse::model::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).expect("schema/programme.schema.json exists");
    assert_eq!(
        committed, generated,
        "schema out of date: run with UPDATE_SCHEMA=1"
    );
}
