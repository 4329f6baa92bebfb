//! `dossier search`: full-text search over the store.

use super::db_path;
use crate::cli::SearchArgs;
use crate::exit::Exit;
use anyhow::{bail, Result};
use dossier_store::Store;
use std::io::Write;

pub fn run(args: SearchArgs) -> Result<Exit> {
    let path = db_path(&args.db);
    if !path.exists() {
        bail!(
            "no database at {} (create one with `dossier ingest INPUT... --db {}`)",
            path.display(),
            path.display()
        );
    }
    let store = Store::open(&path)?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = std::io::stdout().lock();
    for h in &hits {
        let written = if args.json {
            let v = serde_json::json!({
                "id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published,
                "source": h.source, "snippet": h.snippet, "rank": h.rank,
            });
            writeln!(out, "{v}")
        } else {
            let title = h.title.as_deref().unwrap_or("(untitled)");
            let mut meta = Vec::new();
            meta.extend(h.outlet.as_deref());
            meta.extend(h.published.as_deref());
            writeln!(
                out,
                "{}  {}  [{}]\n    {}\n",
                h.id,
                title,
                meta.join(", "),
                h.snippet.replace('\n', " ")
            )
        };
        if written.is_err() {
            break; // the reader went away
        }
    }
    if hits.is_empty() && !args.json {
        eprintln!(
            "dossier: no matches for {:?} in {}",
            args.query,
            path.display()
        );
    }
    Ok(Exit::Ok)
}
