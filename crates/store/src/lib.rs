//! The store: documents and their extractions in one SQLite file, with FTS5 full-text search.
//!
//! Writes go in batches, one transaction each, in WAL mode: a process killed mid-ingest leaves
//! the database as it was after the last committed batch, and the full-text index is kept by
//! triggers inside the same transactions, so it can never disagree with the documents. Storing is
//! idempotent: a document whose content hash is already stored is left as it is; a new content
//! under a known id replaces the old version.
//!
//! The store keeps what analysis produced (the extraction contract line); it derives nothing.
//!
//! Readers (`list`, `search_page`, `extraction`) see only committed batches: a reader on another
//! connection sees a batch whole or not at all, which is what lets `dossier serve` answer while
//! an ingest runs. [`Store::data_version`] tells a long-lived connection whether anything was
//! committed since it last asked, so callers can cache what they derive from the store.

use dossier_model::Document;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Bumped when the schema changes; a database of another version is refused with a message.
const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path} was written by a different version of dossier (schema {found}, this build reads {SCHEMA_VERSION}); ingest into a new database")]
    Version { path: String, found: i64 },
    #[error("{path} is not a dossier database ({source})")]
    NotOurs {
        path: String,
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Query(String),
}

pub struct Store {
    conn: Connection,
    path: String,
}

/// One document with its extraction, ready to store.
pub struct StoredDoc<'a> {
    pub doc: &'a Document,
    /// The extraction contract line (`dossier extract`'s output for this document).
    pub extraction_json: &'a str,
}

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: BatchOutcome) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
    }
}

/// A search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub source: String,
    /// A piece of the text around the match, matched terms in «guillemets».
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// Filters for [`Store::list`] and [`Store::search_page`]. Dates compare the calendar date part of
/// `published` (`YYYY-MM-DD`), both ends inclusive; documents without a date match no date filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// Exact outlet name.
    pub outlet: Option<String>,
    /// Published on or after this date (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Published on or before this date (`YYYY-MM-DD`).
    pub to: Option<String>,
}

/// One stored document's metadata, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: String,
}

/// A page of results and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub total: usize,
    pub items: Vec<T>,
}

/// Opens a matched term in the snippets of [`Store::search_page`] (a private-use character, so
/// that it cannot be confused with the text's own punctuation).
pub const SNIPPET_OPEN: char = '\u{E000}';
/// Closes a matched term in the snippets of [`Store::search_page`].
pub const SNIPPET_CLOSE: char = '\u{E001}';

