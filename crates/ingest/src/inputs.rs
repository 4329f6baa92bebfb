//! What the user named on the command line, read as a stream of raw documents in a stable order.

use crate::feed::read_feed;
use crate::jsonl::{parse_json_file, JsonLines};
use crate::warc::WarcRecords;
use crate::{encoding, Content, Format, InputMeta, Options, RawDoc};
use dossier_model::{Warning, WarningKind};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// One thing the user named: a file, a directory, or standard input (`-`, JSON lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// The kinds of file dossier reads, by their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Html,
    Json,
    JsonLines,
    Feed,
    Warc { gzipped: bool },
}

fn kind_by_name(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let kind = if name.ends_with(".warc.gz") || name.ends_with(".arc.gz") {
        FileKind::Warc { gzipped: true }
    } else {
        match name.rsplit_once('.')?.1 {
            "txt" | "text" => FileKind::Text,
            "html" | "htm" | "xhtml" | "shtml" => FileKind::Html,
            "json" => FileKind::Json,
            "jsonl" | "ndjson" => FileKind::JsonLines,
            "xml" | "rss" | "atom" => FileKind::Feed,
            "warc" => FileKind::Warc { gzipped: false },
            _ => return None,
        }
    };
    Some(kind)
}

/// For a file named explicitly but with no telling extension: look at its first bytes.
fn kind_by_content(head: &[u8]) -> FileKind {
    if head.starts_with(b"WARC/") {
        return FileKind::Warc { gzipped: false };
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return FileKind::Warc { gzipped: true };
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        return FileKind::Json;
    }
    let lower = start
        .get(..start.len().min(1024))
        .unwrap_or(start)
        .to_ascii_lowercase();
    if lower.starts_with('<') {
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return FileKind::Feed;
        }
        return FileKind::Html;
    }
    FileKind::Text
}

type RecordStream = Box<dyn Iterator<Item = Result<RawDoc, Warning>> + Send>;

/// Reads the inputs in order: each named input in turn, a directory's files sorted by path,
/// multi-document files (JSON lines, feeds, WARC) record by record. Directories are read for the
/// extensions dossier knows (`.txt .html .htm .json .jsonl .xml .rss .atom .warc .warc.gz`);
/// other files in them are not documents and are passed over. A file named explicitly is read
/// whatever its name, its kind told by its first bytes.
pub struct Inputs {
    pending: VecDeque<Pending>,
    current: Option<RecordStream>,
    options: Options,
}

enum Pending {
    Named(Input),
    File(PathBuf, Option<FileKind>),
}

impl Inputs {
    pub fn new(inputs: Vec<Input>, options: Options) -> Inputs {
        Inputs {
            pending: inputs.into_iter().map(Pending::Named).collect(),
            current: None,
            options,
        }
    }

    fn open(&mut self, pending: Pending) -> Result<(), Warning> {
        match pending {
            Pending::Named(Input::Stdin) => {
                let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
                self.current = Some(Box::new(JsonLines::new(
                    stdin,
                    "<stdin>",
                    self.options.max_doc_bytes,
                )));
                Ok(())
            }
            Pending::Named(Input::Path(path)) => {
                let meta = std::fs::metadata(&path).map_err(|e| skipped(&path, io_message(&e)))?;
                if meta.is_dir() {
                    let files = list_dir(&path)?;
                    for (i, f) in files.into_iter().enumerate() {
                        self.pending.insert(i, f);
                    }
                    Ok(())
                } else {
                    self.open_file(path, None)
                }
            }
            Pending::File(path, kind) => self.open_file(path, kind),
        }
    }

    fn open_file(&mut self, path: PathBuf, kind: Option<FileKind>) -> Result<(), Warning> {
        let max = self.options.max_doc_bytes;
        let mut file = File::open(&path).map_err(|e| skipped(&path, io_message(&e)))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let kind = match kind.or_else(|| kind_by_name(&path)) {
            Some(k) => k,
            None => {
                let mut head = vec![0u8; 2048];
                let n =
                    read_up_to(&mut file, &mut head).map_err(|e| skipped(&path, io_message(&e)))?;
                head.truncate(n);
                file = File::open(&path).map_err(|e| skipped(&path, io_message(&e)))?;
                kind_by_content(&head)
            }
        };
        let source = path.display().to_string();
        match kind {
            FileKind::JsonLines => {
                self.current = Some(Box::new(JsonLines::new(
                    BufReader::with_capacity(1 << 16, file),
                    source,
                    max,
                )));
            }
            FileKind::Warc { gzipped } => {
                self.current = Some(Box::new(WarcRecords::new(
                    Box::new(file),
                    gzipped,
                    source,
                    max,
                )));
            }
            FileKind::Json | FileKind::Feed => {
                // Read whole, so held to the per-document limit times a factor for the several
                // documents such a file carries; JSON lines and WARC stream instead.
                let limit = max.saturating_mul(CONTAINER_FACTOR);
                let bytes = read_capped(file, size, limit, &path)?;
                let docs = if kind == FileKind::Feed {
                    read_feed(&bytes, &source)
                } else {
                    let text = encoding::decode(&bytes, None).text;
                    parse_json_file(&text, &source)
                };
                self.current = Some(Box::new(docs.into_iter()));
            }
            FileKind::Text | FileKind::Html => {
                let bytes = read_capped(file, size, max, &path)?;
                if bytes.is_empty() {
                    return Err(skipped(&path, "the file is empty"));
                }
                if encoding::looks_binary(&bytes) {
                    return Err(skipped(
                        &path,
                        "this looks like a binary file, not text or HTML",
                    ));
                }
                let doc = RawDoc {
                    source,
                    format: if kind == FileKind::Html {
                        Format::Html
                    } else {
                        Format::Text
                    },
                    content: Content::Bytes {
                        bytes,
                        declared_charset: None,
                    },
                    meta: InputMeta::default(),
                };
                self.current = Some(Box::new(std::iter::once(Ok(doc))));
            }
        }
        Ok(())
    }
}

