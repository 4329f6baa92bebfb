//! `dossier report`: analyze (or load) documents, merge them, render the dossier.

use super::analyze_inputs;
use crate::cli::{ReadArgs, ReportArgs, ReportFormat};
use crate::exit::Exit;
use crate::progress::Progress;
use anyhow::{bail, Context, Result};
use dossier_merge::PartialDossier;
use dossier_store::Store;
use std::io::Write;

pub fn run(args: ReportArgs, quiet: bool) -> Result<Exit> {
    if args.inputs.is_empty() && args.db.is_none() {
        bail!("nothing to report on: name files or directories, `-` for JSON lines on stdin, or --db PATH (see `dossier report --help`)");
    }
    let mut partial = PartialDossier::new();
    let mut progress = Progress::new(quiet, "analyzed");
    if let Some(path) = &args.db {
        if !path.exists() {
            bail!("no database at {}", path.display());
        }
        let store = Store::open(path)?;
        store.for_each_extraction(|line| {
            let (doc, ex) = super::load_extraction_line(line)?;
            progress.document(doc.text.len());
            partial.add(doc, ex);
            Ok(())
        })?;
    }
    if args.extractions {
        super::lines::for_each_line(&args.inputs, |line, source| {
            let (doc, ex) =
                super::load_extraction_line(line).map_err(|e| anyhow::anyhow!("{source}: {e}"))?;
            progress.document(doc.text.len());
            partial.add(doc, ex);
            Ok(())
        })?;
    } else if !args.inputs.is_empty() {
        let read = ReadArgs {
            inputs: args.inputs.clone(),
            max_doc_bytes: args.max_doc_bytes,
        };
        analyze_inputs(&read, &mut progress, |_, chunk| {
            for a in chunk.into_iter().flatten() {
                partial.add(a.doc, a.extraction);
            }
            Ok(())
        })?;
    }
    progress.finish("read");
    let dossier = partial.finish();
    // The JSON is written as it is serialized (no string of the whole dossier in memory).
    let render = |out: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            ReportFormat::Md => {
                out.write_all(dossier_report::dossier_markdown(&dossier).as_bytes())
            }
            ReportFormat::Html => out.write_all(dossier_report::dossier_html(&dossier).as_bytes()),
            ReportFormat::Json => {
                dossier_report::write_dossier_json(&dossier, &mut *out)?;
                out.write_all(b"\n")
            }
        }?;
        out.flush()
    };
    match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("writing {}", path.display()))?;
            render(&mut std::io::BufWriter::new(file))
                .with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            if let Err(e) = render(&mut out) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(if progress.skipped > 0 {
        Exit::BadInput
    } else {
        Exit::Ok
    })
}
