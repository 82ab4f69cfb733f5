//! Whole stories from small fixtures written for the project: an English story
//! (`tests/fixtures/english`) is reported with English labels; numbers with synonymous
//! qualifiers are no divergence (`tests/fixtures/qualifiers`); two outlets judging one plan
//! with different words diverge, judgements of different matters or aspects do not, and a
//! dated picture caption contradicts a "for the first time" claim (`tests/fixtures/judgements`);
//! four outlets on a fire form one story in any input order, its timeline shows what was
//! done rather than what was announced, speakers named by a pronoun or a role alone are the
//! people the story names, and injured people counted in different words diverge while the
//! day of a statement is no other date of the event (`tests/fixtures/brand`); five outlets on a
//! transit strike form one story, and neither different figures nor the story's topic words
//! make a confirmed fact (`tests/fixtures/streik`); nor does one minister's other statement of
//! the same day, or a headline sharing only the topic (`tests/fixtures/haushalt`); a trial
//! reported over four weeks with the same cast is one story, and only figures that cannot both
//! be true diverge, ages never, and one person's different acts are no confirmed fact
//! (`tests/fixtures/prozess`); a flash flood from five outlets with a
//! live ticker dates its ticker entries on the day of writing, agrees on `bis zu 140` and `140
//! Liter`, and names who said the dam quote differently (`tests/fixtures/unwetter`); an English
//! rail spill from four outlets gives `the minister said` to the minister the story names and
//! counts the evacuated homes differently (`tests/fixtures/spill`); on election night the
//! shares of different parties never diverge from each other, the stages of one party's count
//! do (`tests/fixtures/wahl`); a German and an English report of one takeover form one story
//! and confirm its facts across the two languages, while two rail accidents of one week, one
//! reported in each language, stay apart (`tests/fixtures/languages`); an English storm with a
//! live blog: counts of different days (a live blog's evening figures, the next morning's) do not
//! diverge while two outlets' figures for the same morning do and never make one confirmed fact,
//! `until Thursday` lies ahead, a victim's age given differently diverges, and the power company
//! is an organisation (`tests/fixtures/storm`); a summit reported by German and English outlets
//! confirms facts across the languages, compares the length of the talks in hours and Stunden as
//! one figure, and gives the speaker of `stellte in Aussicht` (`tests/fixtures/gipfel`); a plant
//! closure gives the analyst, the worker and the company's figures their speakers and dates
//! the announcement on its day (`tests/fixtures/werk`); a level-crossing crash gives a
//! passenger's words to him, names the hospital as an organisation and counts a radio piece
//! that words two police statements as the agency does as an origin of its own
//! (`tests/fixtures/zug`); neither the day a statement was made nor a product's best-before date
//! dates an event differently (`tests/fixtures/bruecke`, `tests/fixtures/rueckruf`).

mod common;

/// The evidence texts of each fact that more than one origin confirms.
fn confirmed(story: &lagebild_model::StoryAnalysis) -> Vec<Vec<&str>> {
    story
        .facts
        .iter()
        .filter(|f| f.origins > 1)
        .map(|f| f.evidence.iter().map(|e| e.text.as_str()).collect())
        .collect()
}

/// The summaries of a story's divergences of one kind.
fn summaries(
    story: &lagebild_model::StoryAnalysis,
    kind: lagebild_model::DivergenceKind,
) -> Vec<&str> {
    story
        .divergences
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.summary.as_str())
        .collect()
}

/// The analysis of the articles in a fixture directory.
fn analyse(dir: &str) -> lagebild_model::Analysis {
    lagebild_story::analyze_all(common::annotated(dir))
}

#[test]
fn approximate_numbers_agree_and_almost_does_not() {
    let analysis = analyse("qualifiers");
    assert_eq!(analysis.stories.len(), 1);
    let summaries: Vec<String> =
        summaries(&analysis.stories[0], lagebild_model::DivergenceKind::Number)
            .into_iter()
            .map(str::to_lowercase)
            .collect();
    // `rund 20 Metern` and `etwa 20 Metern` say the same; `fast fünf Stunden` is less than five
    assert!(
        summaries.iter().all(|s| !s.contains("meter")),
        "{summaries:?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("stunde") && s.contains("fast 5")),
        "{summaries:?}"
    );
}

