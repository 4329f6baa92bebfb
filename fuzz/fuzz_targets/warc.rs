//! WARC reading on arbitrary bytes, plain and gzipped: never panics, always ends.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for gz in [false, true] {
        let reader = Box::new(std::io::Cursor::new(data.to_vec()));
        let _ = dossier_ingest::warc::WarcRecords::new(reader, gz, "fuzz.warc", 1 << 20).count();
    }
});
