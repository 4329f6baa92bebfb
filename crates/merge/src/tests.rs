//! The whole merge on small marked documents.

use crate::testing::doc;
use crate::PartialDossier;
use dossier_model::{DiscrepancyKind, Dossier};

fn corpus() -> Vec<(dossier_model::Document, dossier_model::Extraction)> {
    vec![
        doc("a", Some("2025-03-08"), "The attack in [LOC Dravosk] on {2025-03-07 Friday} killed <killed 31 at_least at least 31> people. [PER Ilse Varga] spoke. [PER Qassim Reyl] fled."),
        doc("b", Some("2025-03-10"), "[PER Varga] said the bombing in [LOC Dravosk] on {2025-03-06 Thursday} killed <killed 34 at_least at least 34>. [PER Qasem Reyl] was seen."),
        doc("c", Some("2025-03-10"), "Nearly 40 died in the attack. It killed <killed 40 nearly nearly 40> in [LOC Dravosk] on {2025-03-07 Friday}."),
    ]
}

fn finish(docs: &[(dossier_model::Document, dossier_model::Extraction)]) -> Dossier {
    let mut p = PartialDossier::new();
    for (d, e) in docs {
        p.add(d.clone(), e.clone());
    }
    p.finish()
}

#[test]
fn sources_are_lined_up_fact_by_fact() {
    let d = finish(&corpus());
    let varga: Vec<_> = d
        .entities
        .iter()
        .filter(|e| e.name == "Ilse Varga")
        .collect();
    assert_eq!(varga.len(), 1);
    assert_eq!(
        varga[0].mentions.len(),
        2,
        "the surname in another document is the same person"
    );

    let attacks: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.kind == "attack" || e.kind == "bombing")
        .collect();
    assert_eq!(
        attacks.len(),
        1,
        "one happening, whatever each source calls it: {:?}",
        d.events
    );
    let ev = attacks[0];
    assert_eq!(
        ev.date.as_deref(),
        Some("2025-03-07"),
        "the date most sources give"
    );
    let killed = ev.figures.iter().find(|g| g.measure == "killed").unwrap();
    assert_eq!((killed.low, killed.high, killed.conservative), (31, 40, 31));
    assert_eq!(killed.reports.len(), 3);

    let kinds: Vec<DiscrepancyKind> = d.discrepancies.iter().map(|x| x.kind).collect();
    assert!(kinds.contains(&DiscrepancyKind::Figure), "{kinds:?}");
    assert!(
        kinds.contains(&DiscrepancyKind::Date),
        "misdated by a day: {kinds:?}"
    );
    assert!(
        kinds.contains(&DiscrepancyKind::Name),
        "Qassim/Qasem: {kinds:?}"
    );
    assert_eq!(
        d.timeline.len(),
        d.events.iter().filter(|e| e.date.is_some()).count()
    );
}

#[test]
fn merging_is_associative_and_order_free() {
    let docs = corpus();
    let part = |ix: &[usize]| {
        let mut p = PartialDossier::new();
        for &i in ix {
            p.add(docs[i].0.clone(), docs[i].1.clone());
        }
        p
    };
    let left = part(&[0]).merge(part(&[1])).merge(part(&[2])).finish();
    let right = part(&[0]).merge(part(&[1]).merge(part(&[2]))).finish();
    let shuffled = part(&[2]).merge(part(&[0])).merge(part(&[1])).finish();
    let twice = part(&[0, 1, 2]).merge(part(&[1])).finish();
    assert_eq!(left, right);
    assert_eq!(left, shuffled);
    assert_eq!(left, twice, "adding a document again changes nothing");
}

/// Each event's kind and date.
fn kinds_and_dates(d: &Dossier) -> Vec<(&str, Option<&str>)> {
    d.events
        .iter()
        .map(|e| (e.kind.as_str(), e.date.as_deref()))
        .collect()
}