#[test]
fn english_stories_get_english_labels() {
    let analysis = analyse("english");
    assert!(analysis.articles.iter().all(|a| a.language == "en"));
    assert_eq!(analysis.stories.len(), 1, "{:#?}", analysis.stories);
    let md = lagebild_story::render::markdown(&analysis);
    for heading in [
        "## Situation",
        "## Who said what",
        "## Timeline",
        "## Sources",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    for german in ["Artikel", "Wer sagte", "Zeitleiste", "Quellen", "„"] {
        assert!(!md.contains(german), "{german} in:\n{md}");
    }
    let story = &analysis.stories[0];
    let residents = story
        .divergences
        .iter()
        .find(|d| d.summary.starts_with("Figures differ"))
        .unwrap_or_else(|| panic!("no number divergence: {:#?}", story.divergences));
    assert!(residents.summary.contains("1200") || residents.summary.contains("1,200"));
    // the counted noun as written, in lower case in English
    assert!(
        residents.summary.contains("(residents)"),
        "{}",
        residents.summary
    );
    let html = lagebild_story::render::html(&analysis);
    assert!(html.contains("<html lang=\"en\">") && html.contains("<h2>Who said what</h2>"));
}

#[test]
fn judgements_of_one_matter_diverge_and_captions_contradict() {
    use lagebild_model::DivergenceKind;
    let analysis = analyse("judgements");
    assert_eq!(analysis.stories.len(), 1);
    let divergences = &analysis.stories[0].divergences;
    // `lehne sie „rundweg ab“` (a) against `„völlig inakzeptabel“` (b), both of the plans;
    // not `produktiv` (talks about funding, a's other statement) against `inakzeptabel`, and
    // not the negated `keinen Durchbruch`
    let wording: Vec<_> = divergences
        .iter()
        .filter(|d| d.kind == DivergenceKind::Wording)
        .collect();
    assert_eq!(wording.len(), 1, "{divergences:#?}");
    let sides: Vec<(&str, &[String])> = wording[0]
        .variants
        .iter()
        .map(|v| (v.text.as_str(), v.articles.as_slice()))
        .collect();
    assert_eq!(
        sides,
        [
            ("inakzeptabel", &["b".to_string()][..]),
            ("rundweg ab", &["a".to_string()][..])
        ]
    );
    // the archive picture of b shows both a quarter of a year before a's "erstmals"
    let c = divergences
        .iter()
        .find(|d| d.kind == DivergenceKind::Contradiction)
        .unwrap_or_else(|| panic!("no contradiction: {divergences:#?}"));
    assert!(c.variants[0].text.contains("erstmals"));
    assert!(c.variants[1].text.contains("14.02.2026"), "{c:#?}");
    assert_eq!(c.variants[1].articles, ["b"]);
    // `fordert seit 2019`: the demand began in 2019, and the sentence has no other date
    let timeline = &analysis.stories[0].timeline;
    assert!(
        timeline
            .iter()
            .any(|t| t.date == "2019" && t.text.contains("seit 2019")),
        "{timeline:#?}"
    );
}

#[test]
fn one_story_in_any_order_and_reports_before_forecasts() {
    let docs = common::annotated("brand");
    for reversed in [false, true] {
        let mut docs = docs.clone();
        if reversed {
            docs.reverse();
        }
        let analysis = lagebild_story::analyze_all(docs);
        assert_eq!(analysis.stories.len(), 1, "reversed: {reversed}");
        // `articles` keeps the order given
        let first = &analysis.articles[0].id;
        let want = if reversed {
            "weserbote-brand"
        } else {
            "kuestenblatt-brand"
        };
        assert_eq!(first, want);
    }
    let analysis = lagebild_story::analyze_all(docs);
    let council: Vec<&str> = analysis.stories[0]
        .timeline
        .iter()
        .filter(|e| e.text.contains("Stadtrat"))
        .map(|e| e.text.as_str())
        .collect();
    // announced on Tuesday for Wednesday, done on Wednesday: the entry shows the decision
    assert_eq!(council.len(), 1, "{council:?}");
    assert!(council[0].contains("beschlossen"), "{council:?}");
    // and so does the confirmed fact
    let fact = analysis.stories[0]
        .facts
        .iter()
        .find(|f| f.text.contains("Stadtrat"))
        .map(|f| f.text.as_str());
    assert!(fact.is_some_and(|t| t.contains("beschlossen")), "{fact:?}");
    // speakers named by a pronoun or by their role alone are the people the story names
    let said = |text: &str| {
        analysis.stories[0]
            .quotes
            .iter()
            .find(|q| q.text.starts_with(text))
            .and_then(|q| q.speaker.clone())
    };
    assert_eq!(said("Ohne ihren Einsatz").as_deref(), Some("Karin Weddig"));
    assert_eq!(
        said("Die Lagerung entspreche").as_deref(),
        Some("Jens Haverkamp")
    );
    // `zwölf Menschen verletzt` against `15 Verletzten` is a number divergence; the day the
    // fire brigade gave its figure is no other date of the fire
    let divergences = &analysis.stories[0].divergences;
    assert!(
        divergences
            .iter()
            .any(|d| d.kind == lagebild_model::DivergenceKind::Number
                && d.summary.contains("Verletzten")
                && d.summary.contains("12 vs. 15")),
        "{divergences:#?}"
    );
    assert!(
        divergences
            .iter()
            .all(|d| d.kind != lagebild_model::DivergenceKind::Date),
        "{divergences:#?}"
    );
}

#[test]
fn two_statements_of_one_person_are_no_confirmed_fact_in_english() {
    let doc = |id: &str, date: &str, text: &str| {
        lagebild_nlp::annotate(lagebild_model::Article {
            id: id.into(),
            published: Some(date.into()),
            language: "en".into(),
            text: text.into(),
            ..Default::default()
        })
    };
    let docs = [
        doc(
            "a",
            "2026-06-02",
            "Leak at Kelby plant\n\n\"We are asking people to keep their windows closed,\" said \
             Inspector Laura Denholm on Tuesday.",
        ),
        doc(
            "b",
            "2026-06-03",
            "Kelby residents return\n\nInspector Laura Denholm said on Wednesday that the \
             area was safe.",
        ),
    ];
    let story = lagebild_story::analyze_story("s1", &docs);
    let confirmed: Vec<&str> = story
        .facts
        .iter()
        .filter(|f| f.articles.len() > 1)
        .map(|f| f.text.as_str())
        .collect();
    assert!(confirmed.is_empty(), "{confirmed:?}");
}

#[test]
fn a_report_read_before_its_story_grew_joins_it() {
    // the strike-day report comes when the story holds only the call to strike, and scores
    // below the threshold then; against the whole story it belongs there
    let analysis = analyse("streik");
    assert_eq!(analysis.stories.len(), 1, "{:#?}", analysis.articles);
    assert_eq!(analysis.stories[0].articles.len(), 5);
    assert!(analysis
        .articles
        .iter()
        .all(|a| a.story == analysis.stories[0].id));
}

#[test]
fn topic_words_and_different_figures_confirm_no_fact() {
    let analysis = analyse("streik");
    let story = analysis
        .stories
        .iter()
        .find(|s| s.articles.iter().any(|a| a == "tagesblatt-verhandlung"))
        .expect("the follow-up's story");
    for texts in confirmed(story) {
        let all = texts.join(" | ");
        // different passenger counts and demands are the divergence, not a confirmed fact
        assert!(
            !(all.contains("250.000") && all.contains("300.000")),
            "{texts:?}"
        );
        assert!(
            !(all.contains("acht Prozent") && all.contains("neun Prozent")),
            "{texts:?}"
        );
        // sentences that share only the story's topic (`Warnstreik`, `Nahverkehr`,
        // `Beschäftigten`, `Arbeitgeber`) say different things
        assert!(
            !(all.contains("aufgerufen") && all.contains("neun Prozent")),
            "{texts:?}"
        );
        assert!(!all.contains("Einen Tag nach dem Warnstreik"), "{texts:?}");
        assert!(!all.contains("einen ersten Schritt"), "{texts:?}");
    }
    let numbers = summaries(story, lagebild_model::DivergenceKind::Number);
    assert!(
        numbers.iter().any(|s| s.contains("Fahrgäste")),
        "{numbers:?}"
    );
    assert!(numbers.iter().any(|s| s.contains("Prozent")), "{numbers:?}");
}

#[test]
fn one_person_on_one_day_or_the_topic_alone_confirm_no_fact() {
    let analysis = analyse("haushalt");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let confirmed = confirmed(story);
    // the gap of 1.2 billion is confirmed by the wire copy and the later report
    assert!(
        confirmed
            .iter()
            .any(|f| f.iter().any(|t| t.contains("Grunderwerbsteuer"))
                && f.iter().any(|t| t.contains("bezifferte"))),
        "{confirmed:?}"
    );
    for f in &confirmed {
        let all = f.join(" | ");
        // the minister's proposal of the same Monday is another statement
        assert!(
            !(all.contains("bezifferte") && all.contains("vorgeschlagen")),
            "{f:?}"
        );
        // a quarrel and an agreement share only the story's topic
        assert!(
            !(all.contains("streitet") && all.contains("geeinigt")),
            "{f:?}"
        );
        // 1.2 and 1.4 billion differ
        assert!(
            !(all.contains("1,2 Milliarden") && all.contains("1,4 Milliarden")),
            "{f:?}"
        );
    }
    // a year naming the budget dates no event
    assert!(
        story
            .timeline
            .iter()
            .all(|t| !t.text.contains("Landeshaushalt 2027")),
        "{:#?}",
        story.timeline
    );
    // `Die Grünen`, `Grünen` and `Grüne` are one party
    let greens: Vec<&str> = story
        .entities
        .iter()
        .filter(|e| e.name.contains("Grün"))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(greens.len(), 1, "{greens:?}");
}

#[test]
fn a_trial_over_weeks_is_one_story_and_only_conflicting_figures_diverge() {
    let analysis = analyse("prozess");
    assert_eq!(
        analysis.stories.len(),
        1,
        "{:?}",
        analysis
            .stories
            .iter()
            .map(|s| &s.articles)
            .collect::<Vec<_>>()
    );
    let story = &analysis.stories[0];
    // the dpa copy counts once
    assert_eq!(story.origins.len(), 4);
    let numbers = summaries(story, lagebild_model::DivergenceKind::Number);
    // the damage (38 against 41 million euros) and the demanded sentence (seven and a half
    // against eight years, written in years and months) diverge
    assert!(numbers.iter().any(|s| s.contains("41 Mio.")), "{numbers:?}");
    assert!(
        numbers
            .iter()
            .any(|s| s.contains("7,5") && s.contains(" 8")),
        "{numbers:?}"
    );
    // the months of a duration are no figure of their own, and the ages (46, 52) are of
    // different people
    assert!(numbers.iter().all(|s| !s.contains("Monat")), "{numbers:?}");
    assert!(
        numbers
            .iter()
            .all(|s| !(s.contains("46") && s.contains("52"))),
        "{numbers:?}"
    );
    // the defence counsel's different acts, named with his title and role each time, are no
    // one confirmed fact
    for texts in confirmed(story) {
        let all = texts.join(" | ");
        assert!(
            !(all.contains("wies die Anschuldigungen") && all.contains("Verhandlungspause")),
            "{texts:?}"
        );
    }
}

#[test]
fn a_flood_with_a_live_ticker_dates_and_attributes_consistently() {
    let analysis = analyse("unwetter");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let kinds = |k| summaries(story, k);
    // compatible figures and ages are no divergence; the evacuees are
    let numbers = kinds(lagebild_model::DivergenceKind::Number);
    assert!(numbers.iter().all(|s| !s.contains("Liter")), "{numbers:?}");
    assert!(
        numbers
            .iter()
            .all(|s| !s.contains("64") && !s.contains("78")),
        "{numbers:?}"
    );
    assert!(
        numbers
            .iter()
            .any(|s| s.contains("800") && s.contains("1.000")),
        "{numbers:?}"
    );
    // one statement, two speakers
    let attributions = kinds(lagebild_model::DivergenceKind::Attribution);
    assert!(
        attributions
            .iter()
            .any(|s| s.contains("Aschenbrenner") && s.contains("Reisinger")),
        "{attributions:?}"
    );
    // `gegen 3 Uhr in der Nacht zu Montag` is dated alike by every outlet
    assert!(kinds(lagebild_model::DivergenceKind::Date).is_empty());
    // the ticker's evening entry is on its day of writing, shown without its time stamp
    let entry = story
        .timeline
        .iter()
        .find(|t| t.text.starts_with("Die Menschen unterhalb des Damms"))
        .expect("ticker entry in the timeline");
    assert_eq!(entry.date, "2026-06-16");
}

#[test]
fn an_english_spill_names_its_speakers_by_role() {
    let analysis = analyse("spill");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let by = |name: &str| -> Vec<&str> {
        story
            .quotes
            .iter()
            .filter(|q| q.speaker.as_deref() == Some(name))
            .map(|q| q.text.as_str())
            .collect()
    };
    // `Rail minister Catherine Aldous` and later `the minister said`
    let minister = by("Catherine Aldous");
    assert!(
        minister.iter().any(|t| t.contains("entitled to expect")),
        "{minister:?}"
    );
    assert!(by("Rail").is_empty() && by("minister").is_empty());
    let numbers = summaries(story, lagebild_model::DivergenceKind::Number);
    assert!(
        numbers
            .iter()
            .any(|s| s.contains("120") && s.contains("150")),
        "{numbers:?}"
    );
}

#[test]
fn an_election_compares_each_partys_share_with_itself() {
    let analysis = analyse("wahl");
    assert_eq!(analysis.stories.len(), 1);
    let numbers = summaries(&analysis.stories[0], lagebild_model::DivergenceKind::Number);
    // the SPD's 27,8 and the AfD's 31,4 per cent are different figures
    assert!(
        numbers
            .iter()
            .all(|s| !(s.contains("27,8") && s.contains("31,4"))),
        "{numbers:?}"
    );
    // the AfD's share at 18 o'clock and in the final count differ
    assert!(
        numbers
            .iter()
            .any(|s| s.contains("31,4") && s.contains("31 ")),
        "{numbers:?}"
    );
    // a value of the last election in brackets is no claim of the story
    assert!(numbers.iter().all(|s| !s.contains("16,7")), "{numbers:?}");
    // `seit 2016 im Landtag`: the year a state began dates a sentence without a date of its own
    let timeline = &analysis.stories[0].timeline;
    assert!(
        timeline
            .iter()
            .any(|t| t.date == "2016" && t.text.contains("seit 2016")),
        "{timeline:#?}"
    );
}

#[test]
fn reports_in_german_and_english_share_a_story_and_confirm_facts_across_languages() {
    let analysis = analyse("languages");
    let story_of = |id: &str| {
        analysis
            .articles
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.story.clone())
            .expect(id)
    };
    let takeover = story_of("kestner_de_boersenblatt");
    assert_eq!(story_of("kestner_en_market_wire"), takeover);
    let (rail_de, rail_en) = (
        story_of("bahnunfall_de_nordkurier"),
        story_of("graz_derailment_en_alpine_post"),
    );
    assert_ne!(rail_de, rail_en);
    assert!(rail_de != takeover && rail_en != takeover);
    let story = analysis
        .stories
        .iter()
        .find(|s| s.id == takeover)
        .expect("story");
    let facts = confirmed(story);
    // the price per share, said in either language
    assert!(
        facts
            .iter()
            .any(|f| f.iter().any(|t| t.contains("78 Euro je Aktie"))
                && f.iter().any(|t| t.contains("78 euros per share"))),
        "{facts:#?}"
    );
}

