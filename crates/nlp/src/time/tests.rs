//! Tables of invented sentences: the text, the reference date, and the expected
//! (extent, type, value) of the time expressions in it; and properties that hold for any text.
use super::*;
use crate::{sentences, tokenize::tokenize};
use proptest::prelude::*;

fn run(text: &str, reference: Option<&str>) -> Vec<(String, &'static str, String)> {
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let r = reference.map(|d| d.parse::<Date>().unwrap());
    annotate(text, &tokens, &sents, r)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind.as_str(), t.value))
        .collect()
}

/// Reference: Monday 25 March 2024.
const REF: &str = "2024-03-25";

#[test]
fn expressions_table() {
    // (sentence, extent, type, value), resolved against REF.
    let cases: &[(&str, &str, &str, &str)] = &[
        // Explicit dates in every order and style.
        (
            "The treaty was signed on March 24th, 2024 in Geneva.",
            "March 24th, 2024",
            "DATE",
            "2024-03-24",
        ),
        (
            "She arrived on 4 January and left soon after.",
            "4 January",
            "DATE",
            "2024-01-04",
        ),
        (
            "The form is dated 22/03/2024.",
            "22/03/2024",
            "DATE",
            "2024-03-22",
        ),
        (
            "The file was opened 2024-03-22.",
            "2024-03-22",
            "DATE",
            "2024-03-22",
        ),
        (
            "It happened on the 3rd of February 2023.",
            "the 3rd of February 2023",
            "DATE",
            "2023-02-03",
        ),
        (
            "The summit opened on Saturday, March 16.",
            "Saturday, March 16",
            "DATE",
            "2024-03-16",
        ),
        (
            "The club was founded in November 2015.",
            "November 2015",
            "DATE",
            "2015-11",
        ),
        ("Prices rose in 1998.", "1998", "DATE", "1998"),
        (
            "Ties were cut after 9/11 forever.",
            "9/11",
            "DATE",
            "2001-09-11",
        ),
        // Weekdays by tense.
        (
            "Gunmen attacked the hall on Friday.",
            "Friday",
            "DATE",
            "2024-03-22",
        ),
        (
            "The court will rule on Friday.",
            "Friday",
            "DATE",
            "2024-03-29",
        ),
        // A modal before the weekday looks ahead; one after it belongs to another clause.
        (
            "He said the delegation would leave on Friday.",
            "Friday",
            "DATE",
            "2024-03-29",
        ),
        (
            "The attack on Friday should alert the world.",
            "Friday",
            "DATE",
            "2024-03-22",
        ),
        (
            "The exchange is to resume trading Tuesday.",
            "Tuesday",
            "DATE",
            "2024-03-26",
        ),
        // Intent needs its complement: "plans to" looks ahead, "the plan" is a noun.
        (
            "The union plans to strike on Thursday.",
            "Thursday",
            "DATE",
            "2024-03-28",
        ),
        (
            "The bank announced the plan on Thursday.",
            "Thursday",
            "DATE",
            "2024-03-21",
        ),
        (
            "Prices hit the record set on Aug. 6.",
            "Aug. 6",
            "DATE",
            "2023-08-06",
        ),
        (
            "Net income for the year ended June 30 rose 8%.",
            "the year",
            "DURATION",
            "P1Y",
        ),
        ("For the year, volume was flat.", "the year", "DATE", "2024"),
        (
            "Sales in the latest period were $1.7 billion.",
            "the latest period",
            "DATE",
            "2023-Q4",
        ),
        (
            "It grew in the mid-2010s. During this period it held half of the country.",
            "this period",
            "DATE",
            "201",
        ),
        (
            "The current government took office in 2019.",
            "current",
            "DATE",
            "PRESENT_REF",
        ),
        (
            "The minister spoke last Thursday.",
            "last Thursday",
            "DATE",
            "2024-03-21",
        ),
        (
            "Talks resume next Tuesday.",
            "next Tuesday",
            "DATE",
            "2024-03-26",
        ),
        (
            "The fire started on Friday evening.",
            "Friday evening",
            "TIME",
            "2024-03-22TEV",
        ),
        // Relative days, weeks, months, years.
        (
            "The results came yesterday.",
            "yesterday",
            "DATE",
            "2024-03-24",
        ),
        (
            "Storms hit the coast last night.",
            "last night",
            "TIME",
            "2024-03-24TNI",
        ),
        (
            "The report came out last week.",
            "last week",
            "DATE",
            "2024-W12",
        ),
        (
            "Inflation rose earlier this month.",
            "earlier this month",
            "DATE",
            "2024-03",
        ),
        ("Sales fell last July.", "last July", "DATE", "2023-07"),
        (
            "The bridge opened 10 days ago.",
            "10 days ago",
            "DATE",
            "2024-03-15",
        ),
        ("The vote is due next year.", "next year", "DATE", "2025"),
        ("Profits doubled last year.", "last year", "DATE", "2023"),
        (
            "The plant closed at the end of last year.",
            "the end of last year",
            "DATE",
            "2023",
        ),
        (
            "Snow fell in early March.",
            "early March",
            "DATE",
            "2024-03",
        ),
        // Decades and centuries.
        ("The band formed in the 1980s.", "the 1980s", "DATE", "198"),
        (
            "It peaked in the mid-2010s.",
            "the mid-2010s",
            "DATE",
            "201",
        ),
        (
            "Growth slowed in the late 2000s.",
            "the late 2000s",
            "DATE",
            "200",
        ),
        (
            "Cities grew in the 20th century.",
            "the 20th century",
            "DATE",
            "19",
        ),
        // Durations.
        (
            "The war lasted two decades.",
            "two decades",
            "DURATION",
            "P20Y",
        ),
        (
            "He served nine years in office.",
            "nine years",
            "DURATION",
            "P9Y",
        ),
        ("The loan runs six months.", "six months", "DURATION", "P6M"),
        (
            "They waited nearly an hour.",
            "nearly an hour",
            "DURATION",
            "PT1H",
        ),
        (
            "Rents rose over the past couple of years.",
            "the past couple of years",
            "DURATION",
            "P2Y",
        ),
        (
            "She signed a two-year contract.",
            "two-year",
            "DURATION",
            "P2Y",
        ),
        (
            "Prices have climbed in recent months.",
            "recent months",
            "DURATION",
            "PXM",
        ),
        // Sets.
        (
            "The festival is held every year.",
            "every year",
            "SET",
            "P1Y",
        ),
        (
            "The market opens every Friday.",
            "every Friday",
            "SET",
            "XXXX-WXX-5",
        ),
        ("The figures are published daily.", "daily", "SET", "P1D"),
        // Vague references.
        ("The town is now quiet.", "now", "DATE", "PRESENT_REF"),
        (
            "He is currently abroad.",
            "currently",
            "DATE",
            "PRESENT_REF",
        ),
        (
            "She recently moved to Leeds.",
            "recently",
            "DATE",
            "PAST_REF",
        ),
        (
            "The harbour was busier in the past.",
            "the past",
            "DATE",
            "PAST_REF",
        ),
        (
            "Robots will drive in the future.",
            "the future",
            "DATE",
            "FUTURE_REF",
        ),
        // Seasons, quarters, clock times.
        (
            "The rally is planned for this summer.",
            "this summer",
            "DATE",
            "2024-SU",
        ),
        (
            "Earnings rose in the third quarter of 2023.",
            "the third quarter of 2023",
            "DATE",
            "2023-Q3",
        ),
        (
            "The alarm rang at 10:30 p.m. on the night.",
            "10:30 p.m.",
            "TIME",
            "2024-03-25T22:30",
        ),
        // Anchored shifts: from the last date the text named.
        (
            "The ship sank in December 2018. Three months earlier, divers had seen it.",
            "Three months earlier",
            "DATE",
            "2018-09",
        ),
        // TimeML: a count before `later`/`after` is a DURATION, the word a signal outside it.
        (
            "The ship sank in December 2018. Three months later, divers found it.",
            "Three months",
            "DURATION",
            "P3M",
        ),
        (
            "The plant reopened twenty years after the war.",
            "twenty years",
            "DURATION",
            "P20Y",
        ),
        (
            "The talks failed. A few days later, the fighting resumed.",
            "A few days",
            "DURATION",
            "PXD",
        ),
        (
            "The court sat again over an hour later.",
            "over an hour",
            "DURATION",
            "PT1H",
        ),
        // Halves.
        (
            "The repairs took 2 1/2 years.",
            "2 1/2 years",
            "DURATION",
            "P2Y6M",
        ),
        (
            "The clip lasts a minute and a half.",
            "a minute and a half",
            "DURATION",
            "PT1M30S",
        ),
        // Anaphora to the date in discussion.
        (
            "He fled in June 1998 and returned later that year.",
            "later that year",
            "DATE",
            "1998",
        ),
        (
            "Imports totaled $3 million in 1988, a small share of all imports that year.",
            "that year",
            "DATE",
            "1988",
        ),
        (
            "The figures for the third quarter of 2023 are final; that quarter was weak.",
            "that quarter",
            "DATE",
            "2023-Q3",
        ),
        (
            "The fund will be closed by year end.",
            "year end",
            "DATE",
            "2024",
        ),
        (
            "The loan is repaid by the year's end.",
            "year's end",
            "DATE",
            "2024",
        ),
        // A plan in the past perfect is past: the Friday before the reference.
        (
            "The offer had been due to expire Friday evening.",
            "Friday evening",
            "TIME",
            "2024-03-22TEV",
        ),
        (
            "It previously had been scheduled to expire Friday.",
            "Friday",
            "DATE",
            "2024-03-22",
        ),
        // A possessive weekday names what happened, whatever the clause's tense.
        (
            "They would look for ways around Friday's ruling.",
            "Friday",
            "DATE",
            "2024-03-22",
        ),
        (
            "The loan may be extended for an additional year.",
            "an additional year",
            "DURATION",
            "P1Y",
        ),
        ("The day-long strike ended.", "day-long", "DURATION", "P1D"),
        (
            "It signed a several-year contract.",
            "several-year",
            "DURATION",
            "PXY",
        ),
        (
            "The vote is set for the week of March 6.",
            "the week of March 6",
            "DATE",
            "2024-W10",
        ),
        // A deadline lies ahead; "up until" and "not until" look back.
        (
            "Officials postponed until Tuesday morning any action.",
            "Tuesday morning",
            "TIME",
            "2024-03-26TMO",
        ),
        (
            "Up until Thursday, they had described him as a witness.",
            "Thursday",
            "DATE",
            "2024-03-21",
        ),
        (
            "Until Thursday, they had not called him a suspect.",
            "Thursday",
            "DATE",
            "2024-03-21",
        ),
        (
            "The summit is on April 24 and 25.",
            "25",
            "DATE",
            "2024-04-25",
        ),
        (
            "It split families in the post-1959 years.",
            "post-1959",
            "DATE",
            "1959",
        ),
        (
            "Voters will go to the polls on Election Day.",
            "Election Day",
            "DATE",
            "2024-11-05",
        ),
        // A modal before a passive looks ahead; so does `effective`.
        (
            "A ceremony would still be held at the summit on April 24.",
            "April 24",
            "DATE",
            "2024-04-24",
        ),
        (
            "The split would be paid on a date in January.",
            "January",
            "DATE",
            "2025-01",
        ),
        (
            "The board named a new chairman, effective Jan. 1.",
            "Jan. 1",
            "DATE",
            "2025-01-01",
        ),
        // "the previous Friday" counts from the day in discussion.
        (
            "Shares closed on Friday, March 15. The index fell from the previous Friday.",
            "the previous Friday",
            "DATE",
            "2024-03-08",
        ),
        (
            "The blast came at 4 in the morning.",
            "4 in the morning",
            "TIME",
            "2024-03-25T04:00",
        ),
        // A part of the day before its day.
        (
            "Trading halted in mid-afternoon yesterday.",
            "mid-afternoon yesterday",
            "TIME",
            "2024-03-24TAF",
        ),
        (
            "The storm hit around mid afternoon.",
            "mid afternoon",
            "TIME",
            "2024-03-25TAF",
        ),
        // A spelled-out year after a month, as transcripts write it.
        (
            "It began in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "DATE",
            "1997-01",
        ),
        (
            "Turnout was low in 2022. The year before, it was high.",
            "The year before",
            "DATE",
            "2021",
        ),
    ];
    for (text, extent, kind, value) in cases {
        let got = run(text, Some(REF));
        let want = (extent.to_string(), *kind, value.to_string());
        assert!(
            got.contains(&want),
            "{text}\n  got  {got:?}\n  want {want:?}"
        );
    }
}

