//! `dossier extract`: extraction JSON lines on stdout.

use super::analyze_inputs;
use crate::cli::ExtractArgs;
use crate::exit::Exit;
use crate::progress::Progress;
use anyhow::Result;
use std::io::{BufWriter, Write};

pub fn run(args: ExtractArgs, quiet: bool) -> Result<Exit> {
    let mut progress = Progress::new(quiet, "analyzed");
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = analyze_inputs(&args.read, &mut progress, |_, chunk| {
        for item in chunk {
            match item {
                Ok(a) => out.write_all(a.line.as_bytes())?,
                Err(w) if args.error_records => {
                    let record = serde_json::json!({"error": {"kind": "skipped", "source": w.source, "message": w.message}});
                    serde_json::to_writer(&mut out, &record)?;
                }
                Err(_) => continue,
            }
            out.write_all(b"\n")?;
        }
        // Flushed per chunk so a consumer sees results as they come.
        out.flush()?;
        Ok(())
    });
    if let Err(e) = result {
        // A reader that went away (`| head`) is not a failure of ours.
        if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
            return Ok(Exit::Ok);
        }
        return Err(e);
    }
    progress.finish("analyzed");
    // With error records, a skipped input is data in the output stream, not a failed run.
    Ok(if progress.skipped > 0 && !args.error_records { Exit::BadInput } else { Exit::Ok })
}
