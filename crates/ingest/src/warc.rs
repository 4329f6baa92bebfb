//! Web archives (WARC 1.0/1.1, plain or as gzip members, the form news crawls such as CC-NEWS
//! ship in). `response` and `resource` records that hold HTML or text become documents; request,
//! metadata and warcinfo records are not articles and are passed over. The target URI and the
//! capture date come along as metadata.

use crate::{Content, Format, InputMeta, RawDoc};
use dossier_model::{Warning, WarningKind};
use std::io::{BufRead, BufReader, Read};
use warc::{RecordType, WarcHeader, WarcReader};

/// Reads records lazily, one at a time.
pub struct WarcRecords {
    records: warc::RecordIter<Box<dyn BufRead + Send>>,
    source: String,
    max_bytes: usize,
    index: usize,
    not_articles: usize,
    done: bool,
}

impl WarcRecords {
    pub fn new(
        reader: Box<dyn Read + Send>,
        gzipped: bool,
        source: impl Into<String>,
        max_bytes: usize,
    ) -> WarcRecords {
        let reader: Box<dyn BufRead + Send> = if gzipped {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
        } else {
            Box::new(BufReader::new(reader))
        };
        WarcRecords {
            records: WarcReader::new(reader).iter_records(),
            source: source.into(),
            max_bytes,
            index: 0,
            not_articles: 0,
            done: false,
        }
    }
}

impl Iterator for WarcRecords {
    type Item = Result<RawDoc, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let record = match self.records.next() {
                None => {
                    self.done = true;
                    if self.not_articles > 0 {
                        return Some(Err(Warning::new(
                            WarningKind::Input,
                            &self.source,
                            format!(
                                "passed over {} response record(s) that are not HTML or text",
                                self.not_articles
                            ),
                        )));
                    }
                    return None;
                }
                Some(Err(e)) => {
                    // A broken record leaves the reader at an unknown position: stop here.
                    self.done = true;
                    return Some(Err(Warning::new(
                        WarningKind::Skipped,
                        &self.source,
                        format!("unreadable WARC record after record {}: {e}", self.index),
                    )));
                }
                Some(Ok(record)) => record,
            };
            self.index += 1;
            let where_ = format!("{}#{}", self.source, self.index);
            let is_response = match record.warc_type() {
                RecordType::Response => true,
                RecordType::Resource | RecordType::Conversion => false,
                _ => continue,
            };
            let body = record.body();
            if body.len() > self.max_bytes {
                return Some(Err(Warning::new(
                    WarningKind::Skipped,
                    where_,
                    format!("record is {} bytes, over the limit of {} per document (raise it with --max-doc-bytes)", body.len(), self.max_bytes),
                )));
            }
            let (content_type, payload) = if is_response {
                match split_http_response(body) {
                    Some(parts) => parts,
                    None => {
                        return Some(Err(Warning::new(
                            WarningKind::Skipped,
                            where_,
                            "response record does not hold an HTTP response",
                        )));
                    }
                }
            } else {
                (
                    record
                        .header(WarcHeader::ContentType)
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    body,
                )
            };
            let mime = content_type
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let format = match mime.as_str() {
                "text/html" | "application/xhtml+xml" | "" => Format::Html,
                "text/plain" => Format::Text,
                _ => {
                    self.not_articles += 1;
                    continue;
                }
            };
            let charset = content_type
                .split(';')
                .filter_map(|p| {
                    p.trim()
                        .strip_prefix("charset=")
                        .or_else(|| p.trim().strip_prefix("CHARSET="))
                })
                .next()
                .map(|c| c.trim_matches('"').to_string());
            let uri = record
                .header(WarcHeader::TargetURI)
                .map(|u| u.trim_matches(['<', '>']).to_string());
            let date = record.header(WarcHeader::Date).map(|d| d.to_string());
            return Some(Ok(RawDoc {
                source: uri.clone().unwrap_or(where_),
                format,
                content: Content::Bytes {
                    bytes: payload.to_vec(),
                    declared_charset: charset,
                },
                meta: InputMeta {
                    url: uri,
                    published: date,
                    published_is_capture_date: true,
                    ..InputMeta::default()
                },
            }));
        }
        None
    }
}

/// Splits an HTTP response into its Content-Type and its payload.
fn split_http_response(body: &[u8]) -> Option<(String, &[u8])> {
    if !body.starts_with(b"HTTP/") {
        return None;
    }
    let end = memchr::memmem::find(body, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(body, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&body[..end.0]);
    let content_type = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    Some((content_type, &body[end.1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            block.len()
        )
        .unwrap();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn sample() -> Vec<u8> {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>The bridge reopened.</p></body></html>";
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        let mut warc = record(
            "request",
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        );
        warc.extend(record("response", "https://example.org/a", page));
        warc.extend(record("response", "https://example.org/b.png", image));
        warc
    }

    #[test]
    fn reads_html_responses() {
        let out: Vec<_> = WarcRecords::new(
            Box::new(std::io::Cursor::new(sample())),
            false,
            "x.warc",
            1 << 20,
        )
        .collect();
        assert_eq!(out.len(), 2, "{out:?}");
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(doc.format, Format::Html);
        let Content::Bytes {
            bytes,
            declared_charset,
        } = &doc.content
        else {
            panic!()
        };
        assert!(bytes.starts_with(b"<html>"));
        assert_eq!(declared_charset.as_deref(), Some("utf-8"));
        assert!(out[1].as_ref().unwrap_err().message.contains("not HTML"));
    }

    #[test]
    fn reads_gzip_members() {
        // Each record its own gzip member, as crawlers write them.
        let mut gz = Vec::new();
        for rec in [
            record(
                "response",
                "https://example.org/1",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>one</p>",
            ),
            record(
                "response",
                "https://example.org/2",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>two</p>",
            ),
        ] {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(&rec).unwrap();
            gz.extend(enc.finish().unwrap());
        }
        let out: Vec<_> = WarcRecords::new(
            Box::new(std::io::Cursor::new(gz)),
            true,
            "x.warc.gz",
            1 << 20,
        )
        .collect();
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 2, "{out:?}");
    }

    #[test]
    fn truncated_archive_is_a_warning() {
        let mut warc = sample();
        warc.truncate(warc.len() / 2 + 10);
        let out: Vec<_> = WarcRecords::new(
            Box::new(std::io::Cursor::new(warc)),
            false,
            "cut.warc",
            1 << 20,
        )
        .collect();
        assert!(
            out.iter().any(|r| r.as_ref().is_err_and(|w| w.is_skip())),
            "{out:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = WarcRecords::new(Box::new(std::io::Cursor::new(bytes)), false, "x", 1 << 20).count();
        }
    }
}