/// (sentence, reference, extent, type, value): cases whose reference matters.
fn check_table(cases: &[(&str, &str, &str, &str, &str)]) {
    for (text, reference, extent, kind, value) in cases {
        let got = run(text, Some(reference));
        let want = (extent.to_string(), *kind, value.to_string());
        assert!(
            got.contains(&want),
            "{text} ({reference})\n  got  {got:?}\n  want {want:?}"
        );
    }
}

#[test]
fn tense_is_read_from_the_whole_sentence() {
    check_table(&[
        // The verb comes after a long adjunct: a past January, not the coming one.
        (
            "In January, a week after the anniversary of the ruling that legalized the practice across the country, a bombing at a clinic killed a guard.",
            "2024-10-25",
            "January",
            "DATE",
            "2024-01",
        ),
        // Far from the verb, on both sides: still the clause's tense.
        (
            "The company said its performance was hampered by problems tied to the introduction of a major new family of computers in April.",
            "2024-10-26",
            "April",
            "DATE",
            "2024-04",
        ),
        // Commitment verbs look ahead to their infinitive.
        (
            "Thermo Electron agreed to purchase the chromatography line for $22 million in February.",
            "2024-10-30",
            "February",
            "DATE",
            "2025-02",
        ),
        (
            "The minister vowed to return to the capital on Friday.",
            "2024-03-25",
            "Friday",
            "DATE",
            "2024-03-29",
        ),
        // What is planned lies ahead.
        (
            "Protesters planned a large demonstration in the city on Saturday.",
            "2024-03-25",
            "Saturday",
            "DATE",
            "2024-03-30",
        ),
        // Bare, these are still past verbs.
        (
            "The two sides agreed on Saturday to a truce.",
            "2024-03-25",
            "Saturday",
            "DATE",
            "2024-03-23",
        ),
    ]);
}

