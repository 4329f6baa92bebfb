use crate::Span;
use serde::{Deserialize, Serialize};

/// Everything analysis finds in one document. A value: a function of the document and the
/// models only (DESIGN.md), so it can be cached by content hash and computed anywhere.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    pub doc_id: String,
    /// The publication date analysis inferred from the text, when the document gave none.
    pub inferred_published: Option<String>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub timexes: Vec<Timex>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub assertions: Vec<Assertion>,
}

/// Whether a sentence reads as a headline or title: it ends without closing punctuation,
/// before any closing quotation marks (`Parties warned over 'grey vote'` is one, `"We won."`
/// is not). Headlines drop the auxiliary of their passives (`BNP leader arrested`), so a bare
/// past participle there is passive, not a past tense.
pub fn reads_as_headline(sentence: &str) -> bool {
    let bare = sentence.trim_end();
    let unquoted = bare.trim_end_matches(['"', '”', '’', '\'', ')']);
    // A sentence that is all quotation or ends in a quoted sentence's mark is prose.
    !(unquoted.ends_with(['.', '!', '?', '…']) || unquoted.is_empty() && !bare.is_empty())
}

#[cfg(test)]
mod headline_tests {
    use super::reads_as_headline;

    #[test]
    fn headlines_end_without_closing_punctuation() {
        for h in [
            "BNP leader Nick Griffin arrested",
            "Parties warned over 'grey vote'",
            "Ministers deny care sums 'wrong'",
        ] {
            assert!(reads_as_headline(h), "{h}");
        }
        for p in [
            "He was arrested on Monday.",
            "\"We will win,\" he said.",
            "She said: \"It is over.\"",
            "Is it over?",
        ] {
            assert!(!reads_as_headline(p), "{p}");
        }
    }
}

/// A token of the text. Whitespace is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods (IS-K, al-Mujahir, U.S.,
    /// don't, Gen.).
    Word,
    /// Digits with optional separators and decimals (1,000; 3.5; 9/11; 2024-03-22).
    Number,
    /// Any other single character or run of the same punctuation (`,` `"` `—` `...`).
    Punct,
    /// A symbol such as a currency sign or `%`.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: `2024-03-22`, `2024-W12`, `201`, `P6M`, `PRESENT_REF`, `XXXX-03-22`.
    pub value: String,
    /// For a DURATION counted from a date the text gave ("Three months" in "In December 2018
    /// … Three months later"), the date it ends on (`2019-03`): TimeML keeps the counted span a
    /// duration, the dossier still dates what happened then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchored: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    Nearly,
    About,
    UpTo,
}

impl Qualifier {
    /// How the qualifier reads before a number ("at least ", "" for exact).
    pub fn phrase(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::AtLeast => "at least ",
            Qualifier::MoreThan => "more than ",
            Qualifier::Nearly => "nearly ",
            Qualifier::About => "about ",
            Qualifier::UpTo => "up to ",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::UpTo => "up_to",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FigureValue {
    Exact(i64),
    Range(i64, i64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub span: Span,
    /// `killed`, `injured`, `hostages`, … or another plain word when none fits.
    pub measure: String,
    pub value: FigureValue,
    pub qualifier: Qualifier,
    /// True for vague quantity words ("dozens", "hundreds").
    pub vague: bool,
    /// Who or what was counted, as written: "American soldiers" in "13 American soldiers".
    #[serde(default)]
    pub counted: Option<Span>,
    /// What the figure is about, as far as its sentence says.
    #[serde(default)]
    pub context: Option<FigureContext>,
}

/// The sentence and the clause a figure stands in, and the entities and time expressions it
/// shares that clause with ("killed *at the Crocus hall*", "killed *in Kerman*", "*10 days
/// ago*"): what lets the dossier attach it to an event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FigureContext {
    pub sentence: Span,
    pub clause: Span,
    /// Indices into [`Extraction::entities`].
    pub entities: Vec<usize>,
    /// Indices into [`Extraction::timexes`].
    pub timexes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub direct: bool,
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    ClaimedResponsibility,
    Blamed,
    Denied,
    Warned,
    Confirmed,
    Dismissed,
    Accused,
    Arrested,
    Charged,
    Speculated,
}

impl Predicate {
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::ClaimedResponsibility => "claimed_responsibility",
            Predicate::Blamed => "blamed",
            Predicate::Denied => "denied",
            Predicate::Warned => "warned",
            Predicate::Confirmed => "confirmed",
            Predicate::Dismissed => "dismissed",
            Predicate::Accused => "accused",
            Predicate::Arrested => "arrested",
            Predicate::Charged => "charged",
            Predicate::Speculated => "speculated",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assertion {
    pub subject: Option<Span>,
    pub predicate: Predicate,
    pub object: Option<Span>,
    pub hedged: bool,
    pub sentence: Span,
}
