//! `dossier extract`: extraction JSON lines on stdout.

use super::analyze_inputs;
use crate::cli::ExtractArgs;
use crate::exit::Exit;
use crate::progress::Progress;
use anyhow::Result;
use std::io::{BufWriter, Write};

pub fn run(args: ExtractArgs, quiet: bool) -> Result<Exit> {
    let mut progress = Progress::new(quiet, "analyzed");
    // With error records the skipped inputs are in the output; saying so on stderr too would
    // flood a cluster's logs.
    progress.skips_reported_elsewhere = args.error_records;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = analyze_inputs(&args.read, &mut progress, |_, chunk| {
        for item in chunk {
            // Each line goes out in one write with its newline, so a reader never sees part of
            // a line, whatever the buffer size.
            let mut line = match item {
                Ok(a) => a.line,
                Err(w) if args.error_records => {
                    serde_json::json!({"error": {"kind": "skipped", "source": w.source, "message": w.message}}).to_string()
                }
                Err(_) => continue,
            };
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        // Flushed per chunk so a consumer sees results as they come.
        out.flush()?;
        Ok(())
    });
    if let Err(e) = result {
        // A reader that went away (`| head`) is not a failure of ours.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return Ok(Exit::Ok);
        }
        return Err(e);
    }
    progress.finish("analyzed");
    // With error records, a skipped input is data in the output stream, not a failed run.
    Ok(if progress.skipped > 0 && !args.error_records {
        Exit::BadInput
    } else {
        Exit::Ok
    })
}