#[test]
fn figures_of_different_days_do_not_diverge_and_conflicting_ones_make_no_fact() {
    let analysis = analyse("storm");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let numbers = summaries(story, lagebild_model::DivergenceKind::Number);
    let homes: Vec<&&str> = numbers.iter().filter(|s| s.contains("homes")).collect();
    assert_eq!(homes.len(), 1, "{numbers:?}");
    assert!(
        homes[0].contains("48,000") && homes[0].contains("52,000"),
        "{homes:?}"
    );
    assert!(
        !homes[0].contains("41,000") && !homes[0].contains("61,000"),
        "{homes:?}"
    );
    assert!(
        numbers.iter().any(|s| s.contains("40 vs. 46")),
        "{numbers:?}"
    );
    // the age of one named person differs between outlets
    assert!(
        numbers
            .iter()
            .any(|s| s.contains("age of Alan Pritchard") && s.contains("67 vs. 76")),
        "{numbers:?}"
    );
    for fact in confirmed(story) {
        let both = fact.iter().any(|t| t.contains("52,000 homes"))
            && fact.iter().any(|t| t.contains("48,000 homes"));
        assert!(!both, "{fact:#?}");
    }
    let until = story
        .timeline
        .iter()
        .find(|e| e.text.contains("until Thursday morning"))
        .expect("timeline entry");
    assert_eq!(until.date, "2026-01-15");
    let company = story
        .entities
        .iter()
        .find(|e| e.name == "Borderlands Power")
        .expect("Borderlands Power");
    assert_eq!(company.kind, lagebild_model::EntityType::Org);
}