#[test]
fn an_event_takes_the_date_beside_it_else_the_earliest_of_its_sentence() {
    let docs = vec![
        doc("a", Some("2025-03-08"), "Officials on {2025-03-08 Saturday} condemned the explosion that hit [LOC Dravosk] late on {2025-03-07 Friday}."),
        doc("b", Some("2025-03-10"), "That changed in {2021-08 August 2021}. Then a bombing hit [LOC Kabul] airport."),
    ];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(
        dated.contains(&("bombing", Some("2025-03-07"))),
        "{dated:?}"
    );
    assert!(
        dated.contains(&("bombing", Some("2021-08"))),
        "the paragraph's last date: {dated:?}"
    );
}

#[test]
fn each_trigger_takes_the_date_of_its_own_phrase() {
    let docs = vec![doc(
        "a",
        Some("2024-03-26"),
        "It recalled the attack on a theatre in [LOC Paris] in {2015-11 November 2015}, and the suicide bombing of a concert in [LOC Manchester] in {2017-05 May 2017}.",
    )];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(dated.contains(&("attack", Some("2015-11"))), "{dated:?}");
    assert!(dated.contains(&("bombing", Some("2017-05"))), "{dated:?}");
}

#[test]
fn an_attack_that_was_stopped_is_a_plot() {
    let docs = vec![doc(
        "a",
        Some("2024-03-26"),
        "In {2024-03 March} it attempted a gun attack on a synagogue in [LOC Kaluga]. Police said a bombing in [LOC Kerman] on {2024-01-03 3 January} was not thwarted in time. The Taliban toppled the government in {2021-08 August 2021}.",
    )];
    let d = finish(&docs);
    let kinds = kinds_and_dates(&d);
    assert!(kinds.contains(&("plot", Some("2024-03"))), "{kinds:?}");
    assert!(kinds.contains(&("takeover", Some("2021-08"))), "{kinds:?}");
    assert!(!kinds.iter().any(|(k, _)| *k == "attack"), "{kinds:?}");
    assert!(
        kinds.contains(&("bombing", Some("2024-01-03"))),
        "not thwarted: {kinds:?}"
    );
}

#[test]
fn a_date_opening_the_clause_is_the_events_unless_a_reaction_stands_between() {
    let docs = vec![doc(
        "a",
        Some("2024-03-26"),
        "On {2024-01-04 4 January} it carried out a twin-bombing of a memorial for a general who had been assassinated in {2020 2020}. Officials on {2024-03-09 Saturday} denied any part in the explosion that hit [LOC Dravosk] on a ferry full of cars and lorries bound for the islands on {2024-03-08 Friday}.",
    )];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(
        dated.contains(&("bombing", Some("2024-01-04"))),
        "{dated:?}"
    );
    assert!(
        dated.contains(&("assassination", Some("2020"))),
        "{dated:?}"
    );
    assert!(
        !dated.contains(&("bombing", Some("2024-03-09"))),
        "the denial's day: {dated:?}"
    );
}

#[test]
fn a_figure_goes_to_the_event_its_own_clause_dates() {
    let docs = vec![doc(
        "a",
        Some("2024-04-01"),
        "Gunmen carried out an attack on a concert hall near [LOC Moscow] on {2024-03-22 22 March}. Earlier bombings in [LOC Kabul] in {2022 2022} were its work too. It has killed <killed 300 about hundreds> across Asia since {2021 2021} and <killed 143 at_least at least 143> at a rock concert {2024-03-22 10 days ago}.",
    )];
    let d = finish(&docs);
    let under = |value: i64| {
        d.events
            .iter()
            .find(|e| {
                e.figures.iter().any(|g| {
                    g.reports
                        .iter()
                        .any(|r| r.value == dossier_model::FigureValue::Exact(value))
                })
            })
            .map(|e| e.date.clone())
    };
    assert_eq!(
        under(143),
        Some(Some("2024-03-22".to_string())),
        "{:?}",
        d.events
    );
}

