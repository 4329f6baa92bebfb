//! JSON lines and .json files on arbitrary bytes: never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dossier_ingest::jsonl::JsonLines::new(data, "fuzz.jsonl", 4096).count();
    let _ = dossier_ingest::jsonl::parse_json_file(&String::from_utf8_lossy(data), "fuzz.json");
});
