//! `dossier serve`: the HTTP API and web interface of `dossier-serve`, on the store at `--db`.
//! This module only checks the address rules and says where the server listens.

use super::db_path;
use crate::cli::ServeArgs;
use crate::exit::Exit;
use anyhow::{bail, Result};

pub fn run(args: ServeArgs) -> Result<Exit> {
    let token = args.token.filter(|t| !t.trim().is_empty());
    if let Err(message) = dossier_serve::check_bind(&args.host, args.public, token.as_deref()) {
        bail!(message);
    }
    let path = db_path(&args.db);
    let existed = path.exists();
    let mut config = dossier_serve::Config::new(path.clone());
    config.token = token;
    config.max_body_bytes = args.max_body_bytes;
    config.max_doc_bytes = args.max_doc_bytes;
    config.timeout = std::time::Duration::from_secs(args.timeout);
    let guarded = config.token.is_some();
    dossier_serve::serve(config, &args.host, args.port, |addr, documents| {
        let state = if existed {
            format!("{documents} documents")
        } else {
            "a new, empty store".to_string()
        };
        let auth = if guarded {
            "; API requests need `Authorization: Bearer TOKEN`"
        } else {
            ""
        };
        let host = if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        eprintln!(
            "dossier serve: http://{host}:{}/ ({state} in {}){auth}; Ctrl-C stops it",
            addr.port(),
            path.display()
        );
    })?;
    Ok(Exit::Ok)
}