#[test]
fn a_summit_in_two_languages_compares_its_figures_across_them() {
    let analysis = analyse("gipfel");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let english = ["continental_wire", "atlantic_ledger"];
    let across = story.facts.iter().any(|f| {
        f.origins > 1
            && f.articles.iter().any(|a| english.contains(&a.as_str()))
            && f.articles.iter().any(|a| !english.contains(&a.as_str()))
    });
    assert!(across, "{:#?}", confirmed(story));
    // seven against nine hours of talks, in either language, is one divergence
    let hours: Vec<&lagebild_model::Divergence> = story
        .divergences
        .iter()
        .filter(|d| d.summary.contains("7 vs. 9"))
        .collect();
    assert_eq!(hours.len(), 1, "{:#?}", story.divergences);
    let texts: Vec<&str> = hours[0].variants.iter().map(|v| v.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.contains("seven hours"))
            && texts.iter().any(|t| t.contains("neun Stunden")),
        "{texts:?}"
    );
    // up to 12 against up to 15 billion cubic metres a year, the day of the agreement being no
    // day of the volume; `bis zu` and `up to` set the same bound
    let volume = story
        .divergences
        .iter()
        .find(|d| d.summary.contains("12 Mrd.") && d.summary.contains("15 Mrd."))
        .expect("volume divergence");
    assert!(
        volume
            .variants
            .iter()
            .any(|v| v.text.contains("zwölf Milliarden")),
        "{volume:#?}"
    );
    let pledge = story
        .quotes
        .iter()
        .find(|q| q.text.contains("Connecting Europe Facility") && q.article == "handelsbote")
        .expect("quote");
    assert_eq!(pledge.speaker.as_deref(), Some("Lieke Vermeulen"));
    // role qualifiers and a villa are no names of people or bodies
    for e in &story.entities {
        assert!(
            !matches!(e.name.as_str(), "German Economy" | "Polish Foreign"),
            "{e:?}"
        );
        if e.name.contains("La Grange") {
            assert_ne!(e.kind, lagebild_model::EntityType::Per, "{e:?}");
        }
    }
}

