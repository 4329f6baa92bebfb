//! The plain types that flow through dossier: a [`Document`] (clean text plus metadata), the
//! [`Extraction`] that analysis produces from it, and the [`Warning`]s that travel beside both.
//!
//! This crate does no I/O and knows no format. Every offset here is a **byte** offset into
//! [`Document::text`]; conversion to the code-point offsets of the JSON contracts happens once,
//! in `dossier-report`.

mod document;
mod dossier;
mod extraction;
mod span;
mod warning;

pub use document::{Document, PublishedDate, PublishedSource, SourceMap, SourceSegment};
pub use dossier::{
    ActorFact, Claim, Discrepancy, DiscrepancyKind, DiscrepancyValue, DocSpan, Dossier,
    DossierQuote, Event, FactKind, FigureGroup, FigureReport, Place, ResolvedEntity, SourceDate,
    TimelineEntry,
};
pub use extraction::{
    reads_as_headline, Assertion, Entity, EntityType, Extraction, Figure, FigureContext,
    FigureValue, Predicate, Qualifier, Quote, Timex, TimexType, Token, TokenKind,
};
pub use span::Span;
pub use warning::{Warning, WarningKind};
