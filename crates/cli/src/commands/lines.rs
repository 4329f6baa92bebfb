//! `dossier merge` and `dossier keys`: the cluster stages over extraction lines.

use crate::cli::LinesArgs;
use crate::exit::Exit;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};

/// Calls `f` with every non-empty line of the inputs (files or `-`) and where it came from.
pub fn for_each_line(inputs: &[String], mut f: impl FnMut(&str, &str) -> Result<()>) -> Result<()> {
    for input in inputs {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            Box::new(BufReader::new(
                std::fs::File::open(input).with_context(|| format!("cannot open {input}"))?,
            ))
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("reading {input}"))?;
            if !line.trim().is_empty() {
                f(&line, &format!("{input}:{}", n + 1))?;
            }
        }
    }
    Ok(())
}

/// The fields merge needs from a line without parsing it whole.
#[derive(serde::Deserialize)]
struct Head {
    id: String,
    #[serde(default)]
    content_hash: String,
}

pub fn merge(args: LinesArgs) -> Result<Exit> {
    // id → (content hash, line): the union, one version per id, the smaller hash winning so the
    // result does not depend on the order lines arrive in.
    let mut docs: BTreeMap<String, (String, String)> = BTreeMap::new();
    for_each_line(&args.inputs, |line, source| {
        let head: Head = serde_json::from_str(line)
            .with_context(|| format!("{source}: not an extraction line"))?;
        match docs.get(&head.id) {
            Some((hash, _)) if *hash <= head.content_hash => {}
            _ => {
                docs.insert(head.id, (head.content_hash, line.to_string()));
            }
        }
        Ok(())
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (_, (_, line)) in docs {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(Exit::Ok)
}

pub fn keys(args: LinesArgs) -> Result<Exit> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for_each_line(&args.inputs, |line, source| {
        let (doc, ex) =
            super::load_extraction_line(line).map_err(|e| anyhow::anyhow!("{source}: {e}"))?;
        for key in dossier_merge::blocking_keys(&doc, &ex) {
            writeln!(out, "{key}\t{}", doc.id)?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(Exit::Ok)
}
