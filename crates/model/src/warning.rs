use serde::{Deserialize, Serialize};
use std::fmt;

/// Something that went wrong with one input or one document, without stopping the run.
///
/// Analysis never fails (DESIGN.md): a document that cannot be read well still yields an
/// extraction, and what went wrong travels beside it as warnings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// The file, URL or record the warning is about, as the user would recognise it.
    pub source: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The input could not be used at all and was skipped (unreadable, malformed, too large).
    Skipped,
    /// The input was read, but bytes had to be replaced or guessed (encoding).
    Encoding,
    /// The input was read, but little or no article text came out of it.
    NoText,
    /// Anything else that the user should know about the input.
    Input,
}

impl Warning {
    pub fn new(
        kind: WarningKind,
        source: impl Into<String>,
        message: impl Into<String>,
    ) -> Warning {
        Warning {
            kind,
            source: source.into(),
            message: message.into(),
        }
    }

    /// True when the input behind this warning produced no document.
    pub fn is_skip(&self) -> bool {
        self.kind == WarningKind::Skipped
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.kind {
            WarningKind::Skipped => "skipped",
            WarningKind::Encoding => "encoding",
            WarningKind::NoText => "no text",
            WarningKind::Input => "warning",
        };
        write!(f, "{label}: {}: {}", self.source, self.message)
    }
}