#[test]
fn places_listed_differently_are_a_place_discrepancy() {
    let docs = vec![
        doc("a", Some("2024-03-26"), "It is a region that takes in [LOC Afghanistan], [LOC Pakistan], [LOC Tajikistan] and [LOC Iran]."),
        doc("b", Some("2024-03-27"), "The region covers parts of [LOC Afghanistan], [LOC Iran] and [LOC Pakistan]."),
        // Another list in another document, sharing one place only: about something else.
        doc("c", Some("2024-03-27"), "Ministers from [LOC France], [LOC Germany] and [LOC Iran] met."),
    ];
    let d = finish(&docs);
    let lists: Vec<&dossier_model::Discrepancy> = d
        .discrepancies
        .iter()
        .filter(|x| x.kind == DiscrepancyKind::Place && x.measure.as_deref() == Some("places"))
        .collect();
    assert_eq!(lists.len(), 1, "{:?}", d.discrepancies);
    let docs_in: Vec<usize> = lists[0].values.iter().map(|v| v.doc).collect();
    assert_eq!(docs_in, vec![0, 1]);
    // The same list everywhere is no discrepancy.
    let same = vec![
        doc(
            "a",
            None,
            "It covers [LOC Afghanistan], [LOC Pakistan] and [LOC Iran].",
        ),
        doc(
            "b",
            None,
            "It covers [LOC Afghanistan], [LOC Pakistan] and [LOC Iran].",
        ),
    ];
    assert!(finish(&same)
        .discrepancies
        .iter()
        .all(|x| x.measure.as_deref() != Some("places")));
}

#[test]
fn some_words_name_an_event_only_in_company() {
    let docs = vec![doc(
        "a",
        Some("2024-03-26"),
        "Born of the destruction of [LOC Iraq] in {200 the late 2000s}, in {201 the mid-2010s} it controlled a third of [LOC Syria]. Its leader was made the group's emir in {2020 2020}. The committee controlled its budget in {2019 2019}. By the end of {2017 2017} it was expelled from most of the territory it held. In {2021-08 August 2021} Western forces rushed to get out of the country. She was expelled from the party in {2016 2016}. In {2019-03 March 2019} the army rooted out the last remnants of the militia in [LOC Baghouz]. In {2018 2018} the council rooted out corruption. In {2005 2005} the minister launched an attack on the opposition's spending plans, and the critic blasts the party's tax record. In {2005-02 February 2005} she almost had a heart attack. In {2023 2023} the cell tried and failed in [LOC Hamburg]. In {2000 2000} the two firms tried and failed to seal a merger.",
    )];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(dated.contains(&("war", Some("200"))), "{dated:?}");
    assert!(dated.contains(&("occupation", Some("201"))), "{dated:?}");
    assert!(dated.contains(&("appointment", Some("2020"))), "{dated:?}");
    assert!(dated.contains(&("war", Some("2017"))), "{dated:?}");
    assert!(
        dated.contains(&("withdrawal", Some("2021-08"))),
        "{dated:?}"
    );
    assert!(dated.contains(&("battle", Some("2019-03"))), "{dated:?}");
    assert!(dated.contains(&("plot", Some("2023"))), "{dated:?}");
    assert!(
        !dated.iter().any(|(_, d)| *d == Some("2000")),
        "an attempt with its act said is that act: {dated:?}"
    );
    assert!(
        !dated
            .iter()
            .any(|(_, d)| d.is_some_and(|d| d.starts_with("2005"))),
        "criticism is no attack: {dated:?}"
    );
    assert!(
        !dated.iter().any(|(_, d)| *d == Some("2018")),
        "corruption is no force: {dated:?}"
    );
    assert!(
        !dated.contains(&("war", Some("2016"))),
        "a party is no territory: {dated:?}"
    );
    assert_eq!(
        dated.iter().filter(|(k, _)| *k == "occupation").count(),
        1,
        "a budget is not a place: {dated:?}"
    );
}