#[test]
fn a_plant_closure_names_its_speakers_and_dates_the_announcement() {
    let analysis = analyse("werk");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    let said = |who: &str, words: &str| {
        story
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some(who) && q.text.contains(words))
    };
    // `Analyst Jörn Wittkamp vom Bankhaus Lindemann`: the person, not the phrase
    assert!(said("Jörn Wittkamp", "zu lange"), "{:#?}", story.quotes);
    // a given name and a role noun (`Richter`) are one worker's name
    assert!(said("Mandy Richter", "25 Jahre"), "{:#?}", story.quotes);
    // `teilte das Unternehmen mit Sitz in Heilbronn am Mittwoch mit`
    assert!(
        story
            .quotes
            .iter()
            .any(|q| q.text.contains("1.200 Arbeitspl") && q.speaker.is_some()),
        "{:#?}",
        story.quotes
    );
    // `Am Mittwochmorgen verkündete …, dass … bis Ende 2027 schließen wird`, written on
    // Thursday: the announcement on Wednesday, the closure it announces in 2027
    let announced: Vec<&str> = story
        .timeline
        .iter()
        .filter(|t| t.text.contains("Am Mittwochmorgen verkündete"))
        .map(|t| t.date.as_str())
        .collect();
    assert_eq!(announced, ["2026-09-09", "2027"], "{:#?}", story.timeline);
    // a year after a firm's name (`das Hallberg 1992 … übernommen hatte`) or after a
    // capitalised function word (`Von 2028 an`, `Noch 2019`) dates its sentence
    let dated = |year: &str, words: &str| {
        story
            .timeline
            .iter()
            .any(|t| t.date == year && t.text.contains(words))
    };
    assert!(
        story
            .timeline
            .iter()
            .any(|t| t.date == "1992" && t.articles.contains(&"wirtschaftskompass".to_string())),
        "{:#?}",
        story.timeline
    );
    assert!(dated("2028", "Einsparungen"), "{:#?}", story.timeline);
    assert!(dated("2019", "4,8 Millionen"), "{:#?}", story.timeline);
}