/// What [`Store::verify`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub documents: usize,
    pub indexed: usize,
    /// `PRAGMA integrity_check`'s answer ("ok" when sound).
    pub integrity: String,
    /// FTS5's own integrity check passed.
    pub index_consistent: bool,
}

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    authors TEXT NOT NULL,
    published TEXT,
    published_source TEXT,
    text TEXT NOT NULL,
    extraction TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"#;

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|source| StoreError::NotOurs {
                path: shown.clone(),
                source,
            })?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)
            .map_err(|source| StoreError::NotOurs {
                path: shown.clone(),
                source,
            })?;
        let version: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match version.and_then(|v| v.parse::<i64>().ok()) {
            None => {
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?1)",
                    [SCHEMA_VERSION.to_string()],
                )?;
            }
            Some(SCHEMA_VERSION) => {}
            Some(found) => return Err(StoreError::Version { path: shown, found }),
        }
        Ok(Store { conn, path: shown })
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Stores a batch of documents in one transaction.
    ///
    /// The transaction takes the write lock at its start (`BEGIN IMMEDIATE`): a deferred one
    /// would read first and then fail at once with "database is locked" when another connection
    /// (a server, a second ingest) committed in between, instead of waiting its turn.
    pub fn put_batch(&mut self, docs: &[StoredDoc<'_>]) -> Result<BatchOutcome, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut outcome = BatchOutcome::default();
        {
            let mut by_hash =
                tx.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")?;
            let mut upsert = tx.prepare_cached(
                "INSERT INTO documents (id, content_hash, source, url, outlet, title, authors, published, published_source, text, extraction)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, source = excluded.source, url = excluded.url,
                   outlet = excluded.outlet, title = excluded.title, authors = excluded.authors, published = excluded.published,
                   published_source = excluded.published_source, text = excluded.text, extraction = excluded.extraction",
            )?;
            let mut exists = tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
            for d in docs {
                let doc = d.doc;
                if by_hash.exists([&doc.content_hash])? {
                    outcome.unchanged += 1;
                    continue;
                }
                let replacing = exists.exists([&doc.id])?;
                upsert.execute(params![
                    doc.id,
                    doc.content_hash,
                    doc.source,
                    doc.url,
                    doc.outlet,
                    doc.title,
                    serde_json::to_string(&doc.authors).expect("strings serialize"),
                    doc.published.as_ref().map(|p| p.value.as_str()),
                    doc.published.as_ref().map(|p| p.source.as_str()),
                    doc.text,
                    d.extraction_json,
                ])?;
                if replacing {
                    outcome.replaced += 1;
                } else {
                    outcome.added += 1;
                }
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Full-text search over titles and texts, best matches first.
    ///
    /// The query is FTS5 syntax (`moscow AND attack`, `"concert hall"`, `kurill*`); a query that
    /// is not valid FTS5 (`IS-K`, `U.S.`) is searched as the plain words it contains, each taken
    /// as a phrase, so users need not know the syntax.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let page = self.search_page(query, &DocFilter::default(), limit, 0)?;
        // For a terminal, matched terms in «guillemets» rather than private-use marks.
        Ok(page
            .items
            .into_iter()
            .map(|h| Hit {
                snippet: h
                    .snippet
                    .replace(SNIPPET_OPEN, "«")
                    .replace(SNIPPET_CLOSE, "»"),
                ..h
            })
            .collect())
    }

    /// Full-text search as [`Store::search`], with filters and an offset, and the total number of
    /// matches. Snippets mark matched terms with [`SNIPPET_OPEN`] and [`SNIPPET_CLOSE`].
    pub fn search_page(
        &self,
        query: &str,
        filter: &DocFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<Hit>, StoreError> {
        if query.trim().is_empty() {
            return Err(StoreError::Query("the search query is empty".into()));
        }
        match self.search_page_fts(query, filter, limit, offset) {
            Ok(page) => Ok(page),
            Err(e) if is_query_syntax_error(&e) => {
                let phrased = plain_words_query(query);
                if phrased.is_empty() {
                    return Err(StoreError::Query(format!(
                        "nothing to search for in {query:?}"
                    )));
                }
                Ok(self.search_page_fts(&phrased, filter, limit, offset)?)
            }
            Err(e) => Err(e.into()),
        }
    }

    fn search_page_fts(
        &self,
        query: &str,
        filter: &DocFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<Hit>, rusqlite::Error> {
        // One read transaction, so the total and the page describe the same state of the store.
        let tx = self.conn.unchecked_transaction()?;
        let total = tx.query_row(
            &format!("SELECT count(*) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?1 {FILTER_SQL}"),
            params![query, filter.outlet, filter.from, filter.to],
            |r| r.get::<_, i64>(0),
        )? as usize;
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT d.id, d.title, d.outlet, d.published, d.source,
                    snippet(documents_fts, 1, char(57344), char(57345), '…', 24), bm25(documents_fts, 5.0, 1.0)
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1 {FILTER_SQL} ORDER BY bm25(documents_fts, 5.0, 1.0), d.id LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = stmt.query_map(
            params![
                query,
                filter.outlet,
                filter.from,
                filter.to,
                clamp(limit),
                clamp(offset)
            ],
            |r| {
                Ok(Hit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    source: r.get(4)?,
                    snippet: r.get(5)?,
                    rank: r.get(6)?,
                })
            },
        )?;
        let items = rows.collect::<Result<Vec<_>, _>>()?;
        drop(stmt);
        tx.finish()?;
        Ok(Page { total, items })
    }

    /// Stored documents' metadata, newest first (undated last, then by id), filtered and paged.
    pub fn list(
        &self,
        filter: &DocFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Page<DocSummary>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let total = tx.query_row(
            &format!("SELECT count(*) FROM documents d WHERE 1 {FILTER_SQL}"),
            params![
                Option::<String>::None,
                filter.outlet,
                filter.from,
                filter.to
            ],
            |r| r.get::<_, i64>(0),
        )? as usize;
        let items = {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT d.id, d.title, d.outlet, d.published, d.url, d.source FROM documents d WHERE 1 {FILTER_SQL}
                 ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ?5 OFFSET ?6"
            ))?;
            let rows = stmt.query_map(
                params![
                    Option::<String>::None,
                    filter.outlet,
                    filter.from,
                    filter.to,
                    clamp(limit),
                    clamp(offset)
                ],
                |r| {
                    Ok(DocSummary {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        published: r.get(3)?,
                        url: r.get(4)?,
                        source: r.get(5)?,
                    })
                },
            )?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        tx.finish()?;
        Ok(Page { total, items })
    }

    /// The ids of every stored document that matches `filter`, in id order.
    pub fn ids(&self, filter: &DocFilter) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT d.id FROM documents d WHERE 1 {FILTER_SQL} ORDER BY d.id"
        ))?;
        let rows = stmt.query_map(
            params![
                Option::<String>::None,
                filter.outlet,
                filter.from,
                filter.to
            ],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<Result<Vec<String>, _>>()?)
    }

    /// Every outlet with its number of documents, most documents first.
    pub fn outlets(&self) -> Result<Vec<(String, usize)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// SQLite's `PRAGMA data_version` for this connection: it changes when another connection
    /// commits. Ask it on one long-lived connection to learn whether the store changed.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The number of stored documents.
    pub fn count(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    /// Calls `f` with every stored extraction line, in document id order.
    pub fn for_each_extraction(
        &self,
        mut f: impl FnMut(&str) -> Result<(), String>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT extraction FROM documents ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let line: String = row.get(0)?;
            f(&line).map_err(StoreError::Query)?;
        }
        Ok(())
    }

    /// The stored extraction line of a document.
    pub fn extraction(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT extraction FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Checks the database: SQLite's integrity check, FTS5's own check, and that the index holds
    /// exactly the stored documents.
    pub fn verify(&self) -> Result<Health, StoreError> {
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let index_consistent = self
            .conn
            .execute(
                "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
                [],
            )
            .is_ok();
        let documents = self.count()?;
        let indexed = self
            .conn
            .query_row("SELECT count(*) FROM documents_fts", [], |r| {
                r.get::<_, i64>(0)
            })? as usize;
        Ok(Health {
            documents,
            indexed,
            integrity,
            index_consistent,
        })
    }
}