#[test]
fn a_series_of_a_year_is_not_one_of_its_happenings() {
    let docs = vec![
        doc("a", Some("2024-04-01"), "It carried out bombings in [LOC Kabul] in {2022 2022} that killed 120."),
        doc("b", Some("2024-03-26"), "It carried out a suicide attack on the embassy in [LOC Kabul] in {2022-09 September 2022}."),
        doc("c", Some("2024-03-25"), "They attacked the embassy in [LOC Kabul] in {2022 2022}."),
        doc("d", Some("2024-03-26"), "During {201 this period} terrorists carried out the attacks in [LOC Paris]. It recalled the attack in [LOC Paris] in {2015-11 November 2015}."),
    ];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(dated.contains(&("bombing", Some("2022"))), "{dated:?}");
    assert!(dated.contains(&("attack", Some("2022-09"))), "{dated:?}");
    let paris: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.date.as_deref().is_some_and(|x| x.starts_with("201")))
        .collect();
    assert_eq!(
        paris.len(),
        1,
        "the definite plural is the one attack: {dated:?}"
    );
}

#[test]
fn an_undated_arrest_of_the_suspects_follows_the_attack_reported() {
    let attack = "Gunmen attacked a concert hall in [LOC Moscow] on {2024-03-22 Friday}.\n\n";
    let arrest_dated = |published: &str, arrest: &str| {
        let d = finish(&[doc("a", Some(published), &format!("{attack}{arrest}"))]);
        d.events
            .iter()
            .find(|e| e.kind == "arrest")
            .map(|e| e.date.clone())
    };
    let suspects = "The four suspects were arrested by police.";
    assert_eq!(
        arrest_dated("2024-03-26", suspects),
        Some(Some("2024-03".to_string()))
    );
    assert_eq!(
        arrest_dated("2024-03-26", "Officials arrested a mayor."),
        Some(None),
        "no suspects named"
    );
    assert_eq!(
        arrest_dated("2024-06-26", suspects),
        Some(None),
        "reported months later, the arrest cannot be placed"
    );
}

#[test]
fn a_date_in_another_events_clause_is_not_taken() {
    let docs = vec![doc(
        "a",
        Some("2024-03-26"),
        "It has carried out attacks, the most recent in {2020 2020} – and {2024 this year} officials say they stopped several plots.",
    )];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert!(dated.contains(&("plot", Some("2024"))), "{dated:?}");
    assert!(dated.contains(&("attack", Some("2020"))), "{dated:?}");
}

#[test]
fn sources_that_rank_an_event_differently_are_a_ranking_discrepancy() {
    let docs = vec![
        doc("a", Some("2024-03-25"), "Gunmen attacked a hall in [LOC Moscow] on {2024-03-22 Friday}. This is the biggest terrorist attack in [LOC Europe], bigger than any before."),
        doc("b", Some("2024-04-01"), "The attack in [LOC Moscow] on {2024-03-22 Friday} was the worst atrocity since [LOC Beslan]."),
    ];
    let d = finish(&docs);
    let rankings: Vec<&dossier_model::Discrepancy> = d
        .discrepancies
        .iter()
        .filter(|x| x.kind == DiscrepancyKind::Ranking)
        .collect();
    assert_eq!(rankings.len(), 1, "{:?}", d.discrepancies);
    let values: Vec<&str> = rankings[0]
        .values
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(
        values,
        vec![
            "biggest terrorist attack in Europe",
            "worst atrocity since Beslan"
        ]
    );
    let event = &d.events[rankings[0].event.expect("an event")];
    assert_eq!(event.date.as_deref(), Some("2024-03-22"));
    // The scope's place is the comparison's, not an attack in Europe.
    assert_eq!(d.events.len(), 1, "{:?}", kinds_and_dates(&d));
    // One wording everywhere is no discrepancy.
    let same = vec![
        doc("a", None, "The attack in [LOC Moscow] on {2024-03-22 Friday} was the worst atrocity since [LOC Beslan]."),
        doc("b", None, "The attack in [LOC Moscow] on {2024-03-22 Friday} was the worst atrocity since [LOC Beslan]."),
    ];
    assert!(finish(&same)
        .discrepancies
        .iter()
        .all(|x| x.kind != DiscrepancyKind::Ranking));
}

