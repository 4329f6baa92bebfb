//! Tables of invented sentences for the quote annotator, and a property test that both the
//! quote and the assertion annotators accept any text and return in-bounds char-boundary spans.

use super::*;
use crate::{assertions, sentences, tokenize::tokenize};
use proptest::prelude::*;

/// (quote text, direct, speaker text, cue text)
type Want<'a> = (&'a str, bool, Option<&'a str>, Option<&'a str>);

fn run(text: &str) -> Vec<(String, bool, Option<String>, Option<String>)> {
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    annotate(text, &tokens, &sents, &[])
        .into_iter()
        .map(|q| {
            (
                q.span.slice(text).to_string(),
                q.direct,
                q.speaker.map(|s| s.slice(text).to_string()),
                q.cue.map(|s| s.slice(text).to_string()),
            )
        })
        .collect()
}

fn check(cases: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<_> = want
            .iter()
            .map(|(q, d, s, c)| {
                (
                    q.to_string(),
                    *d,
                    s.map(str::to_string),
                    c.map(str::to_string),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn direct_quotes() {
    check(&[
        ("\"We will rebuild the bridge,\" the mayor said.", &[("We will rebuild the bridge,", true, Some("the mayor"), Some("said"))]),
        (
            "“The plan is dead,” said Anna Kowalczyk, a council member.",
            &[("The plan is dead,", true, Some("Anna Kowalczyk"), Some("said"))],
        ),
        (
            "Jonas Weber said: “Nobody expected the flood to rise so fast.”",
            &[("Nobody expected the flood to rise so fast.", true, Some("Jonas Weber"), Some("said"))],
        ),
        (
            "The minister said: «We are ready to talk to everyone.»",
            &[("We are ready to talk to everyone.", true, Some("The minister"), Some("said"))],
        ),
        (
            "Klaus Berger said: „We have no time left for delays.“",
            &[("We have no time left for delays.", true, Some("Klaus Berger"), Some("said"))],
        ),
        (
            "Ines Moreau said: “They told us ‘wait’ and we waited for hours.”",
            &[("They told us ‘wait’ and we waited for hours.", true, Some("Ines Moreau"), Some("said"))],
        ),
        (
            "Ines Moreau said: 'They told us \"wait\" and we waited for hours.'",
            &[("They told us \"wait\" and we waited for hours.", true, Some("Ines Moreau"), Some("said"))],
        ),
        // Split by the cue; the pronoun resolves to the name before it.
        (
            "Maria Lopez visited the site. “It means,” she said, “that the dam held.”",
            &[("It means,", true, Some("Maria Lopez"), Some("said")), ("that the dam held.", true, Some("Maria Lopez"), Some("said"))],
        ),
        // Across paragraphs: no closing mark until the next paragraph reopens.
        (
            "Tom Hale said: “The first part of the report is finished.\n\n“The second part will follow next month,” he added.",
            &[
                ("The first part of the report is finished.", true, Some("Tom Hale"), Some("said")),
                ("The second part will follow next month,", true, Some("Tom Hale"), Some("added")),
            ],
        ),
        // Paragraph breaks lost: the reopening mark still starts a new piece of the same quote,
        // which takes the cue found only in the next piece.
        (
            "Tickets sold out. \"We could have sold a million,\" said Justin Green. \"When we did the first version, everybody was tanned. \"In the new version the lines showed up,\" explains Mr Dean.",
            &[
                ("We could have sold a million,", true, Some("Justin Green"), Some("said")),
                ("When we did the first version, everybody was tanned.", true, Some("Dean"), Some("explains")),
                ("In the new version the lines showed up,", true, Some("Dean"), Some("explains")),
            ],
        ),
        // The same voice goes on without a cue.
        (
            "Omar Haddad said: “We lost everything.” “Now we start again, slowly and together with everyone.”",
            &[
                ("We lost everything.", true, Some("Omar Haddad"), Some("said")),
                ("Now we start again, slowly and together with everyone.", true, Some("Omar Haddad"), Some("said")),
            ],
        ),
        // Short quotes governed by a cue are quotes.
        ("The council dismissed the report as “fantasy”.", &[("fantasy", true, Some("The council"), Some("dismissed"))]),
        // The quoted end of a paraphrase takes its sentence's cue, not the next sentence's.
        (
            "The mayor, Anna Berg, said the damage was \"worse than anything we have seen.\" She added: \"We will rebuild.\"",
            &[
                ("the damage was", false, Some("Anna Berg"), Some("said")),
                ("worse than anything we have seen.", true, Some("Anna Berg"), Some("said")),
                ("We will rebuild.", true, Some("Anna Berg"), Some("added")),
            ],
        ),
    ]);
}

#[test]
fn quotes_without_marks_and_short_sentences() {
    check(&[
        // A document reads out its words after a colon; only documents read.
        (
            "The statement read: We will not negotiate with anyone who threatens our staff.",
            &[(
                "We will not negotiate with anyone who threatens our staff",
                false,
                Some("The statement"),
                Some("read"),
            )],
        ),
        ("She read the report twice.", &[]),
        // `according to` as manner is no source; mid-clause, a source must end the sentence.
        ("The issue will be dealt with according to Russia's competition law, the minister was quoted as saying.", &[]),
        ("The Commission ranks countries according to the steps they are taking.", &[]),
        (
            "Half of all adults now shop online according to figures collected by the Retail Group.",
            &[("Half of all adults now shop online", false, Some("Retail Group"), Some("according to"))],
        ),
        (
            "The banks hold $190bn of bad debt according to official data, though observers doubt it.",
            &[("The banks hold $190bn of bad debt", false, Some("official data"), Some("according to"))],
        ),
        // After a bare object, `that` opens a relative clause, not what was said; `read` is no
        // cue of a remark.
        (
            "Kesh denied any part in the explosion that killed 32 people.",
            &[("any part in the explosion that killed 32 people", false, Some("Kesh"), Some("denied"))],
        ),
        (
            "Ilse Varga told reporters that the bomb \"may have had help from abroad\", a remark widely read as pointing at Kesh.",
            &[("may have had help from abroad", true, Some("Ilse Varga"), Some("told"))],
        ),
        // A noun cue after a preposition and an adjective is a noun.
        ("It came amid fresh claims that the minister was seething.", &[]),
        // Documents read out their words after a quotation too.
        (
            "\"The performer ignored this request during the broadcast,\" a BBC statement read.",
            &[("The performer ignored this request during the broadcast,", true, Some("a BBC statement"), Some("read"))],
        ),
        // A one-word sentence in marks goes on with the voice before it.
        (
            "\"I've lost everything,\" said one resident. \"Everything.\"",
            &[
                (
                    "I've lost everything,",
                    true,
                    Some("one resident"),
                    Some("said"),
                ),
                ("Everything.", true, Some("one resident"), Some("said")),
            ],
        ),
    ]);
}

#[test]
fn unnamed_sources_keep_their_whole_descriptor() {
    check(&[
        (
            "A senior source at the club said the deal was close.",
            &[(
                "the deal was close",
                false,
                Some("A senior source at the club"),
                Some("said"),
            )],
        ),
        (
            "Other proponents of the bill say it will cut costs.",
            &[(
                "it will cut costs",
                false,
                Some("Other proponents of the bill"),
                Some("say"),
            )],
        ),
        // What places unnamed people belongs to them: `those behind`, `familiar with`.
        (
            "The talks are making progress, say those behind the negotiations.",
            &[(
                "The talks are making progress",
                false,
                Some("those behind the negotiations"),
                Some("say"),
            )],
        ),
        (
            "According to sources close to the club, the deal is close.",
            &[(
                "the deal is close",
                false,
                Some("sources close to the club"),
                Some("According to"),
            )],
        ),
        (
            "People familiar with the talks said the deal was close.",
            &[(
                "the deal was close",
                false,
                Some("People familiar with the talks"),
                Some("said"),
            )],
        ),
        // A name keeps its own span; a word that is no source head stops the walk.
        (
            "Officials said the deal was close in the end.",
            &[(
                "the deal was close in the end",
                false,
                Some("Officials"),
                Some("said"),
            )],
        ),
    ]);
}

#[test]
fn an_inverted_speakers_appositive_is_no_content() {
    check(&[
        (
            "Using a phone is the next step, said Gerhard Romen, head of market development at Nokia.",
            &[(
                "Using a phone is the next step",
                false,
                Some("Gerhard Romen"),
                Some("said"),
            )],
        ),
        // A verb after the second comma: the sentence goes on with the content.
        (
            "Mr Smith met the board. The new plan for the city, he said, is dead.",
            &[(
                "The new plan for the city, he said, is dead",
                false,
                Some("he"),
                Some("said"),
            )],
        ),
    ]);
}

#[test]
fn a_role_and_its_holder_and_coordinated_addressees() {
    check(&[
        (
            "\"It is a disgrace,\" said the technology director, Guido Gybels.",
            &[(
                "It is a disgrace,",
                true,
                Some("Guido Gybels"),
                Some("said"),
            )],
        ),
        (
            "The Liberal Democrats have warned Labour and the Tories they were in danger.",
            &[(
                "they were in danger",
                false,
                Some("Liberal Democrats"),
                Some("warned"),
            )],
        ),
    ]);
}

#[test]
fn a_relative_clause_on_an_according_to_source_is_no_content() {
    let got = run(
        "According to the WSJ, which cites people close to the case, the directors will settle.",
    );
    assert!(
        got.iter()
            .any(|q| q.0 == "the directors will settle" && q.2.as_deref() == Some("WSJ")),
        "{got:?}"
    );
}

#[test]
fn it_resolves_to_an_untagged_one_word_name_but_not_to_a_sentence_opener() {
    let text = "The drive uses USB. \"It is stylish,\" said Seagate. Analysts said sales fell. \"It is small,\" it said.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let usb = text.find("USB").unwrap();
    let ents = [Entity {
        span: Span::new(usb, usb + 3),
        kind: EntityType::Organization,
    }];
    let last = annotate(text, &tokens, &sents, &ents)
        .into_iter()
        .find(|q| q.span.slice(text) == "It is small,")
        .and_then(|q| q.speaker.map(|s| s.slice(text).to_string()));
    assert_eq!(last.as_deref(), Some("Seagate"));
}

#[test]
fn infinitive_cues_say_nothing_unless_done_and_belong_to_the_subject() {
    check(&[
        ("It is difficult to predict the total cost of the disaster.", &[]),
        ("The firm is yet to confirm the deal, and the minister declined to say whether it was done.", &[]),
        ("Roddick is reportedly close to confirming that Goldfine will coach him.", &[]),
        (
            "Mr Smith was keen to point out that the plan had failed.",
            &[("the plan had failed", false, Some("Smith"), Some("point out"))],
        ),
    ]);
}

#[test]
fn an_according_to_source_keeps_its_attachment() {
    check(&[(
        "Exports rose by 5%, according to a survey by the BBC.",
        &[(
            "Exports rose by 5%",
            false,
            Some("BBC"),
            Some("according to"),
        )],
    )]);
}

#[test]
fn a_named_addressee_is_no_content() {
    check(&[
        (
            "\"We rewrote the tools,\" Mr Hartog told the BBC News website. \"It was hard.\"",
            &[
                ("We rewrote the tools,", true, Some("Hartog"), Some("told")),
                ("It was hard.", true, Some("Hartog"), Some("told")),
            ],
        ),
        (
            "Mr Howard told the BBC the party would cut taxes.",
            &[(
                "the party would cut taxes",
                false,
                Some("Howard"),
                Some("told"),
            )],
        ),
    ]);
}

#[test]
fn a_name_after_a_lowercase_role_before_the_cue() {
    check(&[(
        "\"The UK has the chance,\" BT chief executive Ben Verwaayen said.",
        &[(
            "The UK has the chance,",
            true,
            Some("Ben Verwaayen"),
            Some("said"),
        )],
    )]);
}

#[test]
fn a_quote_after_reported_speech_goes_on_in_its_voice() {
    check(&[(
        "Chairman John Denham said drugs were used as an excuse.\n\n\"The committee believes these arguments should be rejected by the courts.\" Judges disagree.",
        &[
            ("drugs were used as an excuse", false, Some("John Denham"), Some("said")),
            (
                "The committee believes these arguments should be rejected by the courts.",
                true,
                Some("John Denham"),
                Some("said"),
            ),
        ],
    )]);
}

#[test]
fn what_was_not_said_is_no_quote() {
    check(&[
        (
            "The spokesman did not say why the three men had been detained.",
            &[],
        ),
        (
            "The party would not discuss reports that it had repaid the loan.",
            &[],
        ),
    ]);
    // PARC annotates negated attributions: the PARC profile keeps them.
    let text = "The spokesman did not say why the three men had been detained.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert!(!rule_attributions(text, &tokens, &sents, &[], Profile::Parc).is_empty());
}

#[test]
fn claiming_a_prize_is_no_claim_of_words() {
    check(&[
        (
            "The home side claimed a famous victory over South Africa.",
            &[],
        ),
        (
            "Critics claim the record is at best patchy.",
            &[(
                "the record is at best patchy",
                false,
                Some("Critics"),
                Some("claim"),
            )],
        ),
    ]);
}

#[test]
fn a_subject_before_an_aside_between_dashes() {
    check(&[
        (
            "Alan Beith - who chairs the committee - said the plan had failed.",
            &[(
                "the plan had failed",
                false,
                Some("Alan Beith"),
                Some("said"),
            )],
        ),
        (
            "The minister – in Paris for talks – said the deal was done.",
            &[(
                "the deal was done",
                false,
                Some("The minister"),
                Some("said"),
            )],
        ),
    ]);
}

#[test]
fn a_cue_that_needs_its_particle_is_none_without_it() {
    check(&[
        (
            "Rates rose by a quarter of a percentage point predicted for the spring.",
            &[],
        ),
        (
            "The minister pointed out that the fund was empty.",
            &[(
                "the fund was empty",
                false,
                Some("The minister"),
                Some("pointed out"),
            )],
        ),
    ]);
}

#[test]
fn words_that_merely_end_like_agents_are_no_roles() {
    for w in [
        "quarter",
        "number",
        "sector",
        "summer",
        "water",
        "better",
        "computers",
    ] {
        assert!(!is_role_like(w), "{w}");
    }
    for w in [
        "campaigner",
        "economist",
        "spokesman",
        "prosecutor",
        "members",
        "voters",
    ] {
        assert!(is_role_like(w), "{w}");
    }
}

#[test]
fn a_noun_like_cue_after_an_adjective_is_a_noun() {
    check(&[
        (
            "Brain activity produces electrical signals that can be read by electrodes.",
            &[],
        ),
        (
            "The panel heard serious claims that the vote was rigged.",
            &[],
        ),
    ]);
}

#[test]
fn a_noun_like_cue_after_of_is_a_verb() {
    // `the head of the party claims`: the word before may be a noun, so `claims` stays a cue.
    let got = run("The head of the party claims that the vote was rigged.");
    let cues: Vec<_> = got.iter().map(|q| (q.0.as_str(), q.3.as_deref())).collect();
    assert_eq!(cues, [("the vote was rigged", Some("claims"))]);
}

#[test]
fn quotes_that_open_with_a_dash() {
    check(&[
        (
            "The port reopened.\n\n– We are ready, said the harbour master.\n\n— Nobody is ready, Ola Berg said.",
            &[
                ("We are ready", true, Some("the harbour master"), Some("said")),
                ("Nobody is ready", true, Some("Ola Berg"), Some("said")),
            ],
        ),
        // A list is not dialogue: no cue, no quote.
        ("Bring:\n\n– water, food and blankets\n– a radio", &[]),
    ]);
}

#[test]
fn scare_quotes_are_not_quotes() {
    check(&[
        (
            "The so-called “peace plan” was never published, and the ‘crusader’ flags stayed up.",
            &[],
        ),
        ("He was made the group's “emir” in 2019.", &[]),
        (
            "Officials' statements came late, and the villagers' 'rescue' never came.",
            &[],
        ),
    ]);
}

#[test]
fn reported_speech() {
    check(&[
        (
            "Police chief Dana Ortiz said that three suspects had been detained.",
            &[("three suspects had been detained", false, Some("Dana Ortiz"), Some("said"))],
        ),
        (
            "The company told investors on Monday that profits would fall sharply.",
            &[("profits would fall sharply", false, Some("The company"), Some("told"))],
        ),
        (
            "According to the ministry, the border will reopen next week.",
            &[("the border will reopen next week", false, Some("the ministry"), Some("According to"))],
        ),
        (
            "The border will reopen next week, according to the ministry.",
            &[("The border will reopen next week", false, Some("the ministry"), Some("according to"))],
        ),
        (
            "The storm will reach the coast by Friday, forecasters said.",
            &[("The storm will reach the coast by Friday", false, Some("forecasters"), Some("said"))],
        ),
        ("Senator Paula Grant warned the deal could collapse.", &[("the deal could collapse", false, Some("Paula Grant"), Some("warned"))]),
        (
            "Lena Vogt, the head of the agency, said the rules would change soon.",
            &[("the rules would change soon", false, Some("Lena Vogt"), Some("said"))],
        ),
        (
            "Rafael Diaz met the crews at dawn. He said the ships would wait.",
            &[("the ships would wait", false, Some("Rafael Diaz"), Some("said"))],
        ),
        (
            "A senior regional health official told the Daily Ledger that more cases were likely.",
            &[("more cases were likely", false, Some("A senior regional health official"), Some("told"))],
        ),
        (
            "Reports have emerged that the convoy was stopped at the border, officials added nothing.",
            &[("the convoy was stopped at the border", false, Some("Reports"), Some("emerged"))],
        ),
        // Not clauses: objects and nominal content.
        ("The rebels claimed responsibility for the fire.", &[]),
        ("The union reiterated the need for higher wages.", &[]),
        ("Harbour officials’ claims of sabotage were never tested.", &[]),
    ]);
}

#[test]
fn parc_profile_adds_beliefs() {
    let text = "Most voters believe the tax is unfair.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    assert!(annotate(text, &tokens, &sents, &[]).is_empty());
    let a = attributions(text, &tokens, &sents, &[], Profile::Parc);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].content[0].slice(text), "the tax is unfair");
    assert_eq!(a[0].source.map(|s| s.slice(text)), Some("Most voters"));
}

#[test]
fn entity_spans_choose_the_speaker() {
    let text = "Analysts at Northgate Bank said rates would rise.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let start = text.find("Northgate").unwrap();
    let ents = [Entity {
        span: Span::new(start, start + "Northgate Bank".len()),
        kind: EntityType::Organization,
    }];
    let q = annotate(text, &tokens, &sents, &ents);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.map(|s| s.slice(text)), Some("Northgate Bank"));
}

#[test]
fn a_capitalised_cue_word_inside_a_name_is_the_name() {
    let text = "The army's chief, Gen. Omar Said, warned that more rain was coming.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let start = text.find("Omar").unwrap();
    let ents = [Entity {
        span: Span::new(start, start + "Omar Said".len()),
        kind: EntityType::Person,
    }];
    let q = annotate(text, &tokens, &sents, &ents);
    let cues: Vec<_> = q.iter().map(|q| q.cue.map(|c| c.slice(text))).collect();
    assert_eq!(cues, [Some("warned")]);
    assert_eq!(q[0].speaker.map(|s| s.slice(text)), Some("Omar Said"));
}

#[test]
fn pronouns_resolve_to_the_subject_before_what_was_said() {
    let text = "Earlier, Dr Fox accused Mr Blair of telling lies. He told BBC Radio: \"You lie about anything.\" Mr Ebbers spoke about Mr Sullivan. Mr Sullivan \"made decisions,\" he told the court. \"Members of Apple Club get copies,\" Apple said. It added that sales fell.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    // Each mention by its text and which occurrence it is.
    let mention = |needle: &str, nth: usize, kind| {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Entity {
            span: Span::new(start, start + needle.len()),
            kind,
        }
    };
    let ents = [
        mention("Dr Fox", 0, EntityType::Person),
        mention("Mr Blair", 0, EntityType::Person),
        mention("Mr Ebbers", 0, EntityType::Person),
        mention("Mr Sullivan", 0, EntityType::Person),
        mention("Mr Sullivan", 1, EntityType::Person),
        mention("Apple Club", 0, EntityType::Organization),
        mention("Apple", 1, EntityType::Organization),
    ];
    let speakers: Vec<_> = annotate(text, &tokens, &sents, &ents)
        .iter()
        .map(|q| {
            (
                q.span.slice(text).to_string(),
                q.speaker.map(|s| s.slice(text).to_string()),
            )
        })
        .collect();
    let want = |content: &str, speaker: &str| (content.to_string(), Some(speaker.to_string()));
    assert!(
        speakers.contains(&want("You lie about anything.", "Dr Fox")),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&want("made decisions,", "Mr Ebbers")),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&want("sales fell", "Apple")),
        "{speakers:?}"
    );
}

