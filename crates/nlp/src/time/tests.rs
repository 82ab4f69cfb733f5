//! Tests of the German temporal tagger on sentences written for the project.

use super::*;
use lagebild_model::{Article, Sentence, Span};

fn tag(text: &str, dct: Option<&str>) -> Vec<TimeExpr> {
    grammar("de")
        .expect("German resources compile")
        .tag(text, dct.and_then(Date::parse))
}

/// The value of the expression whose text is `needle`.
fn value_of(text: &str, dct: Option<&str>, needle: &str) -> String {
    let found = tag(text, dct);
    found
        .iter()
        .find(|t| t.text == needle)
        .map(|t| t.value.clone())
        .unwrap_or_else(|| panic!("{needle:?} not tagged in {text:?}: {found:?}"))
}

#[test]
fn resources_compile() {
    assert!(grammar("de").is_ok());
    assert!(grammar("en").is_ok());
    assert!(matches!(grammar("xx"), Err(TimeError::UnknownLanguage(_))));
}

#[test]
fn explicit_dates() {
    let t = "Der Vertrag wurde am 2. Dezember 2025 unterzeichnet, die Ratifizierung folgte am 14.01.2026.";
    assert_eq!(
        value_of(t, Some("2026-02-01"), "2. Dezember 2025"),
        "2025-12-02"
    );
    assert_eq!(value_of(t, Some("2026-02-01"), "14.01.2026"), "2026-01-14");
    let t = "Im Dezember 2025 begannen die Gespräche, die Zahl stammt aus dem Jahr 2024.";
    assert_eq!(value_of(t, Some("2026-01-10"), "Dezember 2025"), "2025-12");
    assert_eq!(value_of(t, Some("2026-01-10"), "Jahr 2024"), "2024");
    let t = "Die Technik prägte das 20. Jahrhundert und vor allem die 1990er Jahre.";
    assert_eq!(value_of(t, Some("2025-05-05"), "20. Jahrhundert"), "19");
    assert_eq!(value_of(t, Some("2025-05-05"), "1990er Jahre"), "199");
}

#[test]
fn weekdays_follow_tense() {
    // 2025-12-03 is a Wednesday.
    let t = "Die Ministerin hatte am Dienstagabend in Brüssel gesagt, sie sei zuversichtlich.";
    let v = value_of(t, Some("2025-12-03"), "Dienstagabend");
    assert!(v.starts_with("2025-12-02"), "{v}");
    let t = "Am Donnerstag wird eine Delegation aus Kiew in Berlin erwartet.";
    assert_eq!(value_of(t, Some("2025-12-03"), "Donnerstag"), "2025-12-04");
    let t = "Der Minister hatte am Donnerstag erklärt, er werde zurücktreten.";
    assert_eq!(value_of(t, Some("2025-12-03"), "Donnerstag"), "2025-11-27");
    // `diesem Freitag`: the Friday of this week, though the sentence speaks of the past
    let t = "Das hatte sie vor der Sitzung an diesem Freitag gesagt.";
    assert_eq!(
        value_of(t, Some("2025-12-03"), "diesem Freitag"),
        "2025-12-05"
    );
    let t = "In der Nacht zu Mittwoch griffen Drohnen mehrere Städte an.";
    assert_eq!(
        value_of(t, Some("2025-12-03"), "Nacht zu Mittwoch"),
        "2025-12-03TNI"
    );
}

#[test]
fn relative_to_creation_date() {
    let d = Some("2025-12-02");
    let t = "Gestern tagte der Ausschuss, heute berät das Plenum.";
    assert_eq!(value_of(t, d, "Gestern"), "2025-12-01");
    assert_eq!(value_of(t, d, "heute"), "2025-12-02");
    let t = "Der Entwurf war vor zwei Wochen an die Presse gelangt.";
    assert_eq!(value_of(t, d, "vor zwei Wochen"), "2025-11-18");
    let t = "Bereits im Oktober hatten sich die Unterhändler in Genf getroffen.";
    assert_eq!(value_of(t, d, "Oktober"), "2025-10");
    let t = "Seit seinem Amtsantritt am 20. Januar dieses Jahres regiert er per Dekret.";
    assert_eq!(value_of(t, d, "20. Januar dieses Jahres"), "2025-01-20");
    let t = "Anfang Dezember sollen die Ergebnisse vorliegen.";
    assert_eq!(value_of(t, d, "Anfang Dezember"), "2025-12");
    let t = "Die Kämpfe dauern seit Februar 2022 an.";
    assert_eq!(value_of(t, d, "Februar 2022"), "2022-02");
    let t = "Im Januar will die Regierung einen neuen Haushalt vorlegen.";
    assert_eq!(value_of(t, d, "Januar"), "2026-01");
}

#[test]
fn years_months_and_weeks_in_the_accusative() {
    // `vergangenes Jahr`, `Letzten Monat` at a sentence's start, and the one before the last
    let d = Some("2026-10-16");
    let cases = [
        (
            "Vergangenes Jahr forderte der Gemeinderat eine Schranke.",
            "Vergangenes Jahr",
            "2025",
        ),
        (
            "Der Rat hatte das vergangenes Jahr beschlossen.",
            "vergangenes Jahr",
            "2025",
        ),
        (
            "Vorletztes Jahr fiel die Anlage zweimal aus.",
            "Vorletztes Jahr",
            "2024",
        ),
        (
            "Im vorvergangenen Jahr kam er.",
            "Im vorvergangenen Jahr",
            "2024",
        ),
        (
            "Kommendes Jahr soll gebaut werden.",
            "Kommendes Jahr",
            "2027",
        ),
        ("Letzten Monat stieg die Zahl.", "Letzten Monat", "2026-09"),
        ("Nächsten Monat wird gewählt.", "Nächsten Monat", "2026-11"),
        ("Vorige Woche tagte der Rat.", "Vorige Woche", "2026-W41"),
        (
            "Vorletzte Woche tagte der Rat.",
            "Vorletzte Woche",
            "2026-W40",
        ),
    ];
    for (t, needle, want) in cases {
        assert_eq!(value_of(t, d, needle), want, "{t}");
    }
}