#[test]
fn the_quarter_in_discussion_is_one_that_has_ended() {
    check_table(&[
        // The reference's own quarter, reported in the past tense: a fiscal quarter just ended.
        (
            "Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.",
            "1989-11-02",
            "the latest period",
            "DATE",
            "1989-Q4",
        ),
        // Not when it is only looked ahead to.
        (
            "Aetna's third-quarter net income fell. The company has no estimate of the impact on fourth-quarter results. In the latest quarter, Aetna had a loss.",
            "1989-10-30",
            "the latest quarter",
            "DATE",
            "1989-Q3",
        ),
        // No quarter named: the last one completed.
        (
            "Sales in the latest quarter rose.",
            "1989-10-30",
            "the latest quarter",
            "DATE",
            "1989-Q3",
        ),
        (
            "The publisher reported a loss for the third quarter ended Sept. 30. This quarter's loss includes charges.",
            "1989-11-01",
            "This quarter",
            "DATE",
            "1989-Q3",
        ),
        // A quarter ended on a date: the calendar quarter holding most of its three months.
        (
            "In the quarter ended July 31, Jayark had 5.6 million shares outstanding.",
            "1989-10-30",
            "the quarter",
            "DATE",
            "1989-Q2",
        ),
        (
            "Bethlehem posted a drop in third-quarter profit. Analysts expect the trend to continue through the third quarter of 1990. In the year-ago period, it earned $101 million.",
            "1989-10-26",
            "the year-ago period",
            "DATE",
            "1988-Q3",
        ),
        (
            "Net income rose in the third quarter. The current quarter looks weak. In the year-ago quarter, it lost money.",
            "1989-10-26",
            "the year-ago quarter",
            "DATE",
            "1988-Q3",
        ),
    ]);
}

