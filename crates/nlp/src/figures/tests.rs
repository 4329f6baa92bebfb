//! Tables of invented sentences and the figures expected in them:
//! (text of the span, measure, value, qualifier, vague).
use super::*;
use crate::{sentences, tokenize::tokenize};

fn run(text: &str) -> Vec<(String, String, FigureValue, &'static str, bool)> {
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    annotate(text, &tokens, &sents)
        .into_iter()
        .map(|f| {
            (
                f.span.slice(text).to_string(),
                f.measure,
                f.value,
                f.qualifier.as_str(),
                f.vague,
            )
        })
        .collect()
}

#[test]
fn casualty_and_size_table() {
    use FigureValue::{Exact, Range};
    // (sentence, expected span text, measure, value, qualifier, vague)
    let cases: &[(&str, &str, &str, FigureValue, &str, bool)] = &[
        (
            "The blast killed 52 people in the market.",
            "52",
            "killed",
            Exact(52),
            "exact",
            false,
        ),
        (
            "At least 31 people were killed on Tuesday.",
            "At least 31",
            "killed",
            Exact(31),
            "at_least",
            false,
        ),
        (
            "More than 200 passengers were injured.",
            "More than 200",
            "injured",
            Exact(200),
            "more_than",
            false,
        ),
        (
            "Rebels took over 300 hostages at the school.",
            "over 300",
            "hostages",
            Exact(300),
            "more_than",
            false,
        ),
        (
            "The group has up to 4,500 fighters in the north.",
            "up to 4,500",
            "fighters",
            Exact(4500),
            "up_to",
            false,
        ),
        (
            "Nearly a hundred villagers died in the floods.",
            "Nearly a hundred",
            "killed",
            Exact(100),
            "nearly",
            false,
        ),
        (
            "Police detained close to 1,000 protesters overnight.",
            "close to 1,000",
            "arrested",
            Exact(1000),
            "nearly",
            false,
        ),
        (
            "Dozens were wounded when the roof fell.",
            "Dozens",
            "injured",
            Range(24, 99),
            "about",
            true,
        ),
        (
            "Thousands of refugees crossed the border.",
            "Thousands",
            "displaced",
            Range(2000, 9999),
            "about",
            true,
        ),
        (
            "Three of the attackers escaped.",
            "Three",
            "attackers",
            Exact(3),
            "at_least",
            false,
        ),
        (
            "The raid was carried out by six gunmen.",
            "six",
            "attackers",
            Exact(6),
            "exact",
            false,
        ),
        (
            "Five suspects arrested after the raid appeared in court.",
            "Five",
            "arrested",
            Exact(5),
            "exact",
            false,
        ),
        (
            "The storm killed 12 (and counting) across the region.",
            "12 (and counting)",
            "killed",
            Exact(12),
            "at_least",
            false,
        ),
        (
            "Some 40 people remain missing.",
            "Some 40",
            "missing",
            Exact(40),
            "about",
            false,
        ),
        (
            "The rebels hold about a quarter of the country.",
            "about a quarter",
            "share",
            Exact(25),
            "about",
            false,
        ),
        (
            "Turnout fell to 41 per cent.",
            "41 per cent",
            "share",
            Exact(41),
            "exact",
            false,
        ),
        (
            "Each courier was paid $5,000 each.",
            "$5,000 each",
            "payment",
            Exact(5000),
            "exact",
            false,
        ),
        (
            "Two men were charged with murder.",
            "Two",
            "charged",
            Exact(2),
            "exact",
            false,
        ),
        // A second figure in a coordination takes its own participle, not the first one's verb.
        (
            "Nine were killed and more than 60 injured when the bomb went off.",
            "more than 60",
            "injured",
            Exact(60),
            "more_than",
            false,
        ),
    ];
    for (text, span, measure, value, qualifier, vague) in cases {
        let got = run(text);
        let want = (
            span.to_string(),
            measure.to_string(),
            *value,
            *qualifier,
            *vague,
        );
        assert!(
            got.contains(&want),
            "{text}\n  got  {got:?}\n  want {want:?}"
        );
    }
}

#[test]
fn not_figures_table() {
    let cases = [
        "At just 29, he leads the group.",
        "The 18-year-old was questioned.",
        "The war lasted nine years.",
        "It was founded in 2015 by former members.",
        "The meeting is on March 24 at 10:30.",
        "Several people were hurt and many fled.",
        "The group has a multi-million pound war chest.",
        "He is one of the most wanted men.",
        "She flew on a Boeing 737 to Kabul.",
        "The two countries signed a deal.",
    ];
    for text in cases {
        let got = run(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_spans_are_sane(text in "(?s)(\\PC|[0-9 ,.£$%()-]|killed|at least|hundreds|of the|people|were|a third|\\n){0,60}") {
        let tokens = tokenize(&text);
        let sents = sentences::split(&text, &tokens);
        let out = annotate(&text, &tokens, &sents);
        let mut last_end = 0;
        for f in &out {
            proptest::prop_assert!(f.span.start < f.span.end && f.span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            proptest::prop_assert!(f.span.start >= last_end, "overlap or disorder: {:?}", out);
            last_end = f.span.end;
        }
    }
}
