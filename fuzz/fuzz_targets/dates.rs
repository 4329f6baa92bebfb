//! Dates as metadata and prose on arbitrary text: never panic, and whatever is returned is ISO
//! 8601 that parses back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Some(iso) = dossier_dates::normalize(&s) {
        assert!(iso.get(..10).is_some_and(|d| d.parse::<jiff::civil::Date>().is_ok()), "{iso}");
    }
    if let Some((iso, range)) = dossier_dates::find_prose_date(&s) {
        assert!(iso.parse::<jiff::civil::Date>().is_ok());
        assert!(s.get(range).is_some());
    }
});