#[test]
fn a_clock_time_is_on_the_day_in_discussion() {
    check_table(&[
        (
            "The blast struck on Friday. It came at about 10:35 a.m., toppling a building.",
            "2024-03-25",
            "about 10:35 a.m.",
            "TIME",
            "2024-03-22T10:35",
        ),
        (
            "Slepian was shot on Oct. 23. He died at 10 p.m. in his kitchen.",
            "2024-03-25",
            "10 p.m.",
            "TIME",
            "2023-10-23T22:00",
        ),
        // A future clause after a past day: not that day.
        (
            "The suspect was arrested on Friday. A hearing will be held at 10 a.m. in Buffalo.",
            "2024-03-25",
            "10 a.m.",
            "TIME",
            "2024-03-25T10:00",
        ),
        // No day named: the reference date.
        (
            "The blast came at 4 in the morning.",
            "2024-03-25",
            "4 in the morning",
            "TIME",
            "2024-03-25T04:00",
        ),
        // Its own day wins.
        (
            "The blast struck on Friday. Talks will resume at 9 a.m. Tuesday.",
            "2024-03-25",
            "9 a.m. Tuesday",
            "TIME",
            "2024-03-26T09:00",
        ),
    ]);
}

#[test]
fn months_days_and_frequencies() {
    check_table(&[
        // "last"/"next" before a month and day: the latest such day before, the first after.
        (
            "He was shot to death last Oct. 23 at his home.",
            "2024-03-25",
            "last Oct. 23",
            "DATE",
            "2023-10-23",
        ),
        (
            "Talks resume next March 5 in Geneva.",
            "2024-03-25",
            "next March 5",
            "DATE",
            "2025-03-05",
        ),
        (
            "The vote is due next March 28.",
            "2024-03-25",
            "next March 28",
            "DATE",
            "2024-03-28",
        ),
        // Within the current year or month.
        (
            "Herbicide use was delayed earlier in the year by heavy rains.",
            "2024-03-25",
            "earlier in the year",
            "DATE",
            "2024",
        ),
        (
            "Prices fell later in the month.",
            "2024-03-25",
            "later in the month",
            "DATE",
            "2024-03",
        ),
        // Frequency adjectives before a noun still say how often.
        (
            "Clinton said in his weekly radio address that justice would be done.",
            "2024-03-25",
            "weekly",
            "SET",
            "P1W",
        ),
        (
            "Average hourly earnings rose by 6 cents.",
            "2024-03-25",
            "hourly",
            "SET",
            "PT1H",
        ),
    ]);
}