#[test]
fn an_intended_attack_is_no_event() {
    let docs = vec![doc(
        "a",
        Some("2024-03-25"),
        "The general said the group retains the will to attack [LOC Europe] on {2024-03-21 Thursday}.",
    )];
    assert!(finish(&docs).events.is_empty());
}

#[test]
fn a_date_of_another_trigger_or_of_the_quoting_is_not_the_events() {
    let docs = vec![doc(
        "a",
        Some("2024-04-01"),
        "Gunmen attacked a hall in [LOC Moscow] on {2024-03-22 Friday}. Analysts said {2024-03-31 last night}: \"The attack in [LOC Moscow] shows threats growing since the {2021 2021} chaotic withdrawal from [LOC Afghanistan].\"",
    )];
    let d = finish(&docs);
    let dated = kinds_and_dates(&d);
    assert_eq!(
        dated.iter().filter(|(k, _)| *k == "attack").count(),
        1,
        "the quoted attack is Friday's: {dated:?}"
    );
    assert!(dated.contains(&("withdrawal", Some("2021"))), "{dated:?}");
}

#[test]
fn sums_of_money_go_only_to_an_event_their_sentence_names() {
    let docs = vec![
        doc("a", Some("2024-03-25"), "A bombing hit [LOC Dravosk] on {2024-03-22 Friday}. It killed <killed 12 exact 12> people. Shares of the ferry firm fell by <money 5 exact 5> pounds."),
        doc("b", Some("2024-03-26"), "The bombing in [LOC Dravosk] on {2024-03-22 Friday} killed <killed 14 exact 14>. The firm's profit was <money 90 exact 90> pounds."),
    ];
    let d = finish(&docs);
    let measures: Vec<&str> = d
        .events
        .iter()
        .flat_map(|e| e.figures.iter().map(|g| g.measure.as_str()))
        .collect();
    assert_eq!(measures, vec!["killed"], "{:?}", d.events);
    let figure_discrepancies: Vec<&str> = d
        .discrepancies
        .iter()
        .filter(|x| x.kind == DiscrepancyKind::Figure)
        .filter_map(|x| x.measure.as_deref())
        .collect();
    assert_eq!(figure_discrepancies, vec!["killed"]);
}

#[test]
fn an_attack_warned_of_is_no_event() {
    let docs = vec![doc(
        "a",
        Some("2024-03-25"),
        "On {2024-03-07 7 March} the [LOC US] warned [LOC Russia] about an attack. Officials spoke of an imminent threat of a terrorist attack on a concert, which came with no warning on {2024-03-21 Thursday}. Gunmen attacked a hall in [LOC Moscow] on {2024-03-22 Friday}.",
    )];
    let d = finish(&docs);
    assert_eq!(
        kinds_and_dates(&d),
        vec![("attack", Some("2024-03-22"))],
        "{:?}",
        d.events
    );
}

#[test]
fn an_event_counted_from_an_earlier_date_takes_the_date_it_lands_on() {
    let (document, mut extraction) = doc(
        "a",
        Some("2024-03-26"),
        "In {2018-12 December 2018} the group was declared defeated. Three months later a battle in [LOC Baghouz] ended its rule.",
    );
    // "Three months" as the time annotator gives it: a DURATION anchored on December 2018.
    let at = document.text.find("Three months").unwrap();
    extraction.timexes.push(dossier_model::Timex {
        span: dossier_model::Span::new(at, at + "Three months".len()),
        kind: dossier_model::TimexType::Duration,
        value: "P3M".into(),
        anchored: Some("2019-03".into()),
    });
    extraction.timexes.sort_by_key(|t| t.span.start);
    let d = finish(&[(document, extraction)]);
    assert!(
        kinds_and_dates(&d).contains(&("battle", Some("2019-03"))),
        "{:?}",
        kinds_and_dates(&d)
    );
}

