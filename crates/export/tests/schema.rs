//! `schema/manifest.schema.json` and `schema/comparison.schema.json` are
//! generated from the types serialised into `manifest.json` and `compare
//! --format json`; this test fails when they drift apart. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test -p unprog-export --test schema`.

#[test]
fn committed_schemas_match_the_types() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for (name, generated) in [
        ("manifest.schema.json", unprog_export::schema::manifest()),
        (
            "comparison.schema.json",
            unprog_export::schema::comparison(),
        ),
    ] {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            committed, generated,
            "schema/{name} out of date: run with UPDATE_SCHEMA=1"
        );
    }
}