#[test]
fn the_day_before_a_date_or_restating_one() {
    check_table(&[
        // Counted from the date that follows: one expression.
        (
            "The day before last Tuesday's hearing, Manuel went to Miami.",
            "2024-03-25",
            "The day before last Tuesday",
            "DATE",
            "2024-03-18",
        ),
        (
            "They met the day after Christmas.",
            "2024-03-25",
            "the day after Christmas",
            "DATE",
            "2023-12-26",
        ),
        // An appositive restates the date before it.
        (
            "He was last seen Nov. 3, the day before authorities issued a warrant.",
            "2024-03-25",
            "the day",
            "DATE",
            "2023-11-03",
        ),
        (
            "Funds were left behind after Oct. 12, the day before the stock market plunge.",
            "2024-03-25",
            "the day",
            "DATE",
            "2023-10-12",
        ),
        // Alone, it counts from the day in discussion.
        (
            "They met on Oct. 12. The day before, they had spoken.",
            "2024-03-25",
            "The day before",
            "DATE",
            "2023-10-11",
        ),
    ]);
}

#[test]
fn part_of_a_decade() {
    check_table(&[
        (
            "Sales rose in the last half of the '80s.",
            "1998-03-01",
            "the last half of the '80s",
            "DATE",
            "198",
        ),
        (
            "Prices fell in the first half of the 1990s.",
            "1998-03-01",
            "the first half of the 1990s",
            "DATE",
            "199",
        ),
        (
            "Profit rose in the first half of 1990.",
            "1998-03-01",
            "the first half of 1990",
            "DATE",
            "1990-H1",
        ),
    ]);
}

#[test]
fn easter() {
    check_table(&[
        (
            "Protesters prayed for help as Easter week began.",
            "2000-04-17",
            "Easter week",
            "DATE",
            "2000-W16",
        ),
        (
            "They met at Easter in Rome.",
            "2024-06-01",
            "Easter",
            "DATE",
            "2024-03-31",
        ),
        (
            "The talks will resume after Easter Sunday.",
            "2019-03-01",
            "Easter Sunday",
            "DATE",
            "2019-04-21",
        ),
    ]);
}

#[test]
fn vague_future_and_past() {
    check_table(&[
        (
            "We don't minimize the challenges of the near term.",
            "2024-03-25",
            "the near term",
            "DATE",
            "FUTURE_REF",
        ),
        (
            "The plan placates some holders in the short term.",
            "2024-03-25",
            "the short term",
            "DATE",
            "FUTURE_REF",
        ),
        (
            "It will be financed with offerings at a later date.",
            "2024-03-25",
            "a later date",
            "DATE",
            "FUTURE_REF",
        ),
        (
            "Funds may sell some of their bonds in the weeks ahead.",
            "2024-03-25",
            "the weeks ahead",
            "DURATION",
            "PXW",
        ),
    ]);
    // The adjective, one hyphenated word, is none.
    assert!(run("It will reduce short-term debt.", Some(REF)).is_empty());
}

#[test]
fn year_ranges_are_two_dates() {
    let got = run("The occupation of 1979-89 ended badly.", Some(REF));
    assert_eq!(
        got,
        vec![
            ("1979".into(), "DATE", "1979".into()),
            ("89".into(), "DATE", "1989".into())
        ]
    );
}