#[test]
fn a_level_crossing_crash_names_a_passenger_and_the_hospital() {
    let analysis = analyse("zug");
    assert_eq!(analysis.stories.len(), 1);
    let story = &analysis.stories[0];
    // the two dpa copies are one origin; the radio piece, which words two of the police's
    // statements much as the dpa copy does, is one of its own
    assert_eq!(story.origins.len(), 4, "{:?}", story.origins);
    assert!(
        story
            .origins
            .iter()
            .any(|o| o == &["radio_illerwelle".to_string()]),
        "{:?}",
        story.origins
    );
    // `erzählte der 24 Jahre alte Student` after `Fahrgast Lukas Brenner saß …`
    assert!(
        story
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Lukas Brenner") && q.text.contains("Knall")),
        "{:#?}",
        story.quotes
    );
    assert!(
        story
            .entities
            .iter()
            .any(|e| e.name == "Klinikum Kempten" && e.kind == lagebild_model::EntityType::Org),
        "{:#?}",
        story.entities
    );
}

#[test]
fn a_statements_day_and_a_products_date_date_no_event() {
    // `teilte die Autobahn GmbH des Bundes am Mittwoch mit` dates the statement, not the
    // closure of Monday evening that another outlet reports
    let analysis = analyse("bruecke");
    assert_eq!(analysis.stories.len(), 1);
    let dates = summaries(&analysis.stories[0], lagebild_model::DivergenceKind::Date);
    assert!(dates.is_empty(), "{dates:?}");
    // a best-before date is no date of the recall
    let analysis = analyse("rueckruf");
    assert_eq!(analysis.stories.len(), 1);
    let dates = summaries(&analysis.stories[0], lagebild_model::DivergenceKind::Date);
    assert!(
        !dates.iter().any(|d| d.contains("Mindesthaltbarkeitsdatum")),
        "{dates:?}"
    );
}