#[test]
fn a_weekday_before_a_day_chooses_its_year_and_ab_points_forward() {
    // 14 September is a Monday in 2026, not in 2025: the announcing past tense does not move it
    let t = "Das Landratsamt kündigte am Mittwochabend an, ab Montag, dem 14. September, \
             Lastwagen die Durchfahrt zu verbieten.";
    assert_eq!(
        value_of(t, Some("2026-09-09"), "Montag, dem 14. September"),
        "2026-09-14"
    );
    // a weekday that fits no year near the present leaves the year to the tense
    let t = "Am Montag, dem 30. Februar, geschah nichts.";
    assert!(tag(t, Some("2026-09-09"))
        .iter()
        .all(|x| !x.value.starts_with("2026-02-30")));
    // `ab dem 1. Oktober` in a clause without a tense cue lies ahead
    let t = "Die Minister verständigten sich am Dienstag darauf, dass Polen ab dem 1. Oktober Gas liefert.";
    assert_eq!(value_of(t, Some("2026-02-11"), "1. Oktober"), "2026-10-01");
    // … but not in a clause that says it has been
    let t = "Ab dem 1. Oktober galt die neue Regel.";
    assert_eq!(value_of(t, Some("2026-02-11"), "1. Oktober"), "2025-10-01");
}

#[test]
fn anchored_on_the_text() {
    let t = "Die Verhandlungen begannen am 14. März 2024. Am Vortag hatten Demonstranten die Straße blockiert.";
    assert_eq!(value_of(t, Some("2025-06-01"), "Vortag"), "2024-03-13");
    let t = "Am 3. Mai 2020 fiel die Entscheidung, drei Tage später trat der Rat zurück.";
    assert_eq!(
        value_of(t, Some("2025-06-01"), "drei Tage später"),
        "2020-05-06"
    );
}

#[test]
fn days_relative_to_a_named_event() {
    // The talks are the article's event (Thursday, mentioned twice); the day before them is
    // not the day before the date the text mentioned last.
    let t = "Die Gespräche in Genf begannen am Donnerstag. Am Donnerstag legten beide Seiten \
             Entwürfe vor. Der Waffenstillstand vom 3. März gilt weiter, hieß es am Vortag der \
             Genfer Gespräche. Einen Tag nach dem Treffen reiste die Delegation ab.";
    let d = Some("2026-05-16");
    assert_eq!(value_of(t, d, "Vortag"), "2026-05-13");
    assert_eq!(value_of(t, d, "Einen Tag nach"), "2026-05-15");
    // Days mentioned equally often: the one nearest the creation date is the event's.
    let t = "Am Montag entschied das Parlament. Der Entwurf war am 3. März vorgelegt worden. \
             Einen Tag nach der Entscheidung trat der Minister zurück.";
    assert_eq!(value_of(t, d, "Einen Tag nach"), "2026-05-12");
    // The sentence that names the event dates it, however often other days are mentioned.
    let t = "Einen Tag nach dem Dammbruch bei Kelsdorf wächst die Kritik. Der Damm war am \
             Dienstag gebrochen. Am Mittwoch tagte der Rat, am Mittwoch kam der Minister.";
    assert_eq!(
        value_of(t, Some("2026-03-11"), "Einen Tag nach"),
        "2026-03-11"
    );
    // ... also by the head of its compound (`Brand` for `Großbrand`)
    let t = "Einen Tag nach dem Großbrand in Lehe hat die Polizei einen Mann festgenommen, \
             sagte ein Sprecher am Mittwoch. Bei dem Brand am Montagabend wurden zwölf Menschen \
             verletzt. Am Mittwoch tagte der Rat.";
    assert_eq!(
        value_of(t, Some("2026-05-13"), "Einen Tag nach"),
        "2026-05-12"
    );
    // no sentence dates the event, but the sentence gives its own day after its verb: the
    // expression names that day; a day right after the event's noun is the event's
    let t = "Am Tag nach der Einigung zwischen Bund und Ländern überwog am Mittwoch die \
             Erleichterung. Einen Tag nach der Wahl am Sonntag trat der Minister zurück.";
    let d = Some("2026-02-11");
    assert_eq!(value_of(t, d, "Tag nach"), "2026-02-11");
    assert_eq!(value_of(t, d, "Einen Tag nach"), "2026-02-09");
    let d = Some("2026-05-16");
    // the eve of a named event
    let t = "Der Gipfel in Genf begann am Donnerstag. Am Vorabend des Gipfels demonstrierten \
             Tausende.";
    assert_eq!(value_of(t, d, "Vorabend"), "2026-05-13TEV");
    // Without a named event the day before stays anaphoric.
    let t = "Der Vertrag wurde am 3. März unterzeichnet. Am Vortag hatte es geregnet.";
    assert_eq!(value_of(t, d, "Vortag"), "2026-03-02");
    let g = grammar("en").expect("English resources compile");
    let found = g.tag(
        "The talks opened on Thursday. Delegates arrived on Thursday. The ceasefire of \
         March 3 held, officials said the day before the talks.",
        Date::parse("2026-05-16"),
    );
    let before = found.iter().find(|t| t.text == "day before");
    assert_eq!(before.map(|t| t.value.as_str()), Some("2026-05-13"));
    let found = g.tag(
        "The summit opened on Thursday. Protesters gathered on the eve of the summit.",
        Date::parse("2026-05-16"),
    );
    let eve = found.iter().find(|t| t.text == "eve");
    assert_eq!(eve.map(|t| t.value.as_str()), Some("2026-05-13TEV"));
}

