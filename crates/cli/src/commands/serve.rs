//! `dossier serve` (placeholder until the server lands).

use crate::cli::ServeArgs;
use crate::exit::Exit;
use anyhow::{bail, Result};

pub fn run(_args: ServeArgs) -> Result<Exit> {
    bail!("`dossier serve` is not built yet")
}