/// How many times the per-document limit a whole-read container (feed, JSON array) may be.
const CONTAINER_FACTOR: usize = 8;

impl Iterator for Inputs {
    type Item = Result<RawDoc, Warning>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(stream) = self.current.as_mut() {
                if let Some(item) = stream.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let pending = self.pending.pop_front()?;
            if let Err(w) = self.open(pending) {
                return Some(Err(w));
            }
        }
    }
}

fn list_dir(dir: &Path) -> Result<Vec<Pending>, Warning> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let walker = walker
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| skipped(dir, e.to_string()))?;
        if entry.file_type().is_file() {
            if let Some(kind) = kind_by_name(entry.path()) {
                files.push(Pending::File(entry.into_path(), Some(kind)));
            }
        }
    }
    Ok(files)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn read_capped(file: File, size: u64, limit: usize, path: &Path) -> Result<Vec<u8>, Warning> {
    if size > limit as u64 {
        return Err(skipped(
            path,
            format!(
                "the file is {}, over the limit of {} per document (raise it with --max-doc-bytes)",
                human_bytes(size),
                human_bytes(limit as u64)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size can grow while we read (a file being written): read one byte past the limit to know.
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| skipped(path, io_message(&e)))?;
    if bytes.len() > limit {
        return Err(skipped(
            path,
            format!(
                "the file is over the limit of {} per document (raise it with --max-doc-bytes)",
                human_bytes(limit as u64)
            ),
        ));
    }
    Ok(bytes)
}

fn skipped(path: &Path, message: impl Into<String>) -> Warning {
    Warning::new(WarningKind::Skipped, path.display().to_string(), message)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

pub(crate) fn human_bytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else if n >= 1 << 10 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(inputs: Vec<Input>, max: usize) -> Vec<Result<RawDoc, Warning>> {
        Inputs::new(inputs, Options { max_doc_bytes: max }).collect()
    }

    #[test]
    fn directories_are_read_recursively_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "Second.").unwrap();
        std::fs::write(dir.path().join("a.html"), "<p>First.</p>").unwrap();
        std::fs::write(
            dir.path().join("sub/c.jsonl"),
            "{\"text\":\"Third.\"}\n{\"text\":\"Fourth.\"}\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.md"), "not an article").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "hidden").unwrap();
        let out = read_all(vec![Input::Path(dir.path().to_path_buf())], 1 << 20);
        let sources: Vec<String> = out
            .iter()
            .map(|r| r.as_ref().unwrap().source.clone())
            .collect();
        assert_eq!(sources.len(), 4, "{sources:?}");
        assert!(sources[0].ends_with("a.html"));
        assert!(sources[1].ends_with("b.txt"));
        assert!(sources[2].ends_with("c.jsonl:1"));
        assert!(sources[3].ends_with("c.jsonl:2"));
    }

    #[test]
    fn bad_files_are_warnings_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("empty.txt"), "").unwrap();
        std::fs::write(p("binary.txt"), b"\x7fELF\x00\x00\x01\x02").unwrap();
        std::fs::write(p("big.txt"), "x".repeat(2000)).unwrap();
        std::fs::write(p("ok.txt"), "Fine.").unwrap();
        let inputs = [
            "empty.txt",
            "binary.txt",
            "big.txt",
            "missing.txt",
            "ok.txt",
        ]
        .map(|n| Input::Path(p(n)))
        .to_vec();
        let out = read_all(inputs, 1000);
        let messages: Vec<String> = out
            .iter()
            .map(|r| {
                r.as_ref()
                    .map(|d| d.source.clone())
                    .unwrap_or_else(|w| w.message.clone())
            })
            .collect();
        assert!(messages[0].contains("empty"), "{messages:?}");
        assert!(messages[1].contains("binary"), "{messages:?}");
        assert!(messages[2].contains("over the limit"), "{messages:?}");
        assert!(messages[3].contains("no such file"), "{messages:?}");
        assert!(messages[4].ends_with("ok.txt"), "{messages:?}");
    }

    #[test]
    fn explicit_files_are_sniffed() {
        assert_eq!(
            kind_by_content(b"WARC/1.0\r\n"),
            FileKind::Warc { gzipped: false }
        );
        assert_eq!(
            kind_by_content(b"<?xml version=\"1.0\"?><rss>"),
            FileKind::Feed
        );
        assert_eq!(kind_by_content(b"<!doctype html><html>"), FileKind::Html);
        assert_eq!(kind_by_content(b"{\"text\": \"x\"}"), FileKind::Json);
        assert_eq!(kind_by_content(b"Plain words."), FileKind::Text);
    }
}
