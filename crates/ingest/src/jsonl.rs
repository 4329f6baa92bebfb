//! JSON input: one document per line (`.jsonl`, stdin), or a `.json` file holding one object or
//! an array of them. The record shape is DESIGN.md's:
//! `{"id", "text" | "html", "url"?, "published"?, "outlet"?, "title"?, "authors"?}`.

use crate::{Content, Format, InputMeta, RawDoc};
use dossier_model::{Warning, WarningKind};
use serde_json::Value;
use std::io::BufRead;

/// Reads JSON lines one at a time, so a file of a million articles is never held in memory.
pub struct JsonLines<R> {
    reader: R,
    source: String,
    line_no: usize,
    max_bytes: usize,
    buf: Vec<u8>,
    failed: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(reader: R, source: impl Into<String>, max_bytes: usize) -> JsonLines<R> {
        JsonLines {
            reader,
            source: source.into(),
            line_no: 0,
            max_bytes,
            buf: Vec::new(),
            failed: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<RawDoc, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.failed {
            self.buf.clear();
            self.line_no += 1;
            let where_ = format!("{}:{}", self.source, self.line_no);
            match read_line_capped(&mut self.reader, &mut self.buf, self.max_bytes) {
                Err(e) => {
                    // The stream cannot be trusted past a read error: report it and stop.
                    self.failed = true;
                    return Some(Err(Warning::new(WarningKind::Skipped, &self.source, format!("read failed at line {}: {e}", self.line_no))));
                }
                Ok(LineRead::Eof) => return None,
                Ok(LineRead::TooLong(len)) => {
                    return Some(Err(Warning::new(
                        WarningKind::Skipped,
                        where_,
                        format!("line is {} bytes, over the limit of {} per document (raise it with --max-doc-bytes)", len, self.max_bytes),
                    )))
                }
                Ok(LineRead::Line) => {}
            }
            let line = String::from_utf8_lossy(&self.buf);
            if line.trim().is_empty() {
                continue;
            }
            return Some(parse_record(&line, &where_));
        }
        None
    }
}

enum LineRead {
    Line,
    Eof,
    TooLong(usize),
}

/// Reads one line into `buf`, but stops storing past `max` bytes (the rest of the line is read
/// and dropped, so the next call starts on the next line).
fn read_line_capped<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<LineRead> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if total > max {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        total += chunk.len();
        if total <= max {
            buf.extend_from_slice(chunk);
        }
        let consumed = done.unwrap_or(available.len());
        reader.consume(consumed);
        if done.is_some() {
            return Ok(if total > max {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

/// Parses one JSON record into a raw document.
pub fn parse_record(json: &str, source: &str) -> Result<RawDoc, Warning> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| Warning::new(WarningKind::Skipped, source, format!("not valid JSON: {e}")))?;
    record_from_value(value, source)
}

/// Reads a `.json` file: an array of records, one record, or (failing both) JSON lines.
pub fn parse_json_file(text: &str, source: &str) -> Vec<Result<RawDoc, Warning>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| record_from_value(v, &format!("{source}#{}", i + 1)))
            .collect(),
        Ok(v) => vec![record_from_value(v, source)],
        Err(_) => JsonLines::new(text.as_bytes(), source, usize::MAX).collect(),
    }
}

fn record_from_value(value: Value, source: &str) -> Result<RawDoc, Warning> {
    let skip = |msg: String| Warning::new(WarningKind::Skipped, source, msg);
    let Value::Object(map) = value else {
        return Err(skip(
            "expected a JSON object with a `text` or `html` field".into(),
        ));
    };
    let string = |key: &str| -> Result<Option<String>, Warning> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
            Some(other) => Err(skip(format!(
                "`{key}` must be a string, not {}",
                kind_of(other)
            ))),
        }
    };
    let authors = match map.get("authors") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(other) => {
            return Err(skip(format!(
                "`authors` must be a list of strings, not {}",
                kind_of(other)
            )))
        }
    };
    let (format, content) = match (string("text")?, string("html")?) {
        (Some(text), _) => (Format::Text, text),
        (None, Some(html)) => (Format::Html, html),
        (None, None) => return Err(skip("record has neither `text` nor `html`".into())),
    };
    Ok(RawDoc {
        source: source.to_string(),
        format,
        content: Content::Text(content),
        meta: InputMeta {
            id: string("id")?,
            url: string("url")?,
            outlet: string("outlet")?,
            title: string("title")?,
            authors,
            published: string("published")?,
            published_is_capture_date: false,
        },
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            r#"{"id": "a", "text": "Body one.", "published": "2024-03-24", "authors": ["X Y"]}"#,
            "\n",
            "\n",
            "not json\n",
            r#"{"id": 7, "html": "<p>Body two.</p>", "url": "https://example.org/2"}"#,
            "\n",
            r#"{"id": "c"}"#,
            "\n",
            r#"{"id": "d", "text": 5}"#,
            "\n",
        );
        let out: Vec<_> = JsonLines::new(input.as_bytes(), "in.jsonl", 1000).collect();
        assert_eq!(out.len(), 5);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.meta.id.as_deref(), Some("a"));
        assert_eq!(a.meta.authors, vec!["X Y"]);
        assert_eq!(a.format, Format::Text);
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.source, "in.jsonl:3");
        assert!(err.message.contains("not valid JSON"));
        let b = out[2].as_ref().unwrap();
        assert_eq!(b.meta.id.as_deref(), Some("7"));
        assert_eq!(b.format, Format::Html);
        assert!(out[3].as_ref().unwrap_err().message.contains("neither"));
        assert!(out[4]
            .as_ref()
            .unwrap_err()
            .message
            .contains("`text` must be a string"));
    }

    #[test]
    fn long_lines_are_refused_and_reading_goes_on() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n",
            "x".repeat(100)
        );
        let out: Vec<_> = JsonLines::new(long.as_bytes(), "in.jsonl", 50).collect();
        assert_eq!(out.len(), 2);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("over the limit"));
        assert!(out[1].is_ok());
    }

    #[test]
    fn json_file_forms() {
        assert_eq!(
            parse_json_file(r#"[{"text":"a"},{"text":"b"}]"#, "f.json").len(),
            2
        );
        assert_eq!(parse_json_file(r#"{"text":"a"}"#, "f.json").len(), 1);
        assert_eq!(
            parse_json_file("{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "f.json").len(),
            2
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_lines_never_panic(input in "\\PC{0,300}") {
            let _ = JsonLines::new(input.as_bytes(), "x", 64).count();
        }
    }
}
