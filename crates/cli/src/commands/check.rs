//! `dossier check`: is the database sound?

use super::db_path;
use crate::cli::DbArgs;
use crate::exit::Exit;
use anyhow::{bail, Result};
use dossier_store::Store;

pub fn run(args: DbArgs) -> Result<Exit> {
    let path = db_path(&args);
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let health = Store::open(&path)?.verify()?;
    super::print_out(format!("documents: {}", health.documents))?;
    super::print_out(format!("indexed:   {}", health.indexed))?;
    super::print_out(format!("integrity: {}", health.integrity))?;
    super::print_out(format!(
        "index:     {}",
        if health.index_consistent {
            "consistent"
        } else {
            "INCONSISTENT"
        }
    ))?;
    let sound =
        health.integrity == "ok" && health.index_consistent && health.documents == health.indexed;
    if !sound {
        eprintln!(
            "dossier: {} is damaged; ingest into a new database",
            path.display()
        );
        return Ok(Exit::Internal);
    }
    Ok(Exit::Ok)
}
