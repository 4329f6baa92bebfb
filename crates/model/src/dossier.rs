//! The dossier: what many documents say together, every fact tied to the spans it came from.
//!
//! Spans here are [`DocSpan`]s: an index into [`Dossier::documents`] and a byte span into that
//! document's text. The JSON contract (`dossier-report`) turns them into document ids and
//! code-point offsets.

use crate::{Document, EntityType, Qualifier, Span};
use serde::{Deserialize, Serialize};

/// A span in one of the dossier's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocSpan {
    /// Index into [`Dossier::documents`].
    pub doc: usize,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dossier {
    pub documents: Vec<Document>,
    pub entities: Vec<ResolvedEntity>,
    pub events: Vec<Event>,
    /// Events with a date, in date order.
    pub timeline: Vec<TimelineEntry>,
    pub quotes: Vec<DossierQuote>,
    pub claims: Vec<Claim>,
    pub discrepancies: Vec<Discrepancy>,
}

/// One real thing (person, organisation, place, …) and every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedEntity {
    /// Stable id derived from the name (`vladimir-putin`).
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Every distinct way the documents write it.
    pub aliases: Vec<String>,
    pub mentions: Vec<DocSpan>,
    /// For places found in the gazetteer.
    pub place: Option<Place>,
    /// What the articles say about it as an actor (founded, leader, strength, funding), each
    /// with the span that says it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<ActorFact>,
}

/// One thing an article says about an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorFact {
    pub kind: FactKind,
    /// In the article's words or the dossier's names: "2015, by Pakistani Taliban", "Sanaullah
    /// Ghafari", "up to 6,000 fighters", "heroin deals, smuggling, extortion".
    pub value: String,
    pub span: DocSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// When and by whom it was founded.
    Founded,
    /// Who leads it.
    Leader,
    /// How many fighters or members it has.
    Strength,
    /// Where its money comes from.
    Funding,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Founded => "founded",
            FactKind::Leader => "leader",
            FactKind::Strength => "strength",
            FactKind::Funding => "funding",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// `attack`, `bombing`, `shooting`, `plot`, `arrest`, `hearing`, `withdrawal`, `founding`, …
    pub kind: String,
    /// The most precise date the sources support (TIMEX3 value: `2024-03-22`, `2024-03`, `2024`).
    pub date: Option<String>,
    /// Entity id of the place.
    pub place: Option<String>,
    /// Entity id of who carried it out, where the sources say.
    pub perpetrator: Option<String>,
    /// Entity id of what the event made, where that identifies it: the organisation a
    /// founding founded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub mentions: Vec<DocSpan>,
    /// Each source's own date for the event.
    pub dates: Vec<SourceDate>,
    pub figures: Vec<FigureGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDate {
    pub doc: usize,
    pub value: String,
    pub span: Span,
}

/// Every source's figure for one event and one measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    pub measure: String,
    pub low: i64,
    pub high: i64,
    /// ACLED's conservative reading: the lowest figure any source supports, vague words read
    /// as "dozens" 12, "hundreds" 100, "thousands" 1000.
    pub conservative: i64,
    /// In order of publication.
    pub reports: Vec<FigureReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureReport {
    pub doc: usize,
    pub published: Option<String>,
    pub value: crate::FigureValue,
    pub qualifier: Qualifier,
    pub vague: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub date: String,
    /// Index into [`Dossier::events`].
    pub event: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierQuote {
    pub span: DocSpan,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    pub speaker_span: Option<DocSpan>,
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Entity id of who claims, blames, denies…; `None` for unnamed sources.
    pub subject: Option<String>,
    pub predicate: crate::Predicate,
    /// Entity or event id.
    pub object: Option<String>,
    pub docs: Vec<usize>,
    pub evidence: Vec<DocSpan>,
    pub hedged: bool,
    /// True when another claim disputes this one (a denial, competing blame).
    pub contested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    Figure,
    Date,
    Place,
    Name,
    Attribution,
    /// Sources rank one event differently: "the biggest terrorist attack in Europe" against
    /// "Russia's worst terrorist atrocity since Beslan".
    Ranking,
}

impl DiscrepancyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Figure => "figure",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::Place => "place",
            DiscrepancyKind::Name => "name",
            DiscrepancyKind::Attribution => "attribution",
            DiscrepancyKind::Ranking => "ranking",
        }
    }
}

/// A fact on which the sources differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// What the disagreement is about, in words ("killed in the attack of 2024-03-22").
    pub about: String,
    /// Index into [`Dossier::events`].
    pub event: Option<usize>,
    pub measure: Option<String>,
    pub values: Vec<DiscrepancyValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscrepancyValue {
    pub doc: usize,
    pub value: String,
    pub span: Span,
}