#[test]
fn a_sentence_of_two_events_is_on_the_timeline_under_both_days_a_range_once() {
    let dates_of = |set: &str, words: &str| -> Vec<String> {
        let analysis = analyse(set);
        analysis.stories[0]
            .timeline
            .iter()
            .filter(|t| t.text.contains(words))
            .map(|t| t.date.clone())
            .collect()
    };
    // `zweimal ausgefallen, einmal im März und einmal im Juli`
    assert_eq!(
        dates_of("zug", "einmal im März und einmal im Juli"),
        ["2026-03", "2026-07"]
    );
    // `Most of the 103 schools that closed yesterday reopen today`
    assert_eq!(
        dates_of("storm", "reopen today"),
        ["2026-01-14", "2026-01-15"]
    );
    // `zwischen Anfang 2019 und Ende 2023`: one period, one entry
    assert_eq!(
        dates_of("prozess", "zwischen Anfang 2019 und Ende 2023").len(),
        1
    );
    // `kam die Partei auf 31,4 Prozent (2021: 16,7 Prozent)`: the year compares
    assert!(dates_of("wahl", "(2021:").iter().all(|d| d != "2021"));
    // `kündigte am Mittwochabend an, ab Montag, dem 14. September, …`: the Monday of this year
    assert_eq!(
        dates_of("bruecke", "ab Montag, dem 14. September"),
        ["2026-09-09", "2026-09-14"]
    );
}
