//! Feed parsing on arbitrary bytes: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dossier_ingest::feed::read_feed(data, "fuzz.xml");
});