/// The filter conditions of [`DocFilter`], for a query whose parameters 2, 3 and 4 are outlet,
/// from and to (parameter 1 is the match expression, or an unused null).
const FILTER_SQL: &str = "AND (?2 IS NULL OR d.outlet = ?2)
    AND (?3 IS NULL OR substr(d.published, 1, 10) >= ?3)
    AND (?4 IS NULL OR substr(d.published, 1, 10) <= ?4)";

/// A count as SQLite's integer (SQLite's LIMIT and OFFSET are signed 64-bit).
fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether FTS5 refused the match expression itself (`IS-K` reads as a column filter, `*` as an
/// unknown special query): such a query is retried as plain words.
fn is_query_syntax_error(e: &rusqlite::Error) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => [
            "fts5",
            "syntax",
            "no such column",
            "unknown special query",
            "unterminated string",
        ]
        .iter()
        .any(|m| msg.contains(m)),
        _ => false,
    }
}

/// `IS-K attack "U.S."` → `"IS-K" "attack" "U.S."`: every whitespace-separated word as a phrase.
fn plain_words_query(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| w.trim_matches('"').replace('"', ""))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{PublishedDate, PublishedSource};

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            title: Some(format!("Title of {id}")),
            text: text.into(),
            content_hash: blake_like(text),
            published: Some(PublishedDate {
                value: "2025-03-04".into(),
                source: PublishedSource::Input,
            }),
            ..Document::default()
        }
    }

    fn blake_like(text: &str) -> String {
        // The store treats the hash as an opaque key; any injective stand-in will do here.
        format!("hash:{text}")
    }

    #[test]
    fn storing_is_idempotent_and_replaces_new_versions() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("d.db")).unwrap();
        let a = doc("a", "The bridge over the Vell river reopened.");
        let b = doc("b", "Dock workers at the IS-K port went on strike.");
        let put = |store: &mut Store, docs: &[&Document]| {
            let batch: Vec<StoredDoc> = docs
                .iter()
                .map(|d| StoredDoc {
                    doc: d,
                    extraction_json: "{}",
                })
                .collect();
            store.put_batch(&batch).unwrap()
        };
        assert_eq!(
            put(&mut store, &[&a, &b]),
            BatchOutcome {
                added: 2,
                replaced: 0,
                unchanged: 0
            }
        );
        assert_eq!(
            put(&mut store, &[&a, &b]),
            BatchOutcome {
                added: 0,
                replaced: 0,
                unchanged: 2
            }
        );
        let a2 = doc("a", "The bridge over the Vell river reopened on Tuesday.");
        assert_eq!(
            put(&mut store, &[&a2]),
            BatchOutcome {
                added: 0,
                replaced: 1,
                unchanged: 0
            }
        );
        assert_eq!(store.count().unwrap(), 2);

        let hits = store.search("tuesday", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains("«Tuesday»"), "{}", hits[0].snippet);
        // Not FTS5 syntax: searched as plain words.
        assert_eq!(store.search("IS-K", 10).unwrap()[0].id, "b");
        assert!(store.search("   ", 10).is_err());

        let health = store.verify().unwrap();
        assert_eq!(health.integrity, "ok");
        assert!(health.index_consistent);
        assert_eq!((health.documents, health.indexed), (2, 2));
    }

    #[test]
    fn listing_and_searching_with_filters_and_pages() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("d.db")).unwrap();
        let mut docs = Vec::new();
        for i in 0..5 {
            let mut d = doc(
                &format!("d{i}"),
                &format!("Harbour report number {i} about the strike."),
            );
            d.outlet = Some(if i % 2 == 0 { "Even Times" } else { "Odd Post" }.into());
            d.published = Some(PublishedDate {
                value: format!("2025-03-0{}T10:00:00Z", i + 1),
                source: PublishedSource::Input,
            });
            docs.push(d);
        }
        let batch: Vec<StoredDoc> = docs
            .iter()
            .map(|d| StoredDoc {
                doc: d,
                extraction_json: "{}",
            })
            .collect();
        store.put_batch(&batch).unwrap();
        let watcher = Store::open(&dir.path().join("d.db")).unwrap();
        let v0 = watcher.data_version().unwrap();

        let all = store.list(&DocFilter::default(), 2, 0).unwrap();
        assert_eq!(all.total, 5);
        assert_eq!(
            all.items.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["d4", "d3"]
        );
        let even = DocFilter {
            outlet: Some("Even Times".into()),
            ..DocFilter::default()
        };
        assert_eq!(store.list(&even, 10, 0).unwrap().total, 3);
        let dated = DocFilter {
            from: Some("2025-03-02".into()),
            to: Some("2025-03-03".into()),
            ..DocFilter::default()
        };
        assert_eq!(store.ids(&dated).unwrap(), ["d1", "d2"]);
        assert_eq!(
            store
                .list(&DocFilter::default(), 10, 100)
                .unwrap()
                .items
                .len(),
            0
        );

        let page = store.search_page("strike", &even, 1, 1).unwrap();
        assert_eq!(page.total, 3);
        assert_eq!(page.items.len(), 1);
        assert!(
            page.items[0].snippet.contains("\u{E000}strike\u{E001}"),
            "{}",
            page.items[0].snippet
        );
        assert_eq!(
            store
                .search_page("IS-K", &DocFilter::default(), 5, 0)
                .unwrap()
                .total,
            0
        );
        for not_fts in ["*", "\"strike", "AND", "strike)", "^"] {
            // Searched as plain words, or refused as a query: never a database error.
            match store.search_page(not_fts, &DocFilter::default(), 5, 0) {
                Ok(_) | Err(StoreError::Query(_)) => {}
                Err(e) => panic!("{not_fts:?}: {e}"),
            }
        }
        assert_eq!(
            store.outlets().unwrap(),
            [("Even Times".to_string(), 3), ("Odd Post".to_string(), 2)]
        );

        assert_eq!(watcher.data_version().unwrap(), v0);
        let extra = doc("d9", "Another one.");
        store
            .put_batch(&[StoredDoc {
                doc: &extra,
                extraction_json: "{}",
            }])
            .unwrap();
        assert_ne!(watcher.data_version().unwrap(), v0);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            "these are my notes, not a database, and they are long enough to matter",
        )
        .unwrap();
        let err = Store::open(&path).err().expect("must fail");
        assert!(err.to_string().contains("not a dossier database"), "{err}");
    }
}
