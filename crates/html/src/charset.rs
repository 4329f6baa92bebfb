//! The charset a page declares for itself, read from raw bytes before decoding.
//!
//! A simplified form of the HTML prescan: look at `<meta>` tags in the first few kilobytes for a
//! `charset` attribute or a `content="…; charset=…"` value. Only ASCII is examined, which every
//! charset a page can declare this way keeps intact.

/// How far into the bytes a declaration is looked for (the HTML standard prescans 1024 bytes;
/// real pages put long comments and scripts first, so a little more is read).
const PRESCAN_BYTES: usize = 4096;

/// The charset a page declares in its first bytes (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`).
pub fn sniff_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            return Some(label);
        }
        from = end.max(start);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value after `charset` `=` inside one tag's attributes (quoted or not, possibly inside a
/// `content` attribute).
fn charset_in(tag: &[u8]) -> Option<String> {
    let mut from = 0;
    while let Some(pos) = find(&tag[from..], b"charset") {
        let mut i = from + pos + 7;
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < tag.len() && tag[i] == b'=' {
            i += 1;
            while i < tag.len()
                && (tag[i].is_ascii_whitespace() || tag[i] == b'"' || tag[i] == b'\'')
            {
                i += 1;
            }
            let start = i;
            while i < tag.len()
                && !matches!(
                    tag[i],
                    b'"' | b'\'' | b';' | b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>'
                )
            {
                i += 1;
            }
            if i > start {
                return Some(String::from_utf8_lossy(&tag[start..i]).into_owned());
            }
        }
        from = from + pos + 7;
    }
    None
}
