//! Bytes to text: BOM first, then a declared charset (HTTP header or `<meta charset>`), then
//! UTF-8 if the bytes are valid UTF-8, then a statistical guess (chardetng). Never fails:
//! undecodable bytes become U+FFFD and the caller is told.

use encoding_rs::Encoding;

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// How the encoding was chosen.
    pub basis: EncodingBasis,
    /// True when some bytes were invalid in that encoding and were replaced by U+FFFD.
    pub had_errors: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingBasis {
    ByteOrderMark,
    Declared,
    ValidUtf8,
    Guessed,
}

/// Decodes `bytes`; `declared` is a charset label the container gave (HTTP `Content-Type`,
/// `<meta charset>`), if any. A declared label is trusted unless the bytes are valid UTF-8 and the
/// label names a single-byte legacy charset: pages that declare latin-1 but are served as UTF-8
/// are far more common than the reverse.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            basis: EncodingBasis::ByteOrderMark,
            had_errors,
        };
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        // UTF-16 labels on BOM-less bytes are almost always wrong (the page was re-encoded).
        let implausible = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
        let utf8_wins = valid_utf8 && encoding != encoding_rs::UTF_8 && !bytes.is_ascii();
        if !implausible && !utf8_wins {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            return Decoded {
                text: text.into_owned(),
                encoding: encoding.name(),
                basis: EncodingBasis::Declared,
                had_errors,
            };
        }
    }
    if valid_utf8 {
        // Valid: this copy cannot fail.
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Decoded {
            text,
            encoding: "UTF-8",
            basis: EncodingBasis::ValidUtf8,
            had_errors: false,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        basis: EncodingBasis::Guessed,
        had_errors,
    }
}

/// True when the bytes look like a binary file rather than text in any encoding: NUL bytes or
/// many control characters near the start. UTF-16 with a BOM is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFhello", None);
        assert_eq!(d.text, "hello");
        assert_eq!(d.basis, EncodingBasis::ByteOrderMark);
    }

    #[test]
    fn utf16_bom_decodes() {
        let d = decode(b"\xFF\xFEh\x00i\x00", None);
        assert_eq!(d.text, "hi");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn declared_latin1_is_used_for_invalid_utf8() {
        let d = decode(b"caf\xE9", Some("iso-8859-1"));
        assert_eq!(d.text, "café");
        assert_eq!(d.basis, EncodingBasis::Declared);
    }

    #[test]
    fn valid_utf8_beats_a_wrong_legacy_declaration() {
        let d = decode("café".as_bytes(), Some("latin1"));
        assert_eq!(d.text, "café");
        assert_eq!(d.basis, EncodingBasis::ValidUtf8);
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed_not_rejected() {
        let d = decode(
            b"Der Stra\xDFenverkehr in M\xFCnchen ist \xFCberlastet",
            None,
        );
        assert!(d.text.contains("Straßenverkehr"), "{}", d.text);
        assert_eq!(d.basis, EncodingBasis::Guessed);
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x01\x00\x00\x00"));
        assert!(!looks_binary(b"plain text\nwith lines\n"));
        assert!(!looks_binary(b""));
    }
}