#[test]
fn not_time_expressions() {
    for text in [
        "He is an 18-year-old student.",
        "They may leave when they like.",
        "Over 2000 people marched.",
        "The Euro 2024 final was tense.",
        "It was earlier than expected, and then it rained.",
        "A quarterly dividend was paid.",
        "They met that day and again that week.",
        "She was in her 30s then.",
        "He said on ABC's This Week that talks would go on.",
        "He told CBS's 60 Minutes that he would stay.",
        "The poster showed Gary Cooper in High Noon at the rally.",
        // The noun march, not the month.
        "Agents scanned the crowd at the annual March for Life on Capitol Hill.",
        "She was at the head of the March of the Combatant Mothers.",
    ] {
        let got = run(text, Some(REF));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn without_reference_relative_values_keep_placeholders() {
    let got = run("The attack on Friday was condemned last week.", None);
    assert_eq!(got[0], ("Friday".into(), "DATE", "XXXX-WXX-5".into()));
    assert_eq!(got[1], ("last week".into(), "DATE", "XXXX-WXX".into()));
}

#[test]
fn a_date_of_unknown_year_ends_the_narrative_anchor() {
    // Without a reference, "In January" has no year: "four years earlier" counts from it, not
    // from the 2022 named before, and so has no value either.
    let text = "There were bombings in Kabul in 2022. In January, bombers struck a memorial for a general assassinated four years earlier.";
    let got = run(text, None);
    assert!(
        got.contains(&("2022".into(), "DATE", "2022".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("January".into(), "DATE", "XXXX-01".into())),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(t, _, _)| t == "four years earlier"),
        "{got:?}"
    );
}

#[test]
fn generic_today_and_tomorrow() {
    let got = run("Moscow today, maybe London tomorrow.", Some(REF));
    assert_eq!(
        got,
        vec![
            ("today".into(), "DATE", "PRESENT_REF".into()),
            ("tomorrow".into(), "DATE", "FUTURE_REF".into())
        ]
    );
}

#[test]
fn infers_the_reference_from_relative_expressions() {
    // An explicit date of the event, and "yesterday" pointing at it: written the day after.
    let text =
        "Gunmen stormed the hall on March 22, 2024. Officials said yesterday's attack was planned.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert_eq!(
        infer_reference_date(text, &tokens, &sents),
        Some("2024-03-23".parse().unwrap())
    );
    // The only day-level date is an old one the text recalls, and it names later years: no
    // day can be inferred, and no wrong year is guessed.
    let text = "On 20 September 2001, the president spoke. The group was founded in 2015. It struck Kabul in 2022 and Moscow in 2024.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert_eq!(infer_reference_date(text, &tokens, &sents), None);
    // A day without its year ("4 January this year") and years named elsewhere: the year of
    // writing would be a guess.
    let text = "On 4 January this year it struck Kerman. In September 2022 it struck Kabul.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert_eq!(infer_reference_date(text, &tokens, &sents), None);
    // Nothing explicit: no guess.
    let text = "The attack on Friday was condemned last week.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert_eq!(infer_reference_date(text, &tokens, &sents), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_spans_are_sane(text in "(?s)(\\PC|[0-9 /:,.'’-]|Friday|March|last|the|ago|years|19[0-9]0s|a\\.m\\.|\\n){0,60}") {
        let tokens = tokenize(&text);
        let sents = sentences::split(&text, &tokens);
        for reference in [None, Some(Date::new(2024, 3, 25).unwrap())] {
            let out = annotate(&text, &tokens, &sents, reference);
            let mut last_end = 0;
            for t in &out {
                prop_assert!(t.span.start < t.span.end && t.span.end <= text.len());
                prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                prop_assert!(t.span.start >= last_end, "overlap or disorder: {:?}", out);
                last_end = t.span.end;
            }
        }
        let _ = infer_reference_date(&text, &tokens, &sents);
    }
}

#[test]
fn a_duration_counted_from_a_date_says_where_it_ends() {
    let text = "In December 2018 the group was declared defeated. Three months later it lost its last town. Two years later, nothing.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let found: Vec<(String, String, Option<String>)> =
        annotate(text, &tokens, &sents, Some(REF.parse::<Date>().unwrap()))
            .into_iter()
            .map(|t| (t.span.slice(text).to_string(), t.value, t.anchored))
            .collect();
    assert_eq!(
        found,
        vec![
            ("December 2018".into(), "2018-12".into(), None),
            ("Three months".into(), "P3M".into(), Some("2019-03".into())),
            ("Two years".into(), "P2Y".into(), Some("2020".into())),
        ]
    );
}