#[test]
fn weekdays_after_common_news_verbs_look_back() {
    // Saturday 16 May: `stimmte` (a verb in the past) makes Monday the past one.
    let d = Some("2026-05-16");
    let t = "Am Montag stimmte das Parlament über den Haushalt ab.";
    assert_eq!(value_of(t, d, "Montag"), "2026-05-11");
    let t = "Am Montag stimmt das Parlament über den Haushalt ab.";
    assert_eq!(value_of(t, d, "Montag"), "2026-05-18");
}

#[test]
fn speech_verbs_in_the_preterite_are_past_cues() {
    // Thursday 10 September: the main clause's `verkündete` (a speech verb of the quote
    // finder, not in the time cues) outweighs the future of the `dass` clause.
    let d = Some("2026-09-10");
    let t = "Am Mittwochmorgen verkündete der Vorstand, dass das Werk bis 2027 schließen wird.";
    assert_eq!(value_of(t, d, "Mittwochmorgen"), "2026-09-09TMO");
    let t = "Am Mittwoch teilten die Stadtwerke mit, dass die Leitung erneuert werden soll.";
    assert_eq!(value_of(t, d, "Mittwoch"), "2026-09-09");
    let t = "Am Mittwoch verkündet der Vorstand, ob das Werk schließen wird.";
    assert_eq!(value_of(t, d, "Mittwoch"), "2026-09-16");
}

#[test]
fn durations_and_sets() {
    let d = Some("2025-12-03");
    let t = "Das Gespräch dauerte fünf Stunden, der Krieg fast vier Jahre.";
    assert_eq!(value_of(t, d, "fünf Stunden"), "PT5H");
    assert_eq!(value_of(t, d, "fast vier Jahre"), "P4Y");
    let t = "Der Markt findet jeden Montag statt und wird täglich gereinigt.";
    let found = tag(t, d);
    let monday = found
        .iter()
        .find(|x| x.text == "jeden Montag")
        .expect("set");
    assert_eq!(monday.kind, TimexType::Set);
    assert_eq!(monday.value, "XXXX-WXX-1");
    assert_eq!(value_of(t, d, "täglich"), "P1D");
}

#[test]
fn holidays_including_easter() {
    let t = "Zu Pfingsten 2024 und an Weihnachten 1914 ruhten die Waffen.";
    assert_eq!(value_of(t, None, "Pfingsten 2024"), "2024-05-19");
    assert_eq!(value_of(t, None, "Weihnachten 1914"), "1914-12-25");
    let t = "Die Wahl fand 2025 statt. Am Ostermontag kam das Ergebnis.";
    assert_eq!(value_of(t, None, "Ostermontag"), "2025-04-21");
}

#[test]
fn narrative_mode_uses_last_date() {
    let t = "Der Krieg dauerte von 1939 bis 1945. Im Sommer 1942 rückten die Truppen vor. \
             Am 3. Juli erreichten sie den Fluss. Ende des Jahres kam der Rückzug, im folgenden \
             Jahr das Ende. Heute erinnert ein Denkmal daran.";
    assert_eq!(value_of(t, None, "Sommer 1942"), "1942-SU");
    assert_eq!(value_of(t, None, "3. Juli"), "1942-07-03");
    assert_eq!(value_of(t, None, "Ende des Jahres"), "1942");
    assert_eq!(value_of(t, None, "im folgenden Jahr"), "1943");
    assert_eq!(value_of(t, None, "Heute"), "PRESENT_REF");
    // The same history with a modern creation date is still read as a narrative.
    assert_eq!(value_of(t, Some("2011-02-16"), "3. Juli"), "1942-07-03");
    let t = "Um 490 v. Chr. landeten die Perser, im September kam es zur Schlacht.";
    assert_eq!(value_of(t, None, "490 v. Chr."), "BC0490");
    assert_eq!(value_of(t, None, "September"), "BC0490-09");
}

#[test]
fn open_end_of_a_range_takes_the_closing_year() {
    // A history that last named 1778: the range's first date belongs to the year that closes it.
    let t = "Im Winter 1778 lagen die Truppen still. Die Belagerung dauerte vom 16. September bis \
             10. Oktober 1779. Die Verhandlungen zogen sich von Dezember bis Februar 1781 hin.";
    assert_eq!(value_of(t, None, "16. September"), "1779-09-16");
    assert_eq!(value_of(t, None, "Dezember"), "1780-12");
    // in news as well: the year of the range, not the one the creation date suggests
    let t = "Die Ausstellung läuft von März bis Juni 2027.";
    assert_eq!(value_of(t, Some("2026-11-20"), "März"), "2027-03");
    // without a named year the range stays as it was read before
    let t = "Die Straße war vom 3. bis 7. Februar gesperrt.";
    assert_eq!(value_of(t, Some("2026-02-20"), "7. Februar"), "2026-02-07");
}

#[test]
fn news_days_without_a_tense_cue_are_the_nearest() {
    // ten days ahead: this year's, not last year's
    let t = "Die dritte Verhandlungsrunde ist für den 19. März in Hannover angesetzt.";
    assert_eq!(value_of(t, Some("2026-03-09"), "19. März"), "2026-03-19");
    // a month just past at the turn of the year: last year's
    let t = "Die Zahlen für Dezember zeigen einen Rückgang.";
    assert_eq!(value_of(t, Some("2026-01-10"), "Dezember"), "2025-12");
    // a day planned for is ahead of the present, whatever the tense of the call
    let t = "Die Gewerkschaft hat für Donnerstag zu einem Warnstreik aufgerufen.";
    assert_eq!(value_of(t, Some("2026-03-09"), "Donnerstag"), "2026-03-12");
    // written on that weekday, it is the day of writing; `kommenden` still means next week's
    let t = "Für Freitag hat sich der Verkehrsminister angekündigt.";
    assert_eq!(value_of(t, Some("2026-10-16"), "Freitag"), "2026-10-16");
    let t = "Am kommenden Freitag will der Rat entscheiden.";
    assert_eq!(
        value_of(t, Some("2026-10-16"), "kommenden Freitag"),
        "2026-10-23"
    );
}

