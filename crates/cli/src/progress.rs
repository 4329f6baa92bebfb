//! Progress on stderr: a live counter while a long run goes on (only when stderr is a terminal),
//! warnings printed above it, and a summary line at the end.

use dossier_model::Warning;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub struct Progress {
    bar: ProgressBar,
    quiet: bool,
    started: Instant,
    pub documents: usize,
    pub bytes: usize,
    pub skipped: usize,
    pub warned: usize,
    /// Skipped inputs are reported in the output (extract --error-records): count them only.
    pub skips_reported_elsewhere: bool,
}

impl Progress {
    pub fn new(quiet: bool, verb: &str) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {verb} {{pos}} documents ({{per_sec}}, {{elapsed}})"
                ))
                .expect("template is valid"),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        };
        Progress {
            bar,
            quiet,
            started: Instant::now(),
            documents: 0,
            bytes: 0,
            skipped: 0,
            warned: 0,
            skips_reported_elsewhere: false,
        }
    }

    pub fn document(&mut self, text_bytes: usize) {
        self.documents += 1;
        self.bytes += text_bytes;
        self.bar.inc(1);
    }

    /// Prints a warning. Skipped inputs are always printed; other warnings not under --quiet.
    pub fn warn(&mut self, w: &Warning) {
        if w.is_skip() {
            self.skipped += 1;
            if self.skips_reported_elsewhere {
                return;
            }
        } else {
            self.warned += 1;
            if self.quiet {
                return;
            }
        }
        self.bar.suspend(|| eprintln!("dossier: {w}"));
    }

    /// Clears the bar and prints the summary (not under --quiet).
    pub fn finish(&self, what: &str) {
        self.bar.finish_and_clear();
        if self.quiet {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mut line = format!(
            "dossier: {what} {} documents in {:.2} s ({:.0} documents/s, {:.1} MB/s of text)",
            self.documents,
            secs,
            self.documents as f64 / secs,
            self.bytes as f64 / secs / 1e6
        );
        if self.skipped > 0 {
            let where_ = if self.skips_reported_elsewhere {
                "as error records"
            } else {
                "see above"
            };
            line += &format!("; {} inputs skipped ({where_})", self.skipped);
        }
        if self.warned > 0 {
            line += &format!("; {} warnings", self.warned);
        }
        eprintln!("{line}");
    }
}