/// (text, [(predicate, subject, object, hedged)])
type AWant<'a> = (
    &'a str,
    &'a [(&'a str, Option<&'a str>, Option<&'a str>, bool)],
);

#[test]
fn assertions_table() {
    let cases: &[AWant] = &[
        // The charged, past a reduced relative clause; adjectives, intentions and negated acts
        // are no acts; the asserter is not what it asserts.
        (
            "A Dutch-Moroccan man suspected of radical links has been charged.",
            &[("charged", None, Some("A Dutch-Moroccan man"), false)],
        ),
        ("It deprives the detained person of a trial.", &[]),
        // Headlines drop the auxiliary of their passives: the accused and the arrested are
        // objects, and passive denials and warnings (`denied major Oscars`) are no acts.
        (
            "Yukos accused of lying to court\n\nThe firm said nothing.",
            &[("accused", None, Some("Yukos"), false)],
        ),
        (
            "BNP leader Nick Griffin arrested\n\nHe was held on Tuesday.",
            &[("arrested", None, Some("Nick Griffin"), false)],
        ),
        ("British stars denied major Oscars\n\nThe awards went elsewhere.", &[]),
        // A passive over an adverb in -ly is no denial by its subject; `that` before a plural
        // is a conjunction; an age between commas is no subject; an infinitive under a
        // negated verb of its clause is not done.
        (
            "The claim was strongly denied by Shepherd, who accused the striker of cheating.",
            &[("accused", Some("Shepherd"), Some("the striker"), false)],
        ),
        (
            "He argued that people accused of terrorist offences should be tried.",
            &[("accused", None, Some("people"), false)],
        ),
        (
            "Mr Mubanga, 29, from north London, was originally detained in Zambia.",
            &[("arrested", None, Some("Mubanga"), false)],
        ),
        (
            "The firm said it has not received any word from the authorities to confirm the report.",
            &[],
        ),
        ("Parties warned over 'grey vote'\n\nOlder voters matter.", &[]),
        ("They would replace current powers to detain foreign suspects.", &[]),
        ("Householders can use reasonable force to detain suspects.", &[]),
        // A quantity is about what it counts, or no one.
        (
            "Some speculate that less than a quarter of the sites are maintained.",
            &[("speculated", None, Some("the sites"), true)],
        ),
        ("The coaches have been attempting to arrest the decline of the side.", &[]),
        ("The directors are expected to deny wrongdoing.", &[]),
        // A causative says what was sought done to a thing, not who dismissed what.
        ("The defence tried to have the case dismissed.", &[]),
        ("Roddick is reportedly close to confirming Goldfine as his coach.", &[]),
        (
            "At least 60 people were arrested worldwide.",
            &[("arrested", None, Some("At least 60 people"), false)],
        ),
        ("Mr Brown pointedly refused to deny claims he had reneged on a deal.", &[]),
        // A participle after a number is an adjective; a claim to something accuses no one;
        // a gerund is no party; `any such` determines its noun.
        ("Of the 140,000 confirmed deaths, most were in Aceh.", &[]),
        ("The court did not rule on Lee's claims to a share of profits.", &[]),
        (
            "Speakers warned that creating such graphics will cost more.",
            &[("warned", Some("Speakers"), None, false)],
        ),
        (
            "Mars denied any such agreement.",
            &[("denied", Some("Mars"), Some("any such agreement"), false)],
        ),
        // Two objects make `deny` a refusal; a name modifying the thing denied does not.
        ("The injury denied Luscombe the chance to start, and they denied him bail.", &[]),
        (
            "Ebbers denies WorldCom fraud",
            &[("denied", Some("Ebbers"), Some("WorldCom fraud"), false)],
        ),
        ("The minister did not deny the report, and we can't speculate.", &[]),
        (
            "A club spokesman confirmed: \"It is a hernia.\"",
            &[("confirmed", Some("A club spokesman"), None, false)],
        ),
        // A time between subject and verb; a price is no legal charge; a reduced passive
        // relative has no subject; an `-ing` clause is the sentence subject's.
        (
            "Mr Blair on Sunday dismissed claims of broken promises.",
            &[("dismissed", Some("Blair"), Some("claims"), false)],
        ),
        ("Police last week arrested three men in Leeds.", &[("arrested", Some("Police"), Some("three men"), false)]),
        ("Record labels are charging more, and the firm will be charging users for the tool.", &[]),
        ("Only two of the licences denied under the embargo were granted.", &[]),
        (
            "Matthew Taylor has written to the watchdog accusing Labour of a breach.",
            &[("accused", Some("Matthew Taylor"), Some("Labour of a breach"), false)],
        ),
        // What a warning or confirmation is about: the subject of its clause (past an
        // adverbial), not a name further on.
        (
            "A spokesman warned that the changes to the pension scheme would go ahead in April.",
            &[("warned", Some("A spokesman"), Some("the changes"), false)],
        ),
        (
            "A Delta spokesperson confirmed on Wednesday that Ms Simonetti had left.",
            &[("confirmed", Some("A Delta spokesperson"), Some("Simonetti"), false)],
        ),
        (
            "Mark Serwotka warned last week that Labour could lose, and a firm warned that there could be walkouts.",
            &[("warned", Some("Mark Serwotka"), Some("Labour"), true), ("warned", Some("a firm"), None, true)],
        ),
        // The accused of a reduced relative; a denied accusation is a denial only; advice that
        // says nothing threatening is no warning.
        ("She set a date for the case of the four men accused of fraud.", &[("accused", None, Some("the four men"), false)]),
        ("He denied accusing Germany of fraud.", &[("denied", Some("He"), Some("accusing Germany"), false)]),
        ("The attorney general's advice should be independent.", &[]),
        (
            "Union officials denied there had been a sickout.",
            &[("denied", Some("Union officials"), Some("there had been a sickout."), false)],
        ),
        // The subject past a relative clause with commas of its own.
        (
            "Southcorp, whose brands include Penfolds, Rosemount and Lindemans, dismissed the offer.",
            &[("dismissed", Some("Southcorp"), Some("the offer"), false)],
        ),
        // Supposed, not-yet and consulted acts are none; a verb phrase is no subject.
        ("He will be happy if he is charged, and she is not yet confirming it.", &[]),
        ("Mr McLetchie has taken advice from Holyrood officials.", &[]),
        ("Phone companies are not doing enough to warn customers about scams.", &[]),
        // A quote that says a party is a threat is a warning about it; a threat merely named
        // near a party is not.
        (
            "Colonel Tom Hale said: \"The Northern Front is without doubt one of the most serious threats today.\"",
            &[("warned", Some("Tom Hale"), Some("Northern Front"), false)],
        ),
        (
            "\"The threat to television was greatest in Spain and in France,\" said Tom Hale.",
            &[],
        ),
        (
            "The Northern Front claimed responsibility for the bombing of the bridge.",
            &[(
                "claimed_responsibility",
                Some("Northern Front"),
                Some("the bombing of the bridge"),
                false,
            )],
        ),
        (
            "The government denied the report.",
            &[("denied", Some("The government"), Some("the report"), false)],
        ),
        (
            "Officials blamed the rebels for the blast.",
            &[("blamed", Some("Officials"), Some("the rebels"), false)],
        ),
        (
            "Police arrested two men in the capital.",
            &[("arrested", Some("Police"), Some("two men"), false)],
        ),
        (
            "The three suspects arrested by border guards were questioned.",
            &[(
                "arrested",
                Some("border guards"),
                Some("The three suspects"),
                false,
            )],
        ),
        (
            "Some experts speculate about a cover-up by Harlow Group.",
            &[(
                "speculated",
                Some("Some experts"),
                Some("Harlow Group"),
                true,
            )],
        ),
        (
            "The minister reportedly warned that Harlow Group may pull out.",
            &[("warned", Some("The minister"), Some("Harlow Group"), true)],
        ),
        (
            "The council dismissed the warning as alarmist.",
            &[("dismissed", Some("The council"), Some("the warning"), false)],
        ),
        (
            "Ravenna’s warning went unheeded by the board.",
            &[("warned", Some("Ravenna"), None, false)],
        ),
        (
            "The militia, which the army accuses of looting, withdrew.",
            &[("accused", Some("the army"), Some("The militia"), false)],
        ),
        (
            "Efforts by the mayor to pin the blame for the flood on the engineers failed.",
            &[("blamed", Some("the mayor"), Some("the engineers"), false)],
        ),
        ("The weather was mild and the harbour was quiet.", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let tokens = tokenize(text);
        let sents = sentences::split(text, &tokens);
        let quotes = annotate(text, &tokens, &sents, &[]);
        let got: Vec<_> = assertions::annotate(text, &tokens, &sents, &[], &quotes)
            .into_iter()
            .map(|a| {
                (
                    a.predicate.as_str().to_string(),
                    a.subject.map(|s| s.slice(text).to_string()),
                    a.object.map(|s| s.slice(text).to_string()),
                    a.hedged,
                )
            })
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(p, s, o, h)| {
                (
                    p.to_string(),
                    s.map(str::to_string),
                    o.map(str::to_string),
                    *h,
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Text made of quote marks, cue words, names and punctuation, plus any character.
fn quotey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("''".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just(" said ".to_string()),
        Just(" told ".to_string()),
        Just(" according to ".to_string()),
        Just(" claimed responsibility for ".to_string()),
        Just(" was arrested by ".to_string()),
        Just(" put the blame on ".to_string()),
        Just(" which ".to_string()),
        Just(" he ".to_string()),
        Just(" it ".to_string()),
        Just(" that ".to_string()),
        Just(" the ".to_string()),
        Just("’s ".to_string()),
        Just(", ".to_string()),
        Just(": ".to_string()),
        Just(". ".to_string()),
        Just(" – ".to_string()),
        Just("\n\n".to_string()),
        Just("Anna Berg".to_string()),
        "[A-Z][a-z]{1,6}",
        "[a-z]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]
    #[test]
    fn never_panics_and_spans_are_in_bounds(text in quotey()) {
        let tokens = tokenize(&text);
        let sents = sentences::split(&text, &tokens);
        // With and without an entity covering the first token.
        let ents: Vec<Entity> = tokens.first().map(|t| Entity { span: t.span, kind: EntityType::Person }).into_iter().collect();
        for ents in [&[][..], &ents[..]] {
            let quotes = annotate(&text, &tokens, &sents, ents);
            for q in &quotes {
                prop_assert!(span_ok(&text, q.span) && !q.span.is_empty(), "quote {:?}", q);
                for s in q.speaker.iter().chain(q.cue.iter()) {
                    prop_assert!(span_ok(&text, *s), "span {:?}", s);
                }
            }
            for a in attributions(&text, &tokens, &sents, ents, Profile::Parc) {
                for s in a.content.iter().chain(a.source.iter()).chain(a.cue.iter()) {
                    prop_assert!(span_ok(&text, *s), "span {:?}", s);
                }
            }
            for a in assertions::annotate(&text, &tokens, &sents, ents, &quotes) {
                for s in a.subject.iter().chain(a.object.iter()).chain([a.sentence].iter()) {
                    prop_assert!(span_ok(&text, *s), "span {:?}", s);
                }
            }
        }
    }
}

#[test]
fn attribution_lines_after_a_dash() {
    check(&[
        (
            "Readers wrote in.\n\n“He represents our greatest shame.” ― Sonya Herridge\n\n“I am ashamed.” — Pamela Padilla, a nurse",
            &[
                ("He represents our greatest shame.", true, Some("Sonya Herridge"), Some("―")),
                ("I am ashamed.", true, Some("Pamela Padilla"), Some("—")),
            ],
        ),
        // One reader per line, the next reader's quotation right on the next line.
        (
            "Readers wrote in.\n“He represents our greatest shame.” ― Sonya Herridge\n“I am ashamed of him.” ―\u{a0}Nell Carden Grey\n“He lies.” ― Beck Pimentel.\n\nEditor’s note.",
            &[
                ("He represents our greatest shame.", true, Some("Sonya Herridge"), Some("―")),
                ("I am ashamed of him.", true, Some("Nell Carden Grey"), Some("―")),
                ("He lies.", true, Some("Beck Pimentel"), Some("―")),
            ],
        ),
        // An opening mark typed the wrong way round still opens.
        (
            "Readers wrote in.\n\n”Fear. I am truly afraid that he will win.” ― Edwin G. Monroy",
            &[("Fear. I am truly afraid that he will win.", true, Some("Edwin G. Monroy"), Some("―"))],
        ),
        // A dash that goes on with the sentence is no attribution line.
        ("The “reform” — as it was billed — failed.", &[]),
        ("The “Reform Act” — Parliament passed it in 1832 — failed.", &[]),
    ]);
}

#[test]
fn transcript_speaker_lines_in_the_parc_profile() {
    let text = "Partial transcript as follows:\n\nWALLACE: Let us start with the debate.\n\nMike Pence: We will be there tomorrow night.\n\nThe Latest: Polls open early.\n\nCorrection: An earlier version misspelled a name.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let found: Vec<(String, String)> = attributions(text, &tokens, &sents, &[], Profile::Parc)
        .into_iter()
        .filter(|a| a.cue.is_some_and(|c| c.slice(text) == ":"))
        .map(|a| {
            (
                a.source.unwrap().slice(text).to_string(),
                a.content[0].slice(text).to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("WALLACE".into(), "Let us start with the debate.".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "Mike Pence".into(),
            "We will be there tomorrow night.".into()
        )),
        "{found:?}"
    );
    // A label or a phrase with function words names no speaker.
    assert_eq!(found.len(), 2, "{found:?}");
}