#[test]
fn one_organisations_founding_told_differently_is_one_event_with_its_disagreements() {
    let docs = vec![
        doc("a", Some("2024-03-25"), "It is in the east that [ORG Kestrel Front] was formed in {2015 2015} by disenchanted members of the [ORG Varn Militia]."),
        doc("b", Some("2024-04-01"), "[ORG Kestrel Front] grew. [ORG Kestrel Front] spread. Analysts fear [ORG Kestrel Front]. The branch of [ORG Ossian Army] was founded in {2014 2014} by former [ORG Dray Guard] members."),
        // A group founded the same year somewhere else is another founding.
        doc("c", Some("2024-04-01"), "[ORG Lune Party] was founded in {2015 2015} by students."),
    ];
    let d = finish(&docs);
    let foundings: Vec<&dossier_model::Event> =
        d.events.iter().filter(|e| e.kind == "founding").collect();
    assert_eq!(foundings.len(), 2, "{:?}", kinds_and_dates(&d));
    let kestrel = d
        .events
        .iter()
        .position(|e| e.kind == "founding" && e.mentions.len() == 2)
        .expect("the two tellings of Kestrel Front's founding are one event");
    let about_it: Vec<&dossier_model::Discrepancy> = d
        .discrepancies
        .iter()
        .filter(|x| x.event == Some(kestrel))
        .collect();
    let agents = about_it
        .iter()
        .find(|x| x.kind == DiscrepancyKind::Attribution)
        .unwrap_or_else(|| {
            panic!(
                "sources name different founders: {:?} {:?}",
                d.discrepancies, d.events
            )
        });
    let names: Vec<&str> = agents.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(names, vec!["Varn Militia", "Dray Guard"]);
    let dates = about_it
        .iter()
        .find(|x| x.kind == DiscrepancyKind::Date)
        .expect("sources give different years");
    let years: Vec<&str> = dates.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(years, vec!["2015", "2014"]);
}

#[test]
fn arrests_of_one_attacks_suspects_are_one_event_and_a_vague_count_disagrees_with_a_number() {
    let docs = vec![
        doc("a", Some("2024-03-25"), "Gunmen attacked a concert hall in [LOC Moscow] on {2024-03-22 Friday}.\n\nThe <arrested 4 exact four> suspects arrested by police are all from [LOC Tajikistan]."),
        doc("b", Some("2024-03-24"), "Gunmen attacked a hall in [LOC Moscow] on {2024-03-22 Friday}.\n\nOver 140 died in the attack, and officials say several suspects, including some of the attackers, have been apprehended. Some blame [LOC Ukraine]."),
        // Another attack's suspects are another arrest.
        doc("c", Some("2024-03-25"), "Gunmen attacked a school in [LOC Kazan] on {2024-03-20 Wednesday}.\n\nThe suspects were arrested by police."),
    ];
    let d = finish(&docs);
    let arrests: Vec<&dossier_model::Event> =
        d.events.iter().filter(|e| e.kind == "arrest").collect();
    assert_eq!(arrests.len(), 2, "{:?}", kinds_and_dates(&d));
    let both = d
        .events
        .iter()
        .position(|e| e.kind == "arrest" && e.mentions.len() == 2)
        .expect("the arrests of the Moscow suspects are one event");
    let counts = d
        .discrepancies
        .iter()
        .find(|x| x.kind == DiscrepancyKind::Figure && x.event == Some(both))
        .unwrap_or_else(|| panic!("several against four: {:?}", d.discrepancies));
    let values: Vec<&str> = counts.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, vec!["4", "several suspects"]);
    assert_eq!(counts.measure.as_deref(), Some("arrested"));
    // Where the suspects come from is not where they were arrested.
    let tajikistan = d
        .entities
        .iter()
        .find(|e| e.name == "Tajikistan")
        .map(|e| e.id.clone());
    assert!(tajikistan.is_some());
    assert_ne!(d.events[both].place, tajikistan);
}

