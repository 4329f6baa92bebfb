//! HTML extraction on arbitrary bytes: never panics; the text is trimmed.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dossier_html::sniff_meta_charset(data);
    let html = String::from_utf8_lossy(data);
    let article = dossier_html::extract(&html);
    assert_eq!(article.text.trim(), article.text);
    let _ = dossier_html::fragment_to_text(&html);
});