#[test]
fn a_day_after_an_event_reported_is_not_after_the_report() {
    // the event's noun stands in no other dated sentence, and the day mentioned most often
    // is the day of writing: the day after it would lie ahead of a past-tense report
    let t = "Einen Tag nach dem Warnstreik haben beide Seiten Signale gesendet. Am Donnerstag \
             standen alle Bahnen still. Am Freitag fuhren sie wieder, am Freitag auch die Busse.";
    assert_eq!(
        value_of(t, Some("2026-03-13"), "Einen Tag nach"),
        "2026-03-13"
    );
}

#[test]
fn no_false_dates_in_numbers() {
    let found = tag(
        "Es kamen 1.500 Menschen, Nr. 2019 blieb leer, 1200 Soldaten fehlten.",
        Some("2025-01-01"),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn spans_are_char_offsets() {
    let t = "Über „Größe“ sprach man am 2. Dezember 2025.";
    let found = tag(t, None);
    let x = &found[0];
    let chars: Vec<char> = t.chars().collect();
    let s: String = chars[x.span.start..x.span.end].iter().collect();
    assert_eq!(s, "2. Dezember 2025");
}

#[test]
fn event_dates_per_sentence() {
    let text = "Die Minister trafen sich in Wien. Am 20. Januar dieses Jahres gab es ein Vorgespräch. Die Lage bleibt angespannt.";
    let bounds = [(0, 33), (34, 86), (87, text.chars().count())];
    let mut doc = AnnotatedArticle {
        article: Article {
            text: text.to_string(),
            published: Some("2025-12-02".into()),
            language: "de".into(),
            ..Default::default()
        },
        sentences: bounds
            .iter()
            .map(|&(s, e)| Sentence {
                span: Span::new(s, e),
                tokens: Vec::new(),
            })
            .collect(),
        ..Default::default()
    };
    TimeTagger.annotate(&mut doc);
    assert_eq!(
        doc.sentence_dates,
        vec![
            Some("2025-12-02".to_string()),
            Some("2025-01-20".to_string()),
            None
        ]
    );
}

#[test]
fn event_dates_follow_the_segmenter() {
    let text = "Die Ministerinnen trafen sich am Montag in Prag. Die Lage gilt als angespannt. \
                Für den 3. März 2026 ist ein weiteres Treffen geplant. Das Gespräch dauerte \
                fünf Stunden, teilte das Ministerium mit.";
    let mut doc = AnnotatedArticle {
        article: Article {
            text: text.to_string(),
            published: Some("2025-12-03".into()),
            language: "de".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    crate::tokenize::Segmenter.annotate(&mut doc);
    TimeTagger.annotate(&mut doc);
    assert_eq!(doc.sentence_dates.len(), doc.sentences.len());
    assert_eq!(doc.sentences.len(), 4);
    assert_eq!(doc.sentence_dates[0].as_deref(), Some("2025-12-01"));
    assert_eq!(doc.sentence_dates[1].as_deref(), None);
    assert_eq!(doc.sentence_dates[2].as_deref(), Some("2026-03-03"));
    // Past tense and no date of its own: the news event of the article's day.
    assert_eq!(doc.sentence_dates[3].as_deref(), Some("2025-12-03"));
}

#[test]
fn english_resources_share_the_engine() {
    let g = grammar("en").expect("English resources compile");
    let found = g.tag(
        "The envoys met on Tuesday evening; talks lasted five hours.",
        Date::parse("2025-12-03"),
    );
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, vec!["2025-12-02TEV", "PT5H"]);
    // Wednesday 4 March: `is due to` points forward, `added` back, each in its own clause
    let found = g.tag(
        "The minister is due to visit the town on Friday, a spokesman said. The mayor added \
         that the barrier was repaired on Tuesday.",
        Date::parse("2026-03-04"),
    );
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, vec!["2026-03-06", "2026-03-03"]);
}

/// The values of the expressions of `text` in language `lang`, written on `dct`.
fn values_in(lang: &str, text: &str, dct: &str) -> Vec<String> {
    let g = grammar(lang).expect("resources compile");
    g.tag(text, Date::parse(dct))
        .into_iter()
        .map(|x| x.value)
        .collect()
}

#[test]
fn english_weeks_months_quarters_and_decades() {
    // Thursday 19 November 2026
    let values = |t: &str| values_in("en", t, "2026-11-19");
    assert_eq!(
        values("The board met last week and will meet again next week."),
        vec!["2026-W46", "2026-W48"]
    );
    assert_eq!(
        values("Sales fell last month and in the third quarter."),
        vec!["2026-10", "2026-Q3"]
    );
    assert_eq!(
        values("Earlier this month the firm, bigger in the 1990s, said it would close by the end of the year."),
        vec!["2026-11", "199", "2026"]
    );
}

#[test]
fn until_a_day_points_forward_unless_its_clause_says_otherwise() {
    // Wednesday 14 January
    let values = |t: &str| values_in("en", t, "2026-01-14");
    assert_eq!(
        values(
            "Schools were closed on Wednesday. The red warning ended at noon, although a \
             yellow warning remains in place until Thursday morning."
        ),
        vec!["2026-01-14", "2026-01-15TMO"]
    );
    assert_eq!(
        values("Crews aim to reconnect most homes by Friday."),
        vec!["2026-01-16"]
    );
    // an aim or hope in the past points forward all the same
    assert_eq!(
        values(
            "The company said it had drafted in 200 engineers and aimed to reconnect most \
             customers by Thursday evening."
        ),
        vec!["2026-01-15TEV"]
    );
    // clock times with am and pm, on the day named right after them
    assert_eq!(
        values("Seven wagons left the rails at about 2.40 a.m. on Tuesday."),
        vec!["2026-01-13T02:40", "2026-01-13"]
    );
    assert_eq!(
        values("By 6pm the figure had fallen; at 12 am it rose, at 12 pm it fell."),
        vec!["2026-01-14T18:00", "2026-01-14T00:00", "2026-01-14T12:00"]
    );
    // what someone said would happen lies ahead of the report
    assert_eq!(
        values("The council said it would hold two public meetings in April."),
        vec!["2026-04"]
    );
    // a past cue in its own clause still decides
    assert_eq!(
        values("The road was closed until Monday."),
        vec!["2026-01-12"]
    );
    // a live blog's entries are on the day of writing
    assert_eq!(
        values("Live updates\n17:30 GMT – The figure has climbed to 41,000 homes.\n"),
        vec!["2026-01-14T17:30"]
    );
    let values = |t: &str| values_in("de", t, "2026-01-14");
    assert_eq!(
        values("Die Schulen blieben zu. Die Sperrung gilt bis Donnerstag."),
        vec!["2026-01-15"]
    );
    assert_eq!(
        values("Die Straße war bis Montag gesperrt."),
        vec!["2026-01-12"]
    );
}

#[test]
fn news_months_without_cue_look_back() {
    let d = Some("2016-03-15");
    let t = "Rebellen setzten im August Giftgas ein, der 26-jährige Reporter berichtet darüber.";
    assert_eq!(value_of(t, d, "August"), "2015-08");
    assert!(tag(t, d).iter().all(|x| x.kind != TimexType::Duration));
}

#[test]
fn counts_at_sentence_start_are_not_years() {
    let t = "Rund 1200 Bewohnerinnen mussten gehen. Etwa 1500 Helfer kamen. Seit 1997 nicht.";
    let found = tag(t, Some("2026-03-10"));
    assert!(
        !found
            .iter()
            .any(|x| x.text.contains("1200") || x.text.contains("1500")),
        "{found:?}"
    );
    assert_eq!(value_of(t, Some("2026-03-10"), "1997"), "1997");
}

#[test]
fn a_zu_infinitive_after_an_announcement_points_forward() {
    // 2025-03-11 is a Tuesday
    let t = "Die Bürgermeisterin kündigte an, am Freitag über die Sperrung zu entscheiden.";
    assert_eq!(value_of(t, Some("2025-03-11"), "Freitag"), "2025-03-14");
    // the announcement's own day stays in the past
    let t = "Die Bürgermeisterin kündigte am Montag an, die Brücke zu sperren.";
    assert_eq!(value_of(t, Some("2025-03-11"), "Montag"), "2025-03-10");
    // a cue in the expression's own clause wins over a nearer one beyond a comma
    let t = "Er sagte, die Sitzung werde am Donnerstag stattfinden.";
    assert_eq!(value_of(t, Some("2025-03-11"), "Donnerstag"), "2025-03-13");
}

#[test]
fn nouns_and_passive_infinitives_are_no_tense_cues() {
    // 2026-09-09 is a Wednesday; `Angaben` is no `angaben` (`gaben … an`)
    let t = "Die Entscheidung soll nach Angaben der Behörde am Freitag fallen.";
    assert_eq!(value_of(t, Some("2026-09-09"), "Freitag"), "2026-09-11");
    // a participle before `werden` is a passive infinitive, no past
    let t = "Nach Angaben der Behörde soll bis Freitag entschieden werden.";
    assert_eq!(value_of(t, Some("2026-09-09"), "Freitag"), "2026-09-11");
    let t = "Am Freitag wurde entschieden, die Brücke zu sperren.";
    assert_eq!(value_of(t, Some("2026-09-09"), "Freitag"), "2026-09-04");
    // a cue word opening the sentence or a line still counts
    let t = "Vergangene Woche traf er am Freitag ein.";
    assert_eq!(value_of(t, Some("2026-09-09"), "Freitag"), "2026-09-04");
    for (text, word, initial) in [
        ("Der Besuch\nVergangene Woche", "Vergangene", true),
        ("Er sagte: „Vergangene Woche", "Vergangene", true),
        ("nach Angaben der Behörde", "Angaben", false),
    ] {
        let at = text.find(word).unwrap_or(0);
        assert_eq!(super::engine::sentence_initial(text, at), initial, "{text}");
    }
}

#[test]
fn a_reported_present_before_a_day_looks_back() {
    // 2026-06-11 is a Thursday
    let t = "Der Geschäftsführer erklärte, ihm sei kein Befund aus der Zeit vor dem 5. Juni \
             bekannt.";
    assert_eq!(value_of(t, Some("2026-06-11"), "5. Juni"), "2026-06-05");
}

#[test]
fn a_bare_time_after_a_background_date_is_on_the_day_of_writing() {
    let t = "Die Prüfer hatten am 3. Februar 2025 von einer Bewilligung abgeraten. Gegen Mittag \
             telefonierten die beiden miteinander.";
    assert_eq!(
        value_of(t, Some("2026-10-21"), "Mittag"),
        "2026-10-21T12:00"
    );
    // a day of the last two weeks stays the day of the time that follows
    let t = "Ingenieure hatten am Montag, dem 7. September, Risse entdeckt. Um 22 Uhr wurde die \
             Brücke gesperrt.";
    assert_eq!(
        value_of(t, Some("2026-09-09"), "22 Uhr"),
        "2026-09-07T22:00"
    );
}

#[test]
fn a_products_date_is_the_nearest() {
    // ten days before 20 June, in a sentence whose other clause is in the past
    let t = "Betroffen sind Packungen mit einem Mindesthaltbarkeitsdatum zwischen dem 20. Juni \
             und dem 10. Juli, die in Bayern verkauft wurden.";
    assert_eq!(value_of(t, Some("2026-06-09"), "20. Juni"), "2026-06-20");
    assert_eq!(value_of(t, Some("2026-06-09"), "10. Juli"), "2026-07-10");
}

#[test]
fn a_date_in_a_starting_phrase_is_no_reference() {
    let t = "Am 27. September 1862 wurde das Höchstalter, beginnend mit dem 15. Juli 1863, auf \
             45 Jahre erhöht. Im Dezember griff die Armee an.";
    assert_eq!(value_of(t, None, "Dezember"), "1862-12");
    let t = "Am 3. März 2025 trat die Regel, mit Wirkung vom 1. Januar 2026, in Kraft. Im Mai \
             folgte die zweite Stufe.";
    assert_eq!(value_of(t, None, "Mai"), "2025-05");
}

#[test]
fn the_time_an_announcement_is_for_points_forward() {
    // 2026-11-18 is a Wednesday
    let t = "Die Stadtwerke kündigten am Dienstag für Anfang Dezember neue Preise an.";
    assert_eq!(
        value_of(t, Some("2026-11-18"), "Anfang Dezember"),
        "2026-12"
    );
    assert_eq!(value_of(t, Some("2026-11-18"), "Dienstag"), "2026-11-17");
    let t = "Die Gewerkschaft rief für den 2. Dezember zu einem Warnstreik auf.";
    assert_eq!(value_of(t, Some("2026-11-18"), "2. Dezember"), "2026-12-02");
    let t = "Der Landrat lud für Januar zu einem runden Tisch ein.";
    assert_eq!(value_of(t, Some("2026-11-18"), "Januar"), "2027-01");
    // `für` without an announcing particle closing the clause: the figures of a past month
    let t = "Für Oktober meldete das Amt einen Rückgang.";
    assert_eq!(value_of(t, Some("2026-11-18"), "Oktober"), "2026-10");
    let t = "Die Zahlen für Oktober zeigten einen Rückgang an.";
    assert_eq!(value_of(t, Some("2026-11-18"), "Oktober"), "2026-10");
}

#[test]
fn a_reported_present_points_forward() {
    // 2026-04-16 is a Thursday: the Wednesday of a hope is the coming one
    let t = "Sie sei zuversichtlich, dass man bis zur Klausur am Mittwoch eine Lösung finde, \
             sagte die Ministerin.";
    assert_eq!(value_of(t, Some("2026-04-16"), "Mittwoch"), "2026-04-22");
    let t = "Die Sitzung am Freitag sei öffentlich, teilte die Stadt mit.";
    assert_eq!(value_of(t, Some("2026-04-16"), "Freitag"), "2026-04-17");
    // a perfect in the reported clause is a past
    let t = "Der Sprecher sagte, am Mittwoch seien zwölf Menschen gestorben.";
    assert_eq!(value_of(t, Some("2026-04-16"), "Mittwoch"), "2026-04-15");
    let t = "Am Dienstag sei die Brücke gesperrt worden, sagte er.";
    assert_eq!(value_of(t, Some("2026-04-16"), "Dienstag"), "2026-04-14");
    // indicative past in the clause of the day
    let t = "Die Polizei sagte, dass der Mann am Montag festgenommen wurde.";
    assert_eq!(value_of(t, Some("2026-04-16"), "Montag"), "2026-04-13");
}

#[test]
fn reportage_tickers_and_spans_of_time() {
    // 2026-04-24 is a Friday. `wird` without an infinitive is no future: the Thursday just past
    let t = "Im Saal wird es still, als die Zeugin am Donnerstag um 9.30 Uhr nach vorn tritt.";
    assert_eq!(value_of(t, Some("2026-04-24"), "Donnerstag"), "2026-04-23");
    // with one it is
    let t = "Die Zeugin wird am Donnerstag aussagen.";
    assert_eq!(value_of(t, Some("2026-04-24"), "Donnerstag"), "2026-04-30");
    // what is scheduled lies ahead
    let t = "Die Kammer hat Verhandlungstage bis Mitte Juni angesetzt.";
    assert!(value_of(t, Some("2026-04-24"), "Mitte Juni").starts_with("2026-06"));
    // `sonst in zwei Monaten` is a span of time
    let t =
        "Es fiel so viel Regen, wie dort sonst in zwei Monaten fällt. Gegen 3 Uhr stieg der Bach.";
    assert_eq!(value_of(t, Some("2026-06-15"), "in zwei Monaten"), "P2M");
    assert_eq!(value_of(t, Some("2026-06-15"), "3 Uhr"), "2026-06-15T03:00");
    // a time takes the day named right after it
    let t =
        "Seit Sonntag regnet es. Gegen 3 Uhr in der Nacht zu Montag trat der Bach über die Ufer.";
    assert_eq!(value_of(t, Some("2026-06-17"), "3 Uhr"), "2026-06-15T03:00");
    // a comparison with a weekday looks back, whatever the tense
    let t = "Mit Regenmengen wie am Sonntag sei am Wochenende nicht zu rechnen.";
    assert_eq!(value_of(t, Some("2026-06-16"), "Sonntag"), "2026-06-14");
    // a `zu` infinitive written as one word points forward like `zu …`
    let t = "Der Verband forderte die Parteien auf, bis Ende Oktober einen Vertrag vorzulegen.";
    assert_eq!(value_of(t, Some("2026-09-23"), "Ende Oktober"), "2026-10");
    // a time of day after a reference that is only a year is on the day of writing
    let t =
        "Sie verlor gegenüber der Wahl vor fünf Jahren. Kurz nach 19 Uhr trat sie vor die Presse.";
    assert_eq!(
        value_of(t, Some("2026-09-20"), "19 Uhr"),
        "2026-09-20T19:00"
    );
    // a ticker entry is on the day of writing
    let t =
        "Am Sonntag sei kein Regen zu erwarten.\n\n19.45 Uhr: Die Menschen dürfen nicht zurück.";
    assert_eq!(
        value_of(t, Some("2026-06-16"), "19.45 Uhr"),
        "2026-06-16T19:45"
    );
}

/// German sentences written to touch many rules (and near misses), for comparing the candidate
/// search that skips rules with the one that runs every rule.
const VARIED: &[&str] = &[
    "Der Vertrag wurde am 2. Dezember 2025 unterzeichnet, die Ratifizierung folgte am 14.01.2026.",
    "Am Dienstagabend tagte der Ausschuss, am Mittwoch früh reisten die Gäste ab.",
    "In der Nacht zu Mittwoch fiel der Strom aus; in der Nacht vom 16. auf den 17. Juni 2024 erneut.",
    "Seit Februar 2022 verhandeln beide Seiten, zuletzt vor zwei Wochen und vor 3 Tagen.",
    "Die Frist endet in drei Monaten, spätestens aber im kommenden Jahr.",
    "Drei Tage später trat der Minister zurück, zwei Jahre zuvor war er gewählt worden.",
    "Am Vortag hatte es geregnet, am selben Tag noch wurde die Straße gesperrt.",
    "Im Vorjahr lag der Umsatz bei 1.500 Euro, im laufenden Jahr bei 2.300 Euro.",
    "Die Stadt wurde 1370 gegründet und zählte 1370 Einwohner.",
    "Nr. 2019 der Liste nennt August von Goethe nicht, wohl aber den 3. August.",
    "Rund 2000 Menschen demonstrierten über 1500 Kilometer entfernt.",
    "Das Treffen beginnt um 14:30 Uhr und endet gegen 18 Uhr, also nach fast vier Stunden.",
    "Um 9.15 Uhr mitteleuropäischer Zeit begann die Sitzung, um 12 Uhr 30 endete sie.",
    "Der Bau dauerte anderthalb Jahre, die Planung eine halbe Stunde und ein halbes Jahrhundert.",
    "Nach einer achttägigen Reise und einem dreiwöchigen Kurs folgte ein 14-tägiger Urlaub.",
    "Jahrelange Verhandlungen und stundenlange Sitzungen prägten die Jahre 1998/99.",
    "Im Frühjahr 2023 und im Spätsommer des Jahres 2021 kam es zu Protesten.",
    "Im ersten Quartal 2025 und im zweiten Halbjahr stieg der Absatz.",
    "Zu Ostern 2024, an Weihnachten und am Tag der Deutschen Einheit bleibt das Amt geschlossen.",
    "Heute früh, gestern Abend und vorgestern war es kalt; übermorgen wird es warm, morgen Abend auch.",
    "Derzeit und kürzlich, bald und demnächst: in Zukunft soll alles besser werden.",
    "Die Mauer fiel 1989, im Jahr 490 v. Chr. siegten die Athener, im 6. Jahrhundert v. Chr. auch.",
    "In den 1990er Jahren und den 80er-Jahren wuchs die Stadt; in den 20ern nicht.",
    "Jeden Montag trifft sich der Kreis, täglich kommen Briefe, wöchentlich ein Paket, montags Post.",
    "Mitte des Jahres, Ende des Monats und Anfang März 2024 wird gezahlt.",
    "Vergangene Woche und in der kommenden Woche, am letzten Wochenende und am nächsten Wochenende.",
    "Am Freitag, den 5. Mai 2023, und am Samstag, 6. Mai, wurde gewählt.",
    "Die Jahre 2014 bis 2016 sowie 1914–1918 gelten als Einschnitt; 2024-03-05 steht im Protokoll.",
    "Die Bilanz vom 1.9.39 und die Meldung vom 3.10. liegen vor, Seite 12 und Art. 5 ebenso.",
    "Mehrere Wochen, einige Tage, wenige Stunden und viele Jahre vergingen.",
    "In den folgenden Tagen und den nächsten drei Monaten; zwei aufeinanderfolgende Jahre.",
    "Der Ausschuss tagte am 3.\nMärz 2024, die Nachricht kam am 4.  April.",
    "ÜBERMORGEN und HEUTE stehen hier in Großbuchstaben, Übermorgen und Heute nicht.",
    "Die Zahl 12345678 und die Nummer 20251203 sind keine Daten, 3,5 Tage aber eine Dauer.",
    "Am Morgen des 12. Oktober 2025 und in den Abendstunden des 13. Oktober fiel Schnee.",
    "Kurz darauf, wenig später und nach kurzer Zeit kam die Antwort; Tage später auch.",
    "Im selben Monat, im Folgemonat und im vergangenen Monat wurde gezählt.",
    "Die Sitzung am 20. Januar dieses Jahres und am 4. Mai des Vorjahres waren öffentlich.",
    "Um Mitternacht und zur Mittagszeit schlägt die Glocke; mittags ist es ruhig.",
    "Ein Text ohne jede Zeitangabe, nur mit Wörtern wie Tagung, Jahrmarkt und Montage.",
    "„Am Montag“, sagte sie, „kommen wir (seit 2019 jedes Jahr) wieder.“ Kam sie? Ja: 2020/21!",
    "Vom 3.–5. Mai, am 1. Mai! Im Mai? Bis Juni; ab Juli: täglich (außer sonntags).",
    "(2024)",
    "Mai",
    "«Heute» und »morgen« – so die Zusage – gelten; 12.30 Uhr/13 Uhr, 5-Jahres-Plan.",
    "Drei Tage, vier Wochen. Zwei Jahre, ein Monat; fünf Stunden: eine Minute!",
];

#[test]
fn fast_candidates_equal_exhaustive_ones() {
    for lang in ["de", "en"] {
        let g = grammar(lang).expect("resources compile");
        let joined = VARIED.join(" ");
        for text in VARIED.iter().copied().chain([joined.as_str()]) {
            assert_eq!(
                g.candidates(text),
                g.candidates_exhaustive(text),
                "{lang}: {text:?}"
            );
        }
    }
    let g = grammar("de").expect("German resources compile");
    let found: usize = VARIED.iter().map(|t| g.candidates(t).len()).sum();
    assert!(
        found > 80,
        "the sentences should hold many expressions: {found}"
    );
}

#[test]
fn rule_skipping_holds_for_any_grammar() {
    // Rules with and without literals, optional parts, a case-insensitive group, and rules
    // that can (`:`) or cannot (`.`, `,`) match punctuation next to their matches.
    let g = Grammar::new(Resources {
        macros: "num = [0-9]+|zwei|drei\nunit = Tag|Tage|Woche|Wochen",
        norm: "[normNum]\nzwei = 2\ndrei = 3",
        rules: "DURATION d: (?:(?:fast|rund)\\s+)?(%num)\\s+(?:%unit) => P%normNum(1)D\n\
                DATE y: (?i:im\\s+jahr)\\s+([0-9]{4}) => $1\n\
                DATE n: [0-9]{2}:[0-9]{2} => X",
        cues: "",
    })
    .expect("test grammar compiles");
    for text in [
        "Es dauerte fast zwei Wochen, IM JAHR 2020 rund 3 Tage, um 12:30 nichts.",
        "Keine Angabe hier.",
        "drei Tage",
        "Im Jahr\n1999 und 23:59",
        "(rund 3 Tage), „zwei Wochen“; 12:30.",
        "drei Tage. Im Jahr 2000, 11:11",
        "3 Tage,4 Wochen.",
    ] {
        assert_eq!(
            g.candidates(text),
            g.candidates_exhaustive(text),
            "{text:?}"
        );
    }
    assert_eq!(g.candidates("Im Jahr 1999 dauerte es drei Tage").len(), 2);
}

#[test]
fn lowercasing_without_allocation_agrees() {
    let g = grammar("de").expect("German resources compile");
    // Cue words in capitals, with umlauts and in plain lowercase.
    assert_eq!(g.passage_tense("Er SAGTE, dass es regnete."), Tense::Past);
    assert_eq!(g.passage_tense("Sie WIRD morgen sprechen."), Tense::Unknown);
    for w in ["Größe", "ÄRA", "straße", "Haus", "haus", "ÜBER", "x"] {
        let mut buf = String::new();
        assert_eq!(engine::lowercase(w, &mut buf), w.to_lowercase(), "{w}");
    }
}

#[test]
fn a_perfect_with_sein_points_back_and_a_copula_does_not() {
    // 2026-11-20: the nearest March is ahead, the March of this year behind
    let t = "Die Anlage ist im März ausgefallen.";
    assert_eq!(value_of(t, Some("2026-11-20"), "März"), "2026-03");
    let t = "Die Anlage sei zweimal ausgefallen, einmal im März und einmal im Juli.";
    assert_eq!(value_of(t, Some("2026-11-20"), "März"), "2026-03");
    let t = "Die nächste Rate ist im März fällig.";
    assert_eq!(value_of(t, Some("2026-11-20"), "März"), "2027-03");
}

#[test]
fn the_same_evening_is_that_of_the_last_day_named() {
    // a season named in between does not take the day's place, nor does the day of writing
    let t = "Ingenieure hatten am Montag, dem 7. September, Risse entdeckt. Die Prüfung war \
             angesetzt worden, nachdem Sensoren im Frühjahr Verformungen registriert hatten. \
             Noch am selben Abend wurde die Brücke gesperrt.";
    assert_eq!(
        value_of(t, Some("2026-09-09"), "am selben Abend"),
        "2026-09-07TEV"
    );
    // with no day named before, a time of day after a coarse date is on the day of writing
    let t = "Die Wahl vor fünf Jahren hatte er verloren. Um 19 Uhr trat er vor die Presse.";
    assert!(value_of(t, Some("2026-09-09"), "19 Uhr").starts_with("2026-09-09T19"));
}

#[test]
fn datelines() {
    let cut = |t: &str| {
        let n = dateline_chars(t);
        t.chars().skip(n).collect::<String>()
    };
    assert_eq!(
        cut("Kelsdorf (dpa) - Die Fähre über die Lenne fährt wieder."),
        "Die Fähre über die Lenne fährt wieder."
    );
    assert_eq!(
        cut("Kelsdorf (dpa/lno) – „Wir sind erleichtert“, sagte der Bürgermeister."),
        "„Wir sind erleichtert“, sagte der Bürgermeister."
    );
    assert_eq!(
        cut("GRÜNBACH - Der Gemeinderat tagt am Montag."),
        "Der Gemeinderat tagt am Montag."
    );
    assert_eq!(
        cut("HARTFIELD, March 4 (Wirenews) - The council met on Monday."),
        "The council met on Monday."
    );
    // a live ticker's time stamp
    assert_eq!(
        cut("07:30 GMT – The first power cuts are coming in."),
        "The first power cuts are coming in."
    );
    assert_eq!(
        cut("11.40 Uhr: Die Feuerwehr meldet 20 Einsätze."),
        "Die Feuerwehr meldet 20 Einsätze."
    );
    assert_eq!(
        cut("18:35 – „Wir sind da“, sagt sie."),
        "„Wir sind da“, sagt sie."
    );
    for t in [
        "11.40 Uhr hat es geregnet.",
        "11.40 – und dann.",
        "1.200 - Die Zahl.",
    ] {
        assert_eq!(dateline_chars(t), 0, "{t}");
    }
    // no dateline: a dash inside the sentence, lower case after the dash, too many words
    for t in [
        "Die Fähre - so die Stadt - fährt wieder.",
        "Kelsdorf (dpa) - und weiter geht es.",
        "Die Stadt Kelsdorf an der Lenne hat nach langer Pause (seit 2019) - Die Fähre.",
        "Der Gemeinderat tagt.",
        "",
    ] {
        assert_eq!(dateline_chars(t), 0, "{t}");
    }
}