#[test]
fn a_war_is_placed_by_its_demonym_and_sources_that_give_it_different_periods_disagree() {
    let docs = vec![
        doc("a", Some("2024-03-25"), "It derives its enmity from the brutal crushing of the [MISC Chechen] independence movement in {200 the 2000s}."),
        doc("b", Some("2024-03-26"), "Its hostility goes back to the [MISC Chechen] wars in {199 the 1990s} and {200 early 2000s}, when forces devastated [LOC Grozny]."),
        doc("c", Some("2024-03-26"), "Militancy grew in [LOC Chechnya]. The elections of {1997 1997} and {2001 2001} were held in [LOC Ruritania]."),
    ];
    let d = finish(&docs);
    let chechnya = d
        .entities
        .iter()
        .find(|e| e.name == "Chechnya")
        .map(|e| e.id.clone());
    let wars: Vec<&dossier_model::Event> = d
        .events
        .iter()
        .filter(|e| crate::events::family(&e.kind) == "war")
        .collect();
    assert_eq!(wars.len(), 1, "{:?}", kinds_and_dates(&d));
    assert_eq!(wars[0].place, chechnya);
    assert_eq!(wars[0].mentions.len(), 2);
    let period = d
        .discrepancies
        .iter()
        .find(|x| x.kind == DiscrepancyKind::Date)
        .unwrap_or_else(|| panic!("the 2000s against the 1990s: {:?}", d.discrepancies));
    let values: Vec<(&str, &str)> = period
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.span.slice(&docs[v.doc].0.text)))
        .collect();
    assert_eq!(
        values,
        vec![("200", "the 2000s"), ("199", "the 1990s and early 2000s")]
    );
    // Two elections, not a period: the date read is one year.
    let election = d.events.iter().find(|e| e.kind == "election").unwrap();
    let said: Vec<&str> = election
        .dates
        .iter()
        .map(|x| x.span.slice(&docs[x.doc].0.text))
        .collect();
    assert_eq!(said, vec!["1997"]);
}

#[test]
fn actors_carry_what_the_articles_say_about_them() {
    let docs = vec![doc(
        "a",
        Some("2024-03-25"),
        "[ORG Kestrel Front] was founded in {2015 2015} by former [ORG Varn Militia] members. [ORG Kestrel Front] has a multi-million pound war chest and <fighters 3000 up_to up to 3,000> fighters. [PER Ann Vole], the leader of [ORG Kestrel Front], spoke. [ORG Kestrel Front] funds its operations through smuggling and extortion. Former [ORG Kestrel Front] chief [PER Bo Lind] left. [ORG Tern Party] election chief [PER Al Milne] spoke. Two members of the [ORG Tern Party] resigned.",
    )];
    let d = finish(&docs);
    let facts_of = |name: &str| -> Vec<(&str, &str)> {
        d.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| {
                e.facts
                    .iter()
                    .map(|f| (f.kind.as_str(), f.value.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        facts_of("Kestrel Front"),
        vec![
            ("founded", "2015, by Varn Militia"),
            ("leader", "Ann Vole"),
            ("strength", "up to 3,000"),
            ("funding", "a multi-million pound war chest"),
            ("funding", "smuggling and extortion"),
        ]
    );
    // A campaign's chief is not the party's leader, and two members are no strength.
    assert_eq!(facts_of("Tern Party"), vec![]);
    // Every fact's span lies in its document and says it.
    for e in &d.entities {
        for f in &e.facts {
            let said = f.span.span.slice(&docs[f.span.doc].0.text);
            assert!(
                f.kind.as_str() == "founded" || f.kind.as_str() == "leader" || said == f.value,
                "{said:?} for {f:?}"
            );
        }
    }
}
