//! Exit statuses: what a script calling dossier can rely on.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything was read and processed.
    Ok,
    /// The run finished, but some input could not be read (each one named on stderr), or an
    /// evaluation fell below the floor it was given.
    BadInput,
    // 2 is clap's, for a command line it cannot parse.
    /// dossier itself failed: a database error, a write to stdout that failed.
    Internal,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(match e {
            Exit::Ok => 0,
            Exit::BadInput => 1,
            Exit::Internal => 3,
        })
    }
}
