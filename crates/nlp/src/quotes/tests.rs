//! Tests with German sentences written for the project.

use super::*;
use lagebild_model::{Article, Entity, Mention, Span};

fn doc(text: &str) -> AnnotatedArticle {
    AnnotatedArticle {
        article: Article {
            text: text.to_string(),
            language: "de".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn run(text: &str) -> Vec<Quote> {
    find_quotes(&doc(text))
}

/// The quote whose text is exactly `text`.
fn find<'a>(qs: &'a [Quote], text: &str) -> &'a Quote {
    qs.iter()
        .find(|q| q.text == text)
        .unwrap_or_else(|| panic!("no quote {text:?} in {qs:#?}"))
}

/// A German article run through the whole pipeline (entities and times included).
fn annotated(text: &str) -> AnnotatedArticle {
    crate::annotate(Article {
        text: text.into(),
        language: "de".into(),
        ..Default::default()
    })
}

fn speaker(q: &Quote) -> &str {
    q.speaker.as_deref().unwrap_or("")
}

#[test]
fn direct_with_frame_after() {
    let qs = run("„Wir haben lange gesprochen“, sagte die Ministerin am Abend.");
    assert_eq!(qs.len(), 1);
    let q = &qs[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.text, "Wir haben lange gesprochen");
    assert_eq!(speaker(q), "Ministerin");
    assert_eq!(q.cue.as_deref(), Some("sagte"));
    // Spans are char offsets without the marks.
    assert_eq!(q.span, Span::new(1, 27));
}

#[test]
fn direct_with_colon_frame() {
    let qs = run("Die Bürgermeisterin erklärte: „Wir bleiben bei unserem Plan.“");
    let q = find(&qs, "Wir bleiben bei unserem Plan.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "Bürgermeisterin");
}

#[test]
fn every_mark_style() {
    for (open, close) in [
        ("„", "“"),
        ("\"", "\""),
        ("»", "«"),
        ("«", "»"),
        ("‚", "‘"),
        ("“", "”"),
    ] {
        let text = format!("{open}Der Deich hält noch{close}, sagte der Landrat.");
        let qs = run(&text);
        let q = find(&qs, "Der Deich hält noch");
        assert_eq!(speaker(q), "Landrat", "{open}…{close}");
    }
}

#[test]
fn nested_quote_stays_inside() {
    let qs = run("„Er nannte den Entwurf ‚unausgegoren‘ und ging“, sagte die Sprecherin.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "Er nannte den Entwurf ‚unausgegoren‘ und ging");
}

#[test]
fn quote_split_by_its_frame() {
    let qs = run("„Das war ein guter Tag“, sagte Lena Vogt. „Morgen geht die Arbeit weiter.“");
    assert_eq!(speaker(find(&qs, "Das war ein guter Tag")), "Lena Vogt");
    assert_eq!(
        speaker(find(&qs, "Morgen geht die Arbeit weiter.")),
        "Lena Vogt"
    );
}

#[test]
fn quote_over_two_paragraphs() {
    let text = "Der Trainer sagte: „Wir haben gut gespielt.\n\n„Am Ende fehlte uns das Glück.“\n\nDas Spiel endete 1:1.";
    let qs = run(text);
    let q = find(
        &qs,
        "Wir haben gut gespielt.\n\n„Am Ende fehlte uns das Glück.",
    );
    assert_eq!(speaker(q), "Trainer");
}

#[test]
fn pull_quote_with_speaker_below() {
    let text = "„Die Lage an der Grenze bleibt angespannt“\nKarl Brandt, Sprecher des Grenzschutzes\n\nDie Behörden verstärken die Kontrollen.";
    let qs = run(text);
    let q = find(&qs, "Die Lage an der Grenze bleibt angespannt");
    assert_eq!(speaker(q), "Karl Brandt");
}

#[test]
fn scare_quote_with_cue_and_reported_act() {
    let qs = run("Die Gewerkschaft nannte das Angebot der Arbeitgeber „enttäuschend“.");
    let q = find(&qs, "enttäuschend");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "Gewerkschaft");
    let r = qs
        .iter()
        .find(|q| q.kind == QuoteKind::Reported)
        .expect("reported");
    assert_eq!(speaker(r), "Gewerkschaft");
    assert_eq!(r.cue.as_deref(), Some("nannte"));
}

#[test]
fn names_in_quotes_are_not_speech() {
    let qs = run("Das Schiff „Nordlicht“ lief am Morgen aus.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn indirect_frame_after() {
    let qs = run("Es gebe noch viel zu tun, sagte der Sprecher des Ministeriums.");
    let q = find(&qs, "Es gebe noch viel zu tun");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Sprecher des Ministeriums");
}

#[test]
fn indirect_frame_before() {
    let qs = run("Der Sprecher sagte, es gebe noch viel zu tun.");
    let q = find(&qs, "es gebe noch viel zu tun");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Sprecher");
}

#[test]
fn dass_clause_after_particle_verb() {
    let qs = run("Die Polizei teilte am Sonntag mit, dass zwei Männer festgenommen worden seien.");
    let q = find(&qs, "dass zwei Männer festgenommen worden seien");
    assert_eq!(speaker(q), "Polizei");
    assert_eq!(q.cue.as_deref(), Some("teilte mit"));
}

#[test]
fn run_on_konjunktiv_goes_to_last_speaker() {
    let text = "Der Bürgermeister sagte, die Brücke sei marode. Sie müsse bald gesperrt werden. Das Geld dafür fehle seit Jahren.\n\nDer Verkehr rollt weiter.";
    let qs = run(text);
    let first = find(&qs, "die Brücke sei marode");
    assert_eq!(speaker(first), "Bürgermeister");
    let run_on = find(
        &qs,
        "Sie müsse bald gesperrt werden. Das Geld dafür fehle seit Jahren",
    );
    assert_eq!(run_on.kind, QuoteKind::Indirect);
    assert_eq!(speaker(run_on), "Bürgermeister");
    assert!(qs.iter().all(|q| !q.text.contains("Verkehr")));
}

#[test]
fn konjunktiv_two_stands_in() {
    let qs = run("Die Händler erklärten, die Kunden würden weniger kaufen.");
    assert_eq!(
        speaker(find(&qs, "die Kunden würden weniger kaufen")),
        "Händler"
    );
}

#[test]
fn reported_speech_act() {
    let qs = run("Die Ministerin lehnte die Vorschläge der Opposition ab.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Ministerin");
    assert_eq!(qs[0].cue.as_deref(), Some("lehnte ab"));
}

#[test]
fn attribution_phrases() {
    let cases = [
        (
            "Laut dem Innenministerium wurden drei Gebäude beschädigt.",
            "Innenministerium",
            "laut",
        ),
        (
            "Dem Bericht zufolge stiegen die Preise im Herbst deutlich.",
            "Bericht",
            "zufolge",
        ),
        (
            "Nach Angaben der Feuerwehr brach das Feuer am Morgen aus.",
            "Feuerwehr",
            "nach",
        ),
        ("Die Lage sei ernst, so der Landrat.", "Landrat", "so"),
        (
            "Man sei zufrieden, hieß es aus dem Rathaus.",
            "Rathaus",
            "hieß es",
        ),
        (
            "Wie die Stadtwerke mitteilten, fällt der Strom am Montag aus.",
            "Stadtwerke",
            "mitteilten",
        ),
    ];
    for (text, sp, cue) in cases {
        let qs = run(text);
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .unwrap_or_else(|| panic!("{text}: {qs:#?}"));
        assert!(speaker(q).contains(sp), "{text}: {q:#?}");
        assert!(
            q.cue.as_deref().is_some_and(|c| c.contains(cue)),
            "{text}: {q:#?}"
        );
        assert!(!q.text.contains(sp), "{text}: frame left in {:?}", q.text);
    }
}

#[test]
fn nach_eigenen_angaben_is_the_subject() {
    let qs = run("Die Firma hat nach eigenen Angaben hundert Stellen geschaffen.");
    assert_eq!(speaker(&qs[0]), "Firma");
}

#[test]
fn description_and_role_speakers() {
    let qs = run("Ein hochrangiger Nato-Vertreter sagte, das Bündnis sei geeint.");
    assert_eq!(
        speaker(find(&qs, "das Bündnis sei geeint")),
        "Ein hochrangiger Nato-Vertreter"
    );
    let qs = run("Es gebe keine Eile, sagte Merkels außenpolitischer Berater Jan Roth.");
    assert_eq!(
        speaker(find(&qs, "Es gebe keine Eile")),
        "Merkels außenpolitischer Berater Jan Roth"
    );
}

#[test]
fn speaker_linked_to_person_entity() {
    let text = "Anna Berg leitet das Amt seit Mai. „Wir sind vorbereitet“, sagte Berg. Später sagte sie, es gebe genug Personal.";
    let mut d = doc(text);
    let mention = |s: usize, e: usize| Mention {
        span: Span::new(s, e),
        kind: MentionKind::Name,
    };
    let berg = text
        .find("Berg. ")
        .map(|b| text[..b].chars().count())
        .unwrap_or(0);
    d.entities.push(Entity {
        name: "Anna Berg".into(),
        kind: EntityType::Per,
        aliases: vec!["Berg".into()],
        roles: vec![],
        mentions: vec![mention(0, 9), mention(berg, berg + 4)],
    });
    let qs = find_quotes(&d);
    let q = find(&qs, "Wir sind vorbereitet");
    assert_eq!(speaker(q), "Anna Berg");
    assert_eq!(q.speaker_entity, Some(0));
    // The pronoun goes to the same person.
    let q = find(&qs, "es gebe genug Personal");
    assert_eq!(speaker(q), "Anna Berg");
}

#[test]
fn epistemic_flags() {
    let qs = run("Der Konzern bestritt die Vorwürfe der Behörde.");
    assert_eq!(qs[0].epistemic, Epistemic::Denied);
    let text =
        "Der Anwalt sagte, sein Mandant sei unschuldig. Der Zeuge soll den Täter gekannt haben.";
    let qs = run(text);
    let q = find(&qs, "Der Zeuge soll den Täter gekannt haben");
    assert_eq!(q.epistemic, Epistemic::Hedged);
    assert_eq!(
        find(&qs, "sein Mandant sei unschuldig").epistemic,
        Epistemic::Attributed
    );
    // `soll` of a plan or of advice is no hearsay, and `Wohl` is a noun
    let text = "Das Urteil soll am Freitag verkündet werden, sagte ein Gerichtssprecher. \
                Kunden sollen den Käse nicht essen, teilte das Amt mit. \
                Der Bürgermeister sagte, er handle zum Wohl der Stadt.";
    let qs = run(text);
    for words in [
        "Das Urteil soll am Freitag verkündet werden",
        "Kunden sollen den Käse nicht essen",
        "er handle zum Wohl der Stadt",
    ] {
        assert_eq!(find(&qs, words).epistemic, Epistemic::Attributed, "{words}");
    }
    // hearsay about something done, also in the passive
    let qs = run("Die Anleger sollen um ihr Geld gebracht worden sein, sagte die Anklägerin.");
    assert_eq!(
        find(&qs, "Die Anleger sollen um ihr Geld gebracht worden sein").epistemic,
        Epistemic::Hedged
    );
}

#[test]
fn plain_narration_has_no_quotes() {
    let text = "Am Dienstag regnete es in Hamburg. Die Elbe stieg um einen Meter. Viele Keller liefen voll.";
    assert!(run(text).is_empty());
}

#[test]
fn spans_match_texts() {
    let text = "Überall „gibt es Ärger“, sagte Jörg Maß. Die Lage sei schwierig, so der Verband.";
    for q in run(text) {
        assert_eq!(lagebild_model::slice_chars(text, q.span), q.text);
    }
}

#[test]
fn apposition_subject_of_a_perfect_tense_cue() {
    let qs = run("Der Sprecher der Stadtwerke in Kiel, Jan Ohm, hat am Montag erklärt, dass die Preise steigen würden.");
    let q = find(&qs, "dass die Preise steigen würden");
    assert_eq!(speaker(q), "Jan Ohm");
    assert_eq!(q.cue.as_deref(), Some("erklärt"));
}

#[test]
fn anaphoric_frame_takes_previous_sentence() {
    let qs =
        run("Die Brücke bleibt bis Ostern gesperrt. Dies bestätigte der Bürgermeister am Montag.");
    let q = find(&qs, "Die Brücke bleibt bis Ostern gesperrt");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Bürgermeister");
    assert_eq!(q.cue.as_deref(), Some("bestätigte"));
}

#[test]
fn demnach_continues_last_source() {
    let qs = run(
        "Das Amt legte am Freitag einen Bericht vor. Er sagte, die Lage sei ernst. \
         Demnach fehlen im Land rund zweitausend Lehrkräfte.",
    );
    let q = find(&qs, "fehlen im Land rund zweitausend Lehrkräfte");
    assert_eq!(q.cue.as_deref(), Some("demnach"));
    assert!(q.speaker.is_some());
}

#[test]
fn frame_without_subject_takes_first_phrase() {
    let qs = run("In einem Bericht der Stiftung wurde vermutet, die Zahl der Fälle sei höher.");
    let q = find(&qs, "die Zahl der Fälle sei höher");
    assert!(speaker(q).contains("Stiftung"), "{q:#?}");
}

#[test]
fn role_phrase_keeps_its_wording_and_link() {
    let text = "Anna Berg leitet das Amt. Die Ministerin sagte, es gebe genug Personal.";
    let mut d = doc(text);
    let role = text
        .find("Ministerin")
        .map(|b| text[..b].chars().count())
        .unwrap_or(0);
    d.entities.push(Entity {
        name: "Anna Berg".into(),
        kind: EntityType::Per,
        aliases: vec![],
        roles: vec![],
        mentions: vec![
            Mention {
                span: Span::new(0, 9),
                kind: MentionKind::Name,
            },
            Mention {
                span: Span::new(role, role + 10),
                kind: MentionKind::Name,
            },
        ],
    });
    let qs = find_quotes(&d);
    let q = find(&qs, "es gebe genug Personal");
    assert_eq!(speaker(q), "Ministerin Anna Berg");
    assert_eq!(q.speaker_entity, Some(0));
}

#[test]
fn nach_source_without_named_author() {
    let qs = run("Nach einer neuen Studie schlafen Schulkinder zu wenig.");
    let q = find(&qs, "schlafen Schulkinder zu wenig");
    assert_eq!(speaker(q), "einer neuen Studie");
    let qs = run("Nach Zeugenaussagen floh der Fahrer in einem grauen Wagen.");
    let q = find(&qs, "floh der Fahrer in einem grauen Wagen");
    assert_eq!(speaker(q), "Zeugenaussagen");
}

#[test]
fn laut_with_web_address_or_quoted_title() {
    let qs = run("Laut „Abendblatt“ wird die Fähre im Mai wieder fahren.");
    let q = find(&qs, "wird die Fähre im Mai wieder fahren");
    assert!(speaker(q).contains("Abendblatt"), "{q:#?}");
    let qs = run("Laut beispiel-zeitung.de wird die Fähre im Mai wieder fahren.");
    let q = find(&qs, "wird die Fähre im Mai wieder fahren");
    assert_eq!(speaker(q), "beispiel-zeitung.de");
}

#[test]
fn adverb_between_subject_and_cue() {
    let qs = run("Die Feuerwehr hingegen sprach von einem technischen Defekt.");
    assert_eq!(qs.len(), 1);
    assert_eq!(speaker(&qs[0]), "Feuerwehr");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
}

#[test]
fn content_ends_before_coordinated_verb_and_colon_quote() {
    let qs = run(
        "Der Trainer sagte, die Mannschaft sei gut vorbereitet und verwies auf die Ergebnisse.",
    );
    find(&qs, "die Mannschaft sei gut vorbereitet");
    let qs = run("Die Ärztin sagte, die Lage sei ernst: „Wir brauchen mehr Betten.“");
    find(&qs, "die Lage sei ernst");
    find(&qs, "Wir brauchen mehr Betten.");
}

#[test]
fn konjunktiv_sentence_before_its_cue_inside_a_paragraph() {
    let text = "Der Bürgermeister sprach lange über den Haushalt. Die Kasse sei leer. \
                Man müsse sparen, sagte die Kämmerin.";
    let qs = run(text);
    let q = find(&qs, "Die Kasse sei leer");
    assert_eq!(speaker(q), "Kämmerin");
}

#[test]
fn quoted_names_in_a_frame_are_not_speech() {
    let qs = run("Der Sprecher sagte, die „Neue Rundschau am Abend“ erscheine weiter.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Direct), "{qs:#?}");
    find(&qs, "die „Neue Rundschau am Abend“ erscheine weiter");
    let qs = run("Der Sprecher sagte, es gebe „keinen Grund zur Sorge“.");
    find(&qs, "keinen Grund zur Sorge");
}

#[test]
fn opening_adverb_is_no_speaker_and_bare_speech_act_is_no_quote() {
    let qs = run("Unterdessen forderte die Gewerkschaft eine Untersuchung des Unfalls.");
    assert_eq!(qs.len(), 1);
    assert_eq!(speaker(&qs[0]), "Gewerkschaft");
    let qs = run("Der Hafen war gesperrt. Die Zeitung berichtete.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Reported), "{qs:#?}");
}

/// An annotated article with person entities: each `(name, surface)` marks every occurrence
/// of `surface` as a mention of `name`.
fn doc_with_persons(text: &str, persons: &[(&str, &[&str])]) -> AnnotatedArticle {
    let mut d = doc(text);
    for (name, surfaces) in persons {
        let mut mentions = Vec::new();
        for s in *surfaces {
            for (b, _) in text.match_indices(s) {
                let start = text[..b].chars().count();
                mentions.push(Mention {
                    span: Span::new(start, start + s.chars().count()),
                    kind: MentionKind::Name,
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        d.entities.push(Entity {
            name: name.to_string(),
            kind: EntityType::Per,
            aliases: vec![],
            roles: vec![],
            mentions,
        });
    }
    d
}

#[test]
fn plain_clause_before_a_closing_frame() {
    // Indicative content, frame after it with a dative addressee.
    let qs = run("Danach wollen die Gutachter erneut über die Brücke beraten, sagte der Landrat regionalen Zeitungen.");
    let q = find(
        &qs,
        "Danach wollen die Gutachter erneut über die Brücke beraten",
    );
    assert_eq!(speaker(q), "Landrat");
    // An object after the verb makes it narration, not a frame.
    let qs = run("Obwohl die Spuren eindeutig waren, bestritt er eine Beteiligung.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Indirect), "{qs:#?}");
}

#[test]
fn subordinate_frame_before_content() {
    let text = "Die Lage blieb unklar, auch wenn die Bürgermeisterin Jana Roth am Abend sagte, sie warte auf neue Messwerte.";
    let d = doc_with_persons(text, &[("Jana Roth", &["Jana Roth"])]);
    let qs = find_quotes(&d);
    let q = find(&qs, "sie warte auf neue Messwerte");
    assert_eq!(speaker(q), "Jana Roth");
    // `Als Beispiel nannte X …` is a main clause, not an `als` clause.
    let qs = run("Als Beispiel nannte der Verband die neuen Regeln für Mieter.");
    assert!(qs.iter().all(|q| speaker(q) != "Beispiel"), "{qs:#?}");
}

#[test]
fn two_frames_in_one_sentence() {
    let qs = run("Der Bürgermeister sagte, die Stadt habe genug Geld, während die Kämmerin erklärte, der Haushalt sei längst erschöpft.");
    assert_eq!(
        speaker(find(&qs, "die Stadt habe genug Geld")),
        "Bürgermeister"
    );
    assert_eq!(
        speaker(find(&qs, "der Haushalt sei längst erschöpft")),
        "Kämmerin"
    );
    let qs = run("Während die Trainerin erklärte, sehr zufrieden zu sein, räumte der Kapitän ein, die Abwehr habe Fehler gemacht.");
    assert_eq!(speaker(find(&qs, "sehr zufrieden zu sein")), "Trainerin");
    assert_eq!(
        speaker(find(&qs, "die Abwehr habe Fehler gemacht")),
        "Kapitän"
    );
    // A relative clause after an `indem` clause is no new frame.
    let qs = run("Die Ministerin sagte, die Nachbarn störten die Gespräche, indem sie Ideen vorschlugen, die völlig untauglich seien.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Ministerin");
}

#[test]
fn role_only_speaker_is_the_person_holding_the_role() {
    let text = "Am Tisch saß auch der Regierungsberater Tomas Lind. Später hieß es, man sei sich nähergekommen.\n\nDer Berater erklärte, es sei Stillschweigen vereinbart worden.";
    let d = doc_with_persons(text, &[("Tomas Lind", &["Tomas Lind"])]);
    let qs = find_quotes(&d);
    let q = find(&qs, "es sei Stillschweigen vereinbart worden");
    assert_eq!(speaker(q), "Berater Tomas Lind");
    assert_eq!(q.speaker_entity, Some(0));
    // The apposition after a name introduces the role too.
    let text = "Es sprach Tomas Lind, wirtschaftspolitischer Berater der Kanzlerin. Der Berater sagte, die Zahlen seien gut.";
    let d = doc_with_persons(text, &[("Tomas Lind", &["Tomas Lind"])]);
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "die Zahlen seien gut")),
        "Berater Tomas Lind"
    );
    // A role with its own genitive tail is not resolved to someone else.
    let text = "Es sprach Trainer Tomas Lind. Der Trainer der Gäste sagte, das Spiel sei verloren.";
    let d = doc_with_persons(text, &[("Tomas Lind", &["Tomas Lind"])]);
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "das Spiel sei verloren")),
        "Trainer der Gäste"
    );
}

#[test]
fn indicative_sentence_between_reported_speech() {
    let text = "Die Kosten seien tragbar, erklärte die Kämmerin im Rat. Manche Posten passten aber nicht in den Plan. Die Beratung werde fortgesetzt.";
    let qs = run(text);
    let q = find(&qs, "Manche Posten passten aber nicht in den Plan");
    assert_eq!(speaker(q), "Kämmerin");
    // Narration with an auxiliary stays narration.
    let text = "Die Kosten seien tragbar, erklärte die Kämmerin im Rat. Danach hat der Rat lange beraten. Die Beratung werde fortgesetzt.";
    let qs = run(text);
    assert!(
        qs.iter().all(|q| !q.text.contains("lange beraten")),
        "{qs:#?}"
    );
}

#[test]
fn pull_quote_without_marks() {
    let text = "Die Gespräche dauerten bis in die Nacht.\n\nWir haben über vieles gesprochen, aber unsere Bedenken bleiben bestehen.\n\nTomas Lind, Berater des Ministers\n\nAm Morgen reisten die Gäste ab.";
    let d = doc_with_persons(text, &[("Tomas Lind", &["Tomas Lind"])]);
    let qs = find_quotes(&d);
    let q = find(
        &qs,
        "Wir haben über vieles gesprochen, aber unsere Bedenken bleiben bestehen",
    );
    assert_eq!(speaker(q), "Tomas Lind");
    assert_eq!(q.kind, QuoteKind::Direct);
    // Without the first person it is a caption, not speech.
    let text = "Die Gespräche dauerten bis in die Nacht und endeten ohne Ergebnis.\n\nTomas Lind, Berater des Ministers";
    let d = doc_with_persons(text, &[("Tomas Lind", &["Tomas Lind"])]);
    assert!(find_quotes(&d).is_empty());
}

#[test]
fn speech_nouns_as_cues() {
    let qs = run("Die Forderung der Opposition, den Etat um zehn Prozent zu kürzen, lehnte die Regierung ab.");
    let q = find(&qs, "den Etat um zehn Prozent zu kürzen");
    assert_eq!(speaker(q), "Opposition");
    assert_eq!(q.cue.as_deref(), Some("Forderung"));
    let qs = run(
        "Die Gewerkschaft wiederholte am Montag den Vorwurf, die Firma habe Löhne zurückgehalten.",
    );
    assert_eq!(
        speaker(find(&qs, "die Firma habe Löhne zurückgehalten")),
        "Gewerkschaft"
    );
    let qs = run("Kritik an den neuen Gebühren kam vom Verband der Mieter.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Verband der Mieter");
    let qs = run("Die Bürgerinitiative übte scharfe Kritik an den Plänen der Stadt.");
    assert_eq!(speaker(&qs[0]), "Bürgerinitiative");
    // Compliance, not speech; a noun without content or speaker is nothing.
    assert!(run("Damit kam die Stadt den Forderungen der Anwohner nach.").is_empty());
    assert!(run("Die Kritik an der Reform wächst seit Wochen.").is_empty());
}

#[test]
fn reported_act_in_the_perfect_tense() {
    let qs = run("Die Partei hat die Vorwürfe des Verbandes entschieden zurückgewiesen.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Partei");
    assert_eq!(qs[0].epistemic, Epistemic::Denied);
}

#[test]
fn source_phrases_inside_reported_speech() {
    // `nach bisherigen Erkenntnissen` names no source: the words stay the speaker's.
    let text = "„Das Wasser kam sehr schnell“, sagte der Wehrleiter. Die Helfer hätten bis zum Morgen gepumpt. Ertrunken sei nach bisherigen Erkenntnissen niemand.";
    let qs = run(text);
    let q = find(&qs, "Ertrunken sei nach bisherigen Erkenntnissen niemand");
    assert_eq!(speaker(q), "Wehrleiter");
    assert_eq!(
        speaker(find(&qs, "Die Helfer hätten bis zum Morgen gepumpt")),
        "Wehrleiter"
    );
    // A source kind stays the source.
    let qs = run("Der Damm hielt nach Medienberichten bis zum Abend.");
    assert_eq!(speaker(&qs[0]), "Medienberichten");
}

#[test]
fn konjunktiv_clause_with_a_participle_is_content_not_frame() {
    let text = "Die Bürgermeisterin widersprach. Das Gutachten habe keine Gefahr beschrieben, sagte sie am Mittwoch.";
    let qs = run(text);
    let q = find(&qs, "Das Gutachten habe keine Gefahr beschrieben");
    assert_eq!(speaker(q), "Bürgermeisterin");
    assert_eq!(q.cue.as_deref(), Some("sagte"));
}

fn run_en(text: &str) -> Vec<Quote> {
    let mut d = doc(text);
    d.article.language = "en".into();
    find_quotes(&d)
}

#[test]
fn english_direct_and_indirect() {
    let qs = run_en(
        "\"We will rebuild the bridge,\" the mayor said on Tuesday. \"It will take a year.\"",
    );
    assert_eq!(speaker(find(&qs, "We will rebuild the bridge,")), "mayor");
    assert_eq!(speaker(find(&qs, "It will take a year.")), "mayor");
    let qs = run_en("“The levee held,” said Maria Lopez, the county engineer.");
    assert_eq!(speaker(find(&qs, "The levee held,")), "Maria Lopez");
    let qs = run_en("Tom Reed told reporters that the water was falling.");
    let q = find(&qs, "the water was falling");
    assert_eq!(speaker(q), "Tom Reed");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.as_deref(), Some("told"));
    // a live blog's time stamp is no part of what was said
    let qs = run_en("11:20 GMT – A gust of 94mph has been recorded at Boulmer, the agency says.");
    find(&qs, "A gust of 94mph has been recorded at Boulmer");
    let qs = run_en("The dam is safe, according to the state agency.");
    assert_eq!(speaker(find(&qs, "The dam is safe")), "state agency");
    // a speech verb's form ending the source is a noun
    let qs = run_en("The firm employs 1,800 people, according to its annual report.");
    assert_eq!(
        speaker(find(&qs, "The firm employs 1,800 people")),
        "its annual report"
    );
    let qs = run_en(
        "According to two officials familiar with the talks, the fund could pay half the cost.",
    );
    assert_eq!(
        speaker(find(&qs, "the fund could pay half the cost")),
        "two officials familiar with the talks"
    );
    let qs = run_en("Jane Doe said: \"We are ready.\" She denied that the plan had failed.");
    assert_eq!(speaker(find(&qs, "We are ready.")), "Jane Doe");
    let q = find(&qs, "the plan had failed");
    assert_eq!(speaker(q), "Jane Doe");
    assert_eq!(q.epistemic, Epistemic::Denied);
    // Plain narration and titles are no quotes; German rules do not run on English text.
    assert!(run_en("The river rose by two metres overnight.").is_empty());
    assert!(run_en("She watched \"Titanic\" again.").is_empty());
}

#[test]
fn english_clauses_without_that_and_subjects_with_appositions() {
    let qs = run_en(
        "The water reached its highest level in years, the port authority said on Wednesday.",
    );
    assert_eq!(
        speaker(find(&qs, "The water reached its highest level in years")),
        "port authority"
    );
    let qs = run_en("Gareth Lloyd said talks with the company had broken down after two meetings.");
    let q = find(
        &qs,
        "talks with the company had broken down after two meetings",
    );
    assert_eq!(speaker(q), "Gareth Lloyd");
    assert_eq!(q.kind, QuoteKind::Indirect);
    let qs = run_en(
        "The council's finance director, Priya Nandakumar, said the repairs cost two million pounds.",
    );
    assert_eq!(
        speaker(find(&qs, "the repairs cost two million pounds")),
        "Priya Nandakumar"
    );
    let qs = run_en(
        "Tom Okafor, the agency's regional director, said the river would fall over three days.",
    );
    assert_eq!(
        speaker(find(&qs, "the river would fall over three days")),
        "Tom Okafor"
    );
    let qs =
        run_en("Hale, who took over the mill in 2023, said the plant had lost money for years.");
    assert_eq!(
        speaker(find(&qs, "the plant had lost money for years")),
        "Hale"
    );
    let qs =
        run_en("The minister will visit the port on Friday, a spokesman for Harbour House said.");
    assert_eq!(
        speaker(find(&qs, "The minister will visit the port on Friday")),
        "spokesman for Harbour House"
    );
    // a number with a separator is one word
    let qs = run_en("The mayor said about 1,200 residents had spent the night in shelters.");
    find(&qs, "about 1,200 residents had spent the night in shelters");
    // a dateline is no part of the content
    let qs = run_en(
        "KELSHAM, April 2 (Coastal Wire) - The ferry will run again from Monday, the port authority said.",
    );
    find(&qs, "The ferry will run again from Monday");
    assert!(qs.iter().all(|q| !q.text.contains("KELSHAM")), "{qs:#?}");
    // no clause: `said in a statement`, `told him`
    let qs = run_en("The minister said in a statement on Monday evening.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn object_first_and_name_particles() {
    let text = "Eine Verschiebung der Wahl bezeichnete Ole Brandt als fatal.";
    let d = doc_with_persons(text, &[("Ole Brandt", &["Ole Brandt"])]);
    let qs = find_quotes(&d);
    assert_eq!(speaker(&qs[0]), "Ole Brandt");
    // A role before the verb stays the subject.
    let text = "Die Ministerin kritisierte Ole Brandt scharf für seine Pläne.";
    let d = doc_with_persons(text, &[("Ole Brandt", &["Ole Brandt"])]);
    let qs = find_quotes(&d);
    assert_eq!(speaker(&qs[0]), "Ministerin");
    let qs =
        run("Generalsekretär Samir al Haddad sagte dazu, man wolle die Entwicklung beobachten.");
    assert_eq!(
        speaker(find(&qs, "man wolle die Entwicklung beobachten")),
        "Generalsekretär Samir al Haddad"
    );
}

#[test]
fn quoted_titles_without_a_cue_are_not_speech() {
    let qs = run("Die Ausstellung „Alte Brücken im Tal der Wehra 1900 bis 1950“ öffnet am Montag.");
    assert!(qs.is_empty(), "{qs:#?}");
    let qs = run("Das Bündnis plant die „Rente mit 70“ für alle Berufe.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Direct), "{qs:#?}");
    // A quoted sentence stays speech.
    let qs = run("„Wir geben nicht auf“, sagte die Trainerin. „Die Saison ist lang.“");
    find(&qs, "Die Saison ist lang.");
}

#[test]
fn closing_frame_wins_over_a_source_phrase_and_subject_with_tail() {
    let qs = run(
        "Die Brücke bleibt nach Angaben der Stadt zwei Wochen gesperrt, sagte die Bürgermeisterin.",
    );
    let q = find(
        &qs,
        "Die Brücke bleibt nach Angaben der Stadt zwei Wochen gesperrt",
    );
    assert_eq!(speaker(q), "Bürgermeisterin");
    let qs =
        run("Die Opposition im Stadtrat nannte das Krisenmanagement der Verwaltung chaotisch.");
    assert_eq!(speaker(&qs[0]), "Opposition");
}

#[test]
fn quoted_title_inside_the_frame_clause() {
    let qs = run(
        "Hierzu schrieb der Kolumnist Ben Ort in der „Abendpost“, die Stadt sei derzeit gespalten.",
    );
    let q = find(&qs, "die Stadt sei derzeit gespalten");
    assert_eq!(speaker(q), "Kolumnist Ben Ort");
    // `geraten` is no form of `raten` here.
    let qs = run("Die Firma war in Not geraten, so dass die Produktion ruhen musste.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn wie_clause_with_apposition_and_zu_in_names() {
    let text = "Wie Lena Hoff, eine Sprecherin der Feuerwehr, der Presse mitteilte, seien drei Dörfer geräumt worden.";
    let d = doc_with_persons(text, &[("Lena Hoff", &["Lena Hoff"])]);
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "seien drei Dörfer geräumt worden")),
        "Lena Hoff"
    );
    let text = "Moritz zu Hallstein, Obmann der Fraktion, sagte, der Antrag sei erledigt.";
    let d = doc_with_persons(text, &[("Moritz zu Hallstein", &["Moritz zu Hallstein"])]);
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "der Antrag sei erledigt")),
        "Moritz zu Hallstein"
    );
}

#[test]
fn short_quoted_phrase_right_after_speech() {
    let text = "Die Lage sei ernst, sagte die Landrätin. Sie sprach von einer „tiefen Verunsicherung“ im Ort.";
    let qs = run(text);
    assert_eq!(speaker(find(&qs, "tiefen Verunsicherung")), "Landrätin");
    // Without speech before it, a short phrase stays unattributed.
    let qs = run("Nach dem Sturm herrschte eine „tiefe Verunsicherung“ im Ort.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn content_clause_with_an_article_and_noun_content_of_a_speech_act() {
    let qs = run("Die Miliz wurde von der Regierung beschuldigt, die Anschläge verübt zu haben; diese bestritt das.");
    let q = find(&qs, "die Anschläge verübt zu haben");
    assert_eq!(speaker(q), "Regierung");
    assert_eq!(q.kind, QuoteKind::Indirect);
    let qs = run("Damals hatte das Gericht eine deutliche Mahnung an die Politik ausgesprochen, dieses Instrument nicht zu missbrauchen.");
    let q = find(&qs, "dieses Instrument nicht zu missbrauchen");
    assert_eq!(speaker(q), "Gericht");
    assert_eq!(q.cue.as_deref(), Some("Mahnung"));
}

#[test]
fn party_brackets_and_lowercase_compounds_in_speakers() {
    let qs = run(
        "Der Minister Paul Brandt (SPD) kündigte indes an, die Frage im Ausschuss anzusprechen.",
    );
    assert_eq!(
        speaker(find(&qs, "die Frage im Ausschuss anzusprechen")),
        "Minister Paul Brandt (SPD)"
    );
    let qs = run("Auch wirft der ai-Bericht den Behörden vor, Zeugen gezielt einzuschüchtern.");
    assert_eq!(
        speaker(find(&qs, "Zeugen gezielt einzuschüchtern")),
        "ai-Bericht"
    );
}

#[test]
fn quoted_titles_as_nouns_in_frames() {
    let qs =
        run("Wie die „Hilfe für Nachbarn“ heute mitteilte, werde vor allem Trinkwasser benötigt.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "„Hilfe für Nachbarn“");
    let qs = run("Dazu schrieb der Kolumnist Ben Ort in der „Abendpost aus Kassel“, die Stadt sei gespalten.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Kolumnist Ben Ort");
}

#[test]
fn odd_input_does_not_panic() {
    let odd = [
        "„ , sagte . ( ) wie , mitteilte „“ ‚ « » \" ' Der Berater erklärte, , ; : „ : sagte er:",
        "( CDU ) kündigte an ,\nwie sagte, während erklärte, Kritik kam von",
        "Wie die „ mitteilte\n, so\nlaut\nnach Angaben\nDie Forderung der , zu",
        "\"said\" , said . according to , \"\" told that",
        "X, , said the. X, who, said a b c d. , , said 1,2,3 about 1,200 a b c",
        "KELSHAM, - - said. HARTFIELD, March 4 -",
        "a spokesman for , said. the head of said the of for for",
        "",
        "„",
    ];
    for text in odd {
        let _ = run(text);
        let _ = run_en(text);
    }
}

#[test]
fn impersonal_man_is_no_speaker() {
    let qs = run("Luftbrücken nannte man damals die Versorgung aus der Luft.");
    assert!(qs.iter().all(|q| speaker(q) != "Luftbrücken"), "{qs:#?}");
}

#[test]
fn english_article_walkthrough() {
    let text = "Flood waters receded on Monday.\n\n\"We were lucky this time,\" Mayor Ann Lee told reporters. \"Next year we will build higher walls.\"\n\nThe county engineer said that the levee would be inspected. According to the weather service, more rain is expected on Friday.\n\nHe added: \"Nobody should go near the river.\"";
    let qs = run_en(text);
    assert_eq!(
        speaker(find(&qs, "We were lucky this time,")),
        "Mayor Ann Lee"
    );
    assert_eq!(
        speaker(find(&qs, "Next year we will build higher walls.")),
        "Mayor Ann Lee"
    );
    assert_eq!(
        speaker(find(&qs, "the levee would be inspected")),
        "county engineer"
    );
    assert_eq!(
        speaker(find(&qs, "more rain is expected on Friday")),
        "weather service"
    );
    assert_eq!(
        speaker(find(&qs, "Nobody should go near the river.")),
        "county engineer"
    );
}

#[test]
fn danach_and_genitive_sources() {
    let text =
        "Die Behörde berichtete am Montag über die Schäden. Danach seien drei Brücken beschädigt.";
    let qs = run(text);
    let q = find(&qs, "seien drei Brücken beschädigt");
    assert_eq!(q.cue.as_deref(), Some("danach"));
    assert_eq!(speaker(q), "Behörde");
    // The temporal `Danach` with an indicative is narration.
    let qs =
        run("Die Behörde legte am Montag ihren Bericht vor. Danach fuhr der Minister nach Hause.");
    assert!(
        qs.iter().all(|q| q.cue.as_deref() != Some("danach")),
        "{qs:#?}"
    );
    let qs = run("Nach Brandts Meinung ist die Brücke nicht mehr zu retten.");
    assert_eq!(speaker(&qs[0]), "Brandts");
}

#[test]
fn report_nouns_with_wonach() {
    let qs = run("Es gab zuletzt Berichte, wonach die Fähre schon länger defekt sei.");
    let q = find(&qs, "wonach die Fähre schon länger defekt sei");
    assert_eq!(speaker(q), "Berichte");
}

#[test]
fn so_frames_in_the_middle_and_after_dashes() {
    let qs = run("Sein Rivale, so der Kandidat weiter, erhalte Geld von Lobbygruppen.");
    assert_eq!(speaker(&qs[0]), "Kandidat");
    let qs = run("Zwei Drittel der Mittel sind unwirksam, so das Ergebnis einer Studie aus Bonn.");
    let q = find(&qs, "Zwei Drittel der Mittel sind unwirksam");
    assert_eq!(speaker(q), "Ergebnis einer Studie");
    // The content ends before a coordinated indicative verb.
    let qs = run("Vor dem Rat sagte die Ministerin, die Kassen müssten sparen und bemühte das Bild vom gemeinsamen Boot.");
    find(&qs, "die Kassen müssten sparen");
}

#[test]
fn organisation_speakers_take_the_entity_name() {
    let text = "Nach Angaben des Technischen Hilfswerks sind 300 Helfer im Einsatz.";
    let mut d = doc(text);
    let start = text
        .find("Technischen")
        .map_or(0, |b| text[..b].chars().count());
    let end = start + "Technischen Hilfswerks".chars().count();
    d.entities.push(Entity {
        name: "Technisches Hilfswerk".into(),
        kind: EntityType::Org,
        aliases: vec!["Technischen Hilfswerks".into()],
        roles: vec![],
        mentions: vec![Mention {
            span: Span::new(start, end),
            kind: MentionKind::Name,
        }],
    });
    let qs = find_quotes(&d);
    let q = find(&qs, "sind 300 Helfer im Einsatz");
    assert_eq!(speaker(q), "Technisches Hilfswerk");
    // no person: the speaker stays unlinked
    assert_eq!(q.speaker_entity, None);
    // without the entity, the phrase as written
    let qs = run(text);
    assert_eq!(speaker(&qs[0]), "Technischen Hilfswerks");
}

#[test]
fn adjectives_before_an_organisation_leave_its_name() {
    let d = annotated(
        "Nach Angaben des sächsischen Wirtschaftsministeriums hängen an dem Werk mehr als \
         10.000 Arbeitsplätze.",
    );
    let q = find(
        &d.quotes,
        "hängen an dem Werk mehr als 10.000 Arbeitsplätze",
    );
    assert_eq!(speaker(q), "Wirtschaftsministerium");
}

#[test]
fn genitive_speakers_are_named_in_the_nominative() {
    let qs = run("Nach Angaben des Landkreises sind 500 Helfer im Einsatz.");
    assert_eq!(speaker(&qs[0]), "Landkreis");
    let qs = run("Nach Angaben des Wasserwirtschaftsamts steigt der Pegel weiter.");
    assert_eq!(speaker(&qs[0]), "Wasserwirtschaftsamt");
    // not a listed noun at the end: as written
    let qs = run("Nach Angaben des Zzyxqs steigt der Pegel weiter.");
    assert_eq!(speaker(&qs[0]), "Zzyxqs");
}

#[test]
fn sentence_initial_adverbs_name_no_speaker() {
    // `Darin` and `Zu` open the sentence with a capital but name no one.
    let qs = run(
        "Die Staatsanwaltschaft veröffentlichte am Freitag eine Erklärung. Darin heißt es: \
         „Wir bedauern die Verzögerung sehr.“ Zu diesem Zeitpunkt ging Anwältin Petra Sommer \
         noch davon aus, dass der Termin „ohne jede Störung“ stattfinden werde.",
    );
    let q = find(&qs, "Wir bedauern die Verzögerung sehr.");
    assert_ne!(speaker(q), "Darin");
    for q in &qs {
        assert!(
            !matches!(speaker(q), "Darin" | "Zu"),
            "adverb as speaker in {q:#?}"
        );
    }
}

#[test]
fn a_time_is_no_speaker() {
    // Through the whole pipeline, so that the time tagger marks the dates.
    let d = annotated(
        "Selbst die Wochenzeitung „Nordbote“ hatte letzten Oktober berichtet, dass der \
               Verein kurz vor der Pleite stehe. Nach Angaben der Polizei vom Dienstag seien \
               drei Fahrzeuge beschädigt worden.",
    );
    for q in &d.quotes {
        let sp = speaker(q);
        assert!(
            !sp.contains("Oktober") && !sp.contains("Dienstag"),
            "a date as speaker in {q:#?}"
        );
    }
    assert!(
        d.quotes.iter().any(|q| speaker(q) == "Polizei"),
        "{:#?}",
        d.quotes
    );
}

#[test]
fn subject_with_a_tail_of_no_noun_phrase() {
    // A lower-case station name ends the subject; the quote keeps its speaker.
    let qs = run("Ein Reporter des Senders n-tv berichtete, dass die Brücke gesperrt sei.");
    let q = find(&qs, "dass die Brücke gesperrt sei");
    assert_eq!(speaker(q), "Ein Reporter des Senders");
    // A `wie` frame whose subject has a place tail and an apposition.
    let qs = run(
        "Wie die Sprecherin des Amtes in Neustadt, Karin Wolf, mitteilte, wurde die Straße \
         am Morgen wieder geöffnet.",
    );
    let q = find(&qs, "wurde die Straße am Morgen wieder geöffnet");
    assert!(speaker(q).contains("Sprecherin"), "{q:#?}");
    // A bracketed apposition with a comma inside does not end the clause.
    let qs = run(
        "Jonas Adler vom Landesamt für Umwelt (Abteilung Wasser, Referat 4) sagte, der Pegel \
         sinke langsam.",
    );
    let q = find(&qs, "der Pegel sinke langsam");
    assert!(speaker(q).starts_with("Jonas Adler"), "{q:#?}");
}

#[test]
fn surname_with_particles_at_a_sentence_start_and_a_dateline_before_the_subject() {
    let d = annotated(
        "Ursula von der Leyen sprach am Montag in Brüssel. Von der Leyen betonte, man \
               werde den Regionen rasch helfen.",
    );
    let q = find(&d.quotes, "man werde den Regionen rasch helfen");
    assert_eq!(speaker(q), "Ursula von der Leyen");
    // A dateline with its agency ends at the dash.
    let qs = run("KIEL (dpa) - Die Landesregierung teilte mit, die Fähre sei wieder im Dienst.");
    let q = find(&qs, "die Fähre sei wieder im Dienst");
    assert_eq!(speaker(q), "Landesregierung");
    // and is no part of a statement that opens the sentence
    let qs = run(
        "Lennau (dpa) – Der Hersteller will 300 Stellen abbauen. Das kündigte Vorstandschef \
         Jan Ort am Dienstag an.",
    );
    find(&qs, "Der Hersteller will 300 Stellen abbauen");
}

#[test]
fn shortened_compounds_and_new_spokespeople() {
    let d = annotated(
        "Ministerpräsident Karl Brandt sprach am Morgen mit der Presse. Im Vorfeld des \
               Gipfels hat Brandt den Staats- und Regierungschefs vorgeworfen, sie würden die \
               Gespräche blockieren. Sprecher Tilo Haas nannte das Treffen wichtig. \
               Ein Sprecher des Ministeriums sagte, die Gespräche gingen weiter.",
    );
    // The hyphen of `Staats-` ends no clause: the subject after the auxiliary stays.
    let q = find(&d.quotes, "sie würden die Gespräche blockieren");
    assert_eq!(speaker(q), "Karl Brandt");
    // `Ein Sprecher` is someone new, not the spokesman named before.
    let q = find(&d.quotes, "die Gespräche gingen weiter");
    assert_eq!(speaker(q), "Ein Sprecher des Ministeriums");
    let haas = d
        .entities
        .iter()
        .find(|e| e.name == "Tilo Haas")
        .expect("Tilo Haas");
    assert_eq!(haas.mentions.len(), 1, "{haas:#?}");
}

#[test]
fn more_verbs_that_introduce_a_content_clause() {
    for (text, content, who) in [
        (
            "Die Landrätin hob hervor, dass die Fähre ab Montag wieder fahre.",
            "dass die Fähre ab Montag wieder fahre",
            "Landrätin",
        ),
        (
            "Der Kapitän schloss nicht aus, dass die Fähre länger ausfällt.",
            "dass die Fähre länger ausfällt",
            "Kapitän",
        ),
        (
            "Die Reederei sagte zu, dass alle Fahrgäste ihr Geld zurückbekommen.",
            "dass alle Fahrgäste ihr Geld zurückbekommen",
            "Reederei",
        ),
    ] {
        let qs = run(text);
        let q = find(&qs, content);
        assert_eq!(q.kind, QuoteKind::Indirect, "{text}");
        assert_eq!(speaker(q), who, "{text}");
    }
    // without a content clause, no speech: `ausschließen` as exclusion
    assert!(run("Der Verein schloss das Mitglied im Mai aus.").is_empty());
}

#[test]
fn a_participle_written_apart_from_its_particle() {
    let qs = run("Die Reederei hat am Morgen bekannt gegeben, dass die Fähre wieder fährt.");
    let q = find(&qs, "dass die Fähre wieder fährt");
    assert_eq!(speaker(q), "Reederei");
    assert_eq!(q.cue.as_deref(), Some("bekannt gegeben"));
}

#[test]
fn a_separable_particle_closes_its_clause() {
    // the first `mit` is a preposition; the particle is the one that ends the clause
    let qs = run("Betroffen seien 800 Stellen, teilte die Firma mit Sitz in Ulm am Montag mit.");
    let q = find(&qs, "Betroffen seien 800 Stellen");
    assert_eq!(q.cue.as_deref(), Some("teilte mit"));
    assert!(speaker(q).contains("Firma"), "{q:?}");
    let qs = run("Die Firma teilte mit Bedauern mit, dass 800 Stellen wegfielen.");
    let q = find(&qs, "dass 800 Stellen wegfielen");
    assert_eq!(speaker(q), "Firma");
}

#[test]
fn a_named_speaker_with_where_they_are_from() {
    let qs = find_quotes(&annotated(
        "„Das kommt zu spät“, sagte Analyst Jörn Wittkamp vom Bankhaus Lindemann.",
    ));
    let q = find(&qs, "Das kommt zu spät");
    assert_eq!(speaker(q), "Jörn Wittkamp", "{q:?}");
    assert!(q.speaker_entity.is_some());
    let qs = find_quotes(&annotated(
        "„Das kommt zu spät“, sagte die Sprecherin der Ministerin Anna Berg.",
    ));
    let q = find(&qs, "Das kommt zu spät");
    assert_ne!(speaker(q), "Anna Berg", "{q:?}");
}

#[test]
fn a_closing_wie_clause_names_who_said_the_sentence() {
    for text in [
        "Die Firma erwartet Kosten von 180 Millionen Euro, wie Finanzchefin Anna Berg sagte.",
        "Für die Schließung rechnet die Firma mit Kosten von 180 Millionen Euro, wie \
         Finanzchefin Anna Berg erläuterte.",
    ] {
        let qs = find_quotes(&annotated(text));
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(speaker(&qs[0]), "Anna Berg", "{text}");
        assert!(qs[0].text.contains("180 Millionen Euro"), "{qs:#?}");
        assert!(!qs[0].text.contains("wie"), "{qs:#?}");
    }
    // the sentence before the clause is one content, also with a second verb
    let qs = find_quotes(&annotated(
        "Am Mittwoch durchsuchten Ermittler Büros und stellten Akten sicher, wie \
         Oberstaatsanwalt Lutz Berendsen sagte.",
    ));
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Lutz Berendsen");
    assert!(qs[0].text.contains("stellten Akten sicher"), "{qs:#?}");
    // a `wie` clause that is the content of the verb before it, or a question inside the
    // sentence, names no speaker
    let qs = find_quotes(&annotated(
        "Vor Gericht hatten Augenzeugen berichtet, wie der Mann die Frau attackierte.",
    ));
    assert!(qs.iter().all(|q| speaker(q) == "Augenzeugen"), "{qs:#?}");
    let qs = find_quotes(&annotated(
        "Er sagte, er verstehe nicht, wie der Sprecher behaupten konnte, der Bericht sei falsch.",
    ));
    assert!(qs.iter().all(|q| speaker(q) != "Sprecher"), "{qs:#?}");
}

#[test]
fn a_speaker_with_an_extended_attribute() {
    for (text, who) in [
        (
            "Der Fährbetrieb ruht bis Freitag, teilte die zur Hafengesellschaft gehörende Reederei mit.",
            "die zur Hafengesellschaft gehörende Reederei",
        ),
        (
            "Der Fährbetrieb ruht bis Freitag, sagte die seit Jahren zuständige Reederei.",
            "die seit Jahren zuständige Reederei",
        ),
    ] {
        let qs = run(text);
        let q = find(&qs, "Der Fährbetrieb ruht bis Freitag");
        assert_eq!(speaker(q), who, "{text}");
    }
}

#[test]
fn reported_speech_with_coordinated_subjects_and_angeben() {
    let qs = run(
        "Bürgermeisterin Anna Roth sowie Landrat Peter Kolb sprachen von einer schweren Krise für die Region.",
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert!(speaker(&qs[0]).contains("Kolb") || speaker(&qs[0]).contains("Roth"));
    let qs = run("Als Grund gab die Reederei die mangelnde Sicherheit der alten Fähren an.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Reederei");
}

#[test]
fn an_adverbial_clause_is_no_content() {
    for text in [
        "Die Stadt hatte die Sperrung der Brücke bekannt gegeben, nachdem der Pegel stark gestiegen war.",
        "Ein Ergebnis wurde noch nicht mitgeteilt, da die Zählung der Stimmen noch andauert.",
    ] {
        let qs = run(text);
        assert!(
            qs.iter()
                .all(|q| !q.text.starts_with("nachdem") && !q.text.starts_with("da ")),
            "{text}: {qs:#?}"
        );
    }
}

#[test]
fn names_in_quotation_marks_are_no_quotes_but_can_be_sources() {
    let doc = annotated(
        "Der Verband nannte „Siemens“ und „Bosch“ als wichtigste Arbeitgeber der Region.\n\n\
         Nach Angaben von „Ärzte ohne Grenzen“ sind mehr als 200 Menschen verletzt worden.\n\n\
         Wie „Spiegel Online“ berichtet, bleibt die Brücke bis Freitag gesperrt.",
    );
    let qs = &doc.quotes;
    for name in ["Siemens", "Bosch", "Ärzte ohne Grenzen", "Spiegel Online"] {
        assert!(qs.iter().all(|q| q.text != name), "{name}: {qs:#?}");
    }
    let q = find(qs, "sind mehr als 200 Menschen verletzt worden");
    assert!(speaker(q).contains("Ärzte ohne Grenzen"), "{q:#?}");
    let q = find(qs, "bleibt die Brücke bis Freitag gesperrt");
    assert!(speaker(q).contains("Spiegel Online"), "{q:#?}");
}

#[test]
fn a_particle_closing_the_clause_makes_another_verb() {
    // `anfordern` is no `fordern`
    assert!(run("Der Gouverneur forderte am Abend die Nationalgarde an.").is_empty());
    // but a second verb after `und` keeps its own particle
    let qs = run("Die Ministerin nannte die Gespräche „produktiv“ und fügte ein Foto hinzu.");
    assert!(qs.iter().any(|q| q.text == "produktiv"), "{qs:#?}");
    // an appeal is a speech act
    let qs = run("Die Stadt rief die Bürger am Sonntag zur Vorsicht auf.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
}

#[test]
fn english_role_titles_in_lower_case_and_quoted_descriptions() {
    let qs =
        run_en("Council leader Tom Avery said the flood defences had been neglected for years.");
    let q = find(&qs, "the flood defences had been neglected for years");
    assert!(speaker(q).contains("Tom Avery"), "{q:#?}");
    let qs = run_en("\"The river will fall,\" said regional director Tom Okafor.");
    assert!(speaker(find(&qs, "The river will fall,")).contains("Tom Okafor"));
    let qs = run_en("Mayor Helen Cross described the situation as \"serious but under control\".");
    let q = find(&qs, "serious but under control");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(speaker(q).contains("Helen Cross"), "{q:#?}");
    // without quotation marks, a description is no quote
    assert!(run_en("The minister described the plan in detail on Monday.").is_empty());
}

#[test]
fn a_soll_sentence_right_after_reported_speech_carries_it_on() {
    let qs = run(
        "Die Reederei teilte mit, der Fährbetrieb werde eingestellt. \
         Ab Montag sollen die Fahrgäste auf Busse umsteigen. \
         Der Hafen liegt am Nordufer des Sees.",
    );
    let q = find(&qs, "Ab Montag sollen die Fahrgäste auf Busse umsteigen");
    assert_eq!(speaker(q), "Reederei");
    // an indicative sentence after it is narration again
    assert!(qs.iter().all(|q| !q.text.contains("Nordufer")), "{qs:#?}");
    // without reported speech before it, a `soll` sentence is no quote
    assert!(run("Ab Montag sollen die Fahrgäste auf Busse umsteigen.").is_empty());
}

#[test]
fn inverted_subject_with_apposition_and_opinion_inside_the_content() {
    let doc = annotated(
        "In einem Interview erklärte der Direktor der Behörde, Karl Menzing, die Fähre sei \
         seiner Meinung nach sicher. Er bezeichnete die Pläne als „Wortbruch“.",
    );
    let q = find(&doc.quotes, "die Fähre sei seiner Meinung nach sicher");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(speaker(q).contains("Karl Menzing"), "{q:#?}");
    // the pronoun goes to him, not to the interview
    let q = find(&doc.quotes, "Wortbruch");
    assert!(speaker(q).contains("Karl Menzing"), "{q:#?}");
}

#[test]
fn object_first_and_a_speaking_body_after_the_verb() {
    for (text, who) in [
        (
            "Die Zahl der Verletzten bezifferte die Polizei am Abend auf 61.",
            "Polizei",
        ),
        (
            "Eine Verschiebung der Wahl bezeichnete das Innenministerium als unmöglich.",
            "Innenministerium",
        ),
    ] {
        let qs = run(text);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(speaker(&qs[0]), who, "{text}");
    }
    // a pronoun before the verb is the subject, the body after it an object
    let qs = run("Sie warf der Landesregierung vor, die Lage zu verharmlosen.");
    assert!(
        qs.iter().all(|q| speaker(q) != "Landesregierung"),
        "{qs:#?}"
    );
}

#[test]
fn texts_cut_off_after_a_frame_do_not_panic() {
    for text in [
        "Die Stadt sagte,",
        "Die Stadt sagte, ",
        "Laut „Spiegel Online“",
        "Wie „Spiegel Online“",
        "Die Reederei hat bekannt gegeben,",
        "Der Fährbetrieb ruht, teilte die zur",
        "In einem Interview erklärte der Direktor der Behörde, Karl Menzing,",
        "Die Zahl der Verletzten bezifferte die",
        "Er sagte, die Fähre sei seiner Meinung nach",
        "Die Fähre fährt wieder, laut Karl Menzing",
        "Nach Angaben von Karl Menzing",
    ] {
        let _ = run(text);
        let _ = annotated(text);
        let _ = run_en(text);
    }
}

#[test]
fn closing_frame_over_a_speech_act_in_its_clause() {
    // `ablehnen` is a speech act of its own, but `sagte X` reports the whole clause.
    for text in [
        "Die neuen Pläne für den Marktplatz lehne sie ab, sagte die Bürgermeisterin.",
        "Die neuen Pläne für den Marktplatz lehne sie „entschieden ab“, sagte die Bürgermeisterin.",
    ] {
        let qs = run(text);
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .unwrap_or_else(|| panic!("no indirect quote in {qs:#?}"));
        assert!(q.text.starts_with("Die neuen Pläne"), "{q:#?}");
        assert_eq!(speaker(q), "Bürgermeisterin");
        assert_eq!(q.cue.as_deref(), Some("sagte"));
        assert!(qs.iter().all(|q| q.kind != QuoteKind::Reported), "{qs:#?}");
    }
    // Without a closing frame the speech act stays reported speech.
    let qs = run("Die Bürgermeisterin lehnte die neuen Pläne für den Marktplatz ab.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Reported);
}

#[test]
fn speaking_of_something_not_with_someone() {
    let qs = run("Der Landrat sprach von einem schweren Rückschlag für die Region.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Landrat");
    for text in [
        "Der Landrat und die Bürgermeisterin sprachen zwei Stunden lang miteinander.",
        "Der Landrat sprach am Abend mit den Anwohnern im Gemeindehaus.",
    ] {
        assert!(run(text).is_empty(), "{text}: {:#?}", run(text));
    }
}

#[test]
fn an_organisation_speaker_keeps_its_short_form() {
    let doc = annotated(
        "Die Bundesanstalt für Wasserbau (BAW) prüft den Deich an der Ilm. Der Damm sei \
stabil, teilte die BAW am Mittwoch mit.",
    );
    let qs = find_quotes(&doc);
    let q = find(&qs, "Der Damm sei stabil");
    // the entity is named in full; the speaker as the article wrote it
    assert!(
        doc.entities.iter().any(
            |e| e.name == "Bundesanstalt für Wasserbau" && e.aliases.iter().any(|a| a == "BAW")
        ),
        "{:#?}",
        doc.entities
    );
    assert_eq!(speaker(q), "BAW");
}

#[test]
fn speech_acts_in_a_later_main_clause_or_in_brackets() {
    let qs = run(
        "Am Samstag zogen Tausende durch die Altstadt (die Polizei sprach von 4.000 Teilnehmern).",
    );
    let q = find(&qs, "die Polizei sprach von 4.000 Teilnehmern");
    assert_eq!(q.kind, QuoteKind::Reported);
    assert_eq!(speaker(q), "Polizei");
    let qs =
        run("Die Halle soll im Herbst öffnen, die Betreiber sprechen von bis zu 80 neuen Stellen.");
    let q = find(&qs, "die Betreiber sprechen von bis zu 80 neuen Stellen");
    assert_eq!(speaker(q), "Betreiber");
    // a relative clause, with its verb at the end, is no such clause
    assert!(
        run("Anwohner, die von starken Erschütterungen sprachen, riefen die Feuerwehr.")
            .iter()
            .all(|q| !q.text.starts_with("die von"))
    );
}

#[test]
fn english_speech_acts_without_their_words() {
    let qs = run_en("The transport union criticised the plan to close the terminal.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "transport union");
    assert_eq!(qs[0].cue.as_deref(), Some("criticised"));
    let qs = run_en("On Monday, the harbour board rejected the offer.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "harbour board");
    // not in a relative clause, and not a verb that is no speech act
    for text in [
        "Residents who criticised the plan met on Friday.",
        "The storm damaged the roof of the terminal.",
    ] {
        assert!(run_en(text).is_empty(), "{text}: {:#?}", run_en(text));
    }
    // a verb that also frames quotations keeps doing so
    let qs = run_en("The council confirmed that two depots would close.");
    assert_eq!(qs[0].kind, QuoteKind::Indirect);
}

#[test]
fn english_speakers_with_a_possessive() {
    let qs = run_en("The dockers' union criticised the plan to close the terminal.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "dockers' union");
    let qs = run_en("Britain's transport minister said the terminal would stay open.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Indirect);
    assert_eq!(speaker(&qs[0]), "Britain's transport minister");
    assert_eq!(qs[0].text, "the terminal would stay open");
}

#[test]
fn a_source_compound_names_its_source() {
    let qs = run("Die Fähre soll nach Reederei-Angaben am Freitag wieder fahren.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Reederei");
}

#[test]
fn a_colon_makes_the_subject_the_speaker_whatever_the_verb() {
    let d = annotated(
        "Die Arbeiten dauern noch bis Freitag, sagte Bauleiter Uwe Kranz. \
         Landrätin Heike Vossberg besuchte am Montag die Baustelle. Sie lobte die Arbeiter: \
         „Ohne euch wären wir noch lange nicht so weit.“",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Ohne euch wären wir noch lange nicht so weit.");
    assert_eq!(speaker(q), "Heike Vossberg");
}

#[test]
fn pronouns_agree_with_the_gender_of_roles() {
    // `er` after a sentence about the Landrätin is the Bauleiter who spoke before
    let d = annotated(
        "Die Arbeiten dauern noch bis Freitag, sagte Bauleiter Uwe Kranz. \
         Landrätin Heike Vossberg besuchte am Montag die Baustelle. \
         Er sagte, die Brücke werde im Mai freigegeben.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "die Brücke werde im Mai freigegeben");
    assert_eq!(speaker(q), "Uwe Kranz");
    // `sie` after that sentence is the Landrätin, the subject of the sentence before
    let d = annotated(
        "Die Arbeiten dauern noch bis Freitag, sagte Bauleiter Uwe Kranz. \
         Landrätin Heike Vossberg besuchte am Montag die Baustelle. \
         Sie sagte, die Brücke werde im Mai freigegeben.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "die Brücke werde im Mai freigegeben");
    assert_eq!(speaker(q), "Heike Vossberg");
}

#[test]
fn judgements_are_reported_speech_acts() {
    let cases = [
        (
            "Die Gewerkschaft hält die Pläne des Vorstands für überzogen.",
            "Gewerkschaft",
        ),
        (
            "Der Verband macht die Stadtwerke für die Verzögerung verantwortlich.",
            "Verband",
        ),
        (
            "Die Aufsichtsbehörde stufte den Vorfall im Kraftwerk als ernst ein.",
            "Aufsichtsbehörde",
        ),
        (
            "Die Umweltverbände sehen darin einen Rückschritt für den Artenschutz.",
            "Umweltverbände",
        ),
        (
            "Die Ministerin begründete den Schritt mit den hohen Kosten des Projekts.",
            "Ministerin",
        ),
        (
            "Der Bürgermeister drohte den Betreibern mit einer Schließung der Anlage.",
            "Bürgermeister",
        ),
    ];
    for (text, who) in cases {
        let qs = run(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
        assert_eq!(qs[0].kind, QuoteKind::Reported, "{text}");
        assert_eq!(speaker(&qs[0]), who, "{text}");
    }
    // seeing, holding and threatening without the words of a judgement are no speech
    for text in [
        "Die Zuschauer sahen in der Nachspielzeit noch ein spätes Tor der Gäste.",
        "Der Minister hielt am Abend eine Rede vor den Delegierten des Verbands.",
        "Den Bewohnern drohte am Abend eine weitere Nacht ohne Strom.",
    ] {
        let qs = run(text);
        assert!(qs.is_empty(), "{text}: {qs:#?}");
    }
}

#[test]
fn passive_agent_needs_the_verbs_complement() {
    // `anführen` is a speech act only with `als`: a list led by a book is none
    let qs = run("Die Liste der Bestseller wird seit Wochen von einem Roman aus Kanada angeführt.");
    assert!(qs.is_empty(), "{qs:#?}");
    let qs = run("Als Grund wurde von der Reederei ein Sturm über der Nordsee angeführt.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Reederei");
}

#[test]
fn the_subject_of_a_passive_speech_act_is_whom_it_was_said_to() {
    for (text, content) in [
        (
            "Zeugen werden gebeten, sich bei der Polizei zu melden.",
            "sich bei der Polizei zu melden",
        ),
        (
            "Die Anwohner wurden aufgefordert, die Fenster geschlossen zu halten.",
            "die Fenster geschlossen zu halten",
        ),
    ] {
        let q = find(&run(text), content).clone();
        assert_eq!(q.speaker, None, "{q:#?}");
    }
    // with its agent, the agent speaks
    let qs = run("Zeugen werden von der Polizei gebeten, sich zu melden.");
    assert_eq!(speaker(find(&qs, "sich zu melden")), "Polizei");
}

#[test]
fn a_source_inside_an_embedded_clause_holds_for_that_clause() {
    let qs = run(
        "Die beiden Männer, die nach Angaben der Polizei bewaffnet waren, flohen in einem Auto.",
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "die nach Angaben der Polizei bewaffnet waren");
    assert_eq!(speaker(&qs[0]), "Polizei");
    let qs = run("Die Fähre fiel aus, weil der Hafen laut der Reederei gesperrt war.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "weil der Hafen laut der Reederei gesperrt war");
    let qs = run(
        "Im Ort brannten drei Scheunen (nach anderen Angaben waren es vier) in derselben Nacht.",
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "waren es vier");
    // a source in the main clause still holds for the whole sentence
    let qs = run("Die Männer, die in einem Auto flohen, waren nach Angaben der Polizei bewaffnet.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert!(qs[0].text.starts_with("Die Männer"), "{qs:#?}");
}

#[test]
fn agentless_passive_speech_acts() {
    let qs =
        run("In dem Bericht der Kommission wird die Lage an der Küste als ernst eingeschätzt.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Bericht der Kommission");
    // the last speaker gives the reason
    let qs = run("Die Reederei teilte mit, die Fähre falle bis Freitag aus. \
         Als Grund wurde ein Defekt an der Ruderanlage angegeben.");
    let q = find(
        &qs,
        "Als Grund wurde ein Defekt an der Ruderanlage angegeben",
    );
    assert_eq!(q.kind, QuoteKind::Reported);
    assert_eq!(speaker(q), "Reederei");
    // a decision is no words of the last speaker
    let qs = run("Die Anwältin sagte, ihr Mandant sei unschuldig. \
         Der Antrag auf Freilassung wurde am Abend abgelehnt.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    // no source at all, or a relative clause: no quote
    for text in [
        "Als Grund wurde ein Defekt an der Ruderanlage angegeben.",
        "Der Plan, der von vielen kritisiert wurde, liegt seit Montag im Rathaus aus.",
    ] {
        let qs = run(text);
        assert!(qs.is_empty(), "{text}: {qs:#?}");
    }
}

#[test]
fn subjects_of_reported_speech_acts() {
    // a speaking body before the verb is the subject, not the body after it
    let qs = run("Der Sicherheitsrat rief die Regierung zur Beendigung der Gewalt auf.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Sicherheitsrat");
    // a speaking body in the genitive of the phrase after the verb is no subject
    let qs = run("Beobachter halten die Auswechslung der Regierung für einen Befreiungsschlag.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Beobachter");
    // a named person after the verb still wins over a body in the dative before it
    let doc = annotated("Der Lokalzeitung sagte Martina Vogelsang: „Wir geben nicht auf.“");
    let qs = find_quotes(&doc);
    let q = find(&qs, "Wir geben nicht auf.");
    assert_eq!(speaker(q), "Martina Vogelsang");
    // the `von` that `ausgehen` governs is no part of the subject
    let qs = run("Nach dem Brand geht die Polizei von einer Brandstiftung aus.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[0]), "Polizei");
    // `ausgehen` without `von` is no speech act
    assert!(run("Die Lichter im Stadion gingen am Abend plötzlich aus.").is_empty());
}

#[test]
fn demnach_without_recent_speech_points_to_the_sentence_before() {
    let qs = run(
        "Die Krankenkasse hat am Montag eine Studie zur Pflege vorgelegt. \
         Demnach fehlen im Land rund 3.000 Pflegekräfte.",
    );
    let q = find(&qs, "fehlen im Land rund 3.000 Pflegekräfte");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Krankenkasse");
    // the temporal `Danach` in the indicative is no source
    let qs = run("Die Polizei sperrte die Straße. Danach fuhren die Räumfahrzeuge los.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn separable_particle_behind_a_bracket_a_date_or_before_a_second_verb() {
    let cases = [
        (
            "Als Grund gab die Behörde für Luftfahrt (LBA) die mangelnde Wartung der Maschinen an.",
            "Behörde",
            "Als Grund gab die Behörde für Luftfahrt (LBA) die mangelnde Wartung der Maschinen an",
        ),
        (
            "Die Staatsanwaltschaft Kiel gab am Montag, dem 3. Mai, die Einstellung des Verfahrens bekannt.",
            "Staatsanwaltschaft Kiel",
            "Die Staatsanwaltschaft Kiel gab am Montag, dem 3. Mai, die Einstellung des Verfahrens bekannt",
        ),
        (
            "Der Sicherheitsrat rief die Regierung zur Beendigung der Gewalt auf und verhängte Sanktionen gegen das Land.",
            "Sicherheitsrat",
            "Der Sicherheitsrat rief die Regierung zur Beendigung der Gewalt auf",
        ),
    ];
    for (text, who, content) in cases {
        let qs = run(text);
        assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
        assert_eq!(qs[0].kind, QuoteKind::Reported, "{text}");
        assert_eq!(speaker(&qs[0]), who, "{text}");
        assert_eq!(qs[0].text, content, "{text}");
    }
}

#[test]
fn a_source_phrase_and_a_later_speech_act_are_two_statements() {
    let qs = run(
        "Am Samstag demonstrierten nach Angaben der Veranstalter rund 7.000 Menschen in der \
         Innenstadt, die Polizei sprach von 4.500 Teilnehmern.",
    );
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Veranstalter");
    assert!(qs[0].text.ends_with("in der Innenstadt"), "{qs:#?}");
    assert_eq!(qs[1].kind, QuoteKind::Reported);
    assert_eq!(speaker(&qs[1]), "Polizei");
    assert_eq!(qs[1].text, "die Polizei sprach von 4.500 Teilnehmern");
    // a relative clause after the source is no second statement
    let qs = run(
        "Nach Angaben der Ämter, die mit Zahlen von privaten Instituten verglichen wurden, stieg die \
         Leistung im Land um zwölf Prozent.",
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), "Ämter");
}

#[test]
fn a_reported_act_and_a_coordinated_speech_verb_with_content() {
    let qs = run(
        "Die Ministerin lehnte die Pläne der Opposition ab und erklärte, der Haushalt sei \
         solide.",
    );
    let q = find(&qs, "der Haushalt sei solide");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Ministerin");
    let q = find(&qs, "Die Ministerin lehnte die Pläne der Opposition ab");
    assert_eq!(q.kind, QuoteKind::Reported);
}

#[test]
fn definite_epithets_point_back() {
    // a description after a definite article is the person just named, of the article's gender
    let d = annotated(
        "Verkehrsministerin Annika Brenner rief beide Seiten zur Einigung auf. \
         „Wir brauchen einen verlässlichen Nahverkehr“, sagte die SPD-Politikerin in Hannover.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Wir brauchen einen verlässlichen Nahverkehr");
    assert!(speaker(q).ends_with("Annika Brenner"), "{q:?}");
    // `der` does not take a woman
    let d = annotated(
        "Verkehrsministerin Annika Brenner rief beide Seiten zur Einigung auf. \
         „Wir brauchen jetzt vor allem Zeit für gute Gespräche“, sagte der CDU-Politiker im \
         Landtag.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Wir brauchen jetzt vor allem Zeit für gute Gespräche");
    assert!(!speaker(q).contains("Brenner"), "{q:?}");
    // the bare noun of a body is the organisation just named
    let d = annotated(
        "Nach Angaben der Üstra waren rund 250.000 Fahrgäste betroffen. Der Betrieb sei am \
         Freitag wieder angelaufen, teilte das Unternehmen mit.",
    );
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "Der Betrieb sei am Freitag wieder angelaufen")),
        "Üstra"
    );
    // a compound names a body of its own; a word holding the noun that is no tagged name
    // leaves the body as written
    let d = annotated(
        "Die Verhandlungen mit der Flughafenbehörde AENA stocken. Bereits vor zwei Wochen \
         hatte die Fluglotsengewerkschaft erklärt, dass die Lotsen ihre Arbeitszeit erreicht \
         hätten.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "dass die Lotsen ihre Arbeitszeit erreicht hätten");
    assert_eq!(speaker(q), "Fluglotsengewerkschaft");
    let d = annotated(
        "Der Bundesverband der Mühlenbetriebe nannte die Lage ernst. Die Grünen fragten nach. \
         Nach Schätzungen des Verbandes sind bereits 9.000 Tonnen Mehl vernichtet worden.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "sind bereits 9.000 Tonnen Mehl vernichtet worden");
    assert!(!speaker(q).contains("Grünen"), "{q:?}");
}

#[test]
fn bodies_are_named_without_short_form_or_descriptor() {
    let d = annotated(
        "Der Kommunale Arbeitgeberverband Niedersachsen (KAV) kritisierte den Aufruf zum Streik.",
    );
    let qs = find_quotes(&d);
    assert!(
        qs.iter()
            .all(|q| !speaker(q).contains("(KAV)") && speaker(q).contains("Arbeitgeberverband")),
        "{qs:#?}"
    );
}

#[test]
fn a_verb_after_a_comma_shares_the_subject_before() {
    let d = annotated(
        "Oberbürgermeister Jens Hollmann zeigte Verständnis für die Beschäftigten, mahnte aber \
         eine schnelle Einigung an.",
    );
    let qs = find_quotes(&d);
    assert!(!qs.is_empty());
    assert!(qs.iter().all(|q| speaker(q) == "Jens Hollmann"), "{qs:#?}");
}

#[test]
fn a_named_person_with_a_party_is_linked_and_sources_after_aus() {
    let d = annotated(
        "Finanzminister Malte Jessen (CDU) bezifferte die Lücke im Entwurf am Montag auf 1,2 \
         Milliarden Euro.",
    );
    let qs = find_quotes(&d);
    assert!(!qs.is_empty());
    assert!(
        qs.iter()
            .all(|q| speaker(q) == "Malte Jessen" && q.speaker_entity.is_some()),
        "{qs:#?}"
    );
    let qs = run("Nach Angaben aus Regierungskreisen fehlen im Entwurf rund 1,4 Milliarden Euro.");
    let q = find(&qs, "fehlen im Entwurf rund 1,4 Milliarden Euro");
    assert_eq!(speaker(q), "Regierungskreisen");
}

#[test]
fn a_named_person_in_apposition_to_a_role_is_the_speaker() {
    let d = annotated(
        "Am Abend gab der Leiter der Wasserschutzpolizei, Henrik Albers, bekannt, dass das Boot \
         gefunden worden sei.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "dass das Boot gefunden worden sei");
    assert_eq!(speaker(q), "Henrik Albers");
    let d = annotated(
        "Die Sprecherin der Stadtwerke, Mareike Lüders, sagte, dass die Leitung repariert sei.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "dass die Leitung repariert sei");
    assert_eq!(speaker(q), "Mareike Lüders");
    // a person first keeps the speaker, the role after it is the apposition
    let d = annotated("Mareike Lüders, Sprecherin der Stadtwerke, sagte, die Leitung sei dicht.");
    let qs = find_quotes(&d);
    let q = find(&qs, "die Leitung sei dicht");
    assert_eq!(speaker(q), "Mareike Lüders");
}

#[test]
fn a_konjunktiv_after_a_speaking_subjects_clause_is_its_report() {
    let text = "Die Gemeinde hat den Markt abgesagt. Anwohner beklagen sich über den Lärm der \
                Baustelle, nachts werde dort ohne Genehmigung gearbeitet.";
    let qs = run(text);
    let q = find(&qs, "nachts werde dort ohne Genehmigung gearbeitet");
    assert_eq!(speaker(q), "Anwohner");
    let qs = run("Ein Sprecher der Bahn schränkte das ein, dass der Zug nur verspätet sei.");
    let q = find(&qs, "dass der Zug nur verspätet sei");
    assert_eq!(speaker(q), "Ein Sprecher der Bahn");
    // a thing opening the sentence speaks not
    let qs = run("Die Brücke bleibt gesperrt, sie sei nicht mehr sicher.");
    assert!(qs.iter().all(|q| speaker(q) != "Die Brücke"), "{qs:#?}");
}

#[test]
fn trial_reports_name_their_speakers() {
    // a passive speech verb says what was said; the `wie` frame with an apposition speaks
    let d = annotated(
        "Das Urteil soll am Freitag verkündet werden, wie Lena Falk, Sprecherin des \
         Landgerichts, mitteilte.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Das Urteil soll am Freitag verkündet werden");
    assert_eq!(speaker(q), "Lena Falk");
    // the speaker's apposition after a frame that closes the sentence is no content
    let d = annotated(
        "In der Halle haben rund 300 Menschen übernachtet, sagt Lena Falk, Sprecherin der \
         Johanniter.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "In der Halle haben rund 300 Menschen übernachtet");
    assert_eq!(speaker(q), "Lena Falk");
    // also after a ticker's time stamp and with an enumeration of places in the content
    let d = annotated(
        "11.40 Uhr: In Celle, Uelzen und Soltau haben rund 300 Menschen übernachtet, sagt Lena \
         Falk, Sprecherin der Johanniter.",
    );
    let qs = find_quotes(&d);
    let q = find(
        &qs,
        "In Celle, Uelzen und Soltau haben rund 300 Menschen übernachtet",
    );
    assert_eq!(speaker(q), "Lena Falk");
    // the defendant named by an initial, in the genitive and in a `von` tail, is no speaker
    let d = annotated(
        "Der Angeklagte Bernd K. schwieg. K.s Anwalt Tobias Reuter kündigte an, in Revision zu \
         gehen. Der Verteidiger von K., Tobias Reuter, prüft nach eigenen Angaben weitere \
         Schritte.",
    );
    let qs = find_quotes(&d);
    assert!(qs.len() >= 2, "{qs:#?}");
    assert!(qs.iter().all(|q| speaker(q) == "Tobias Reuter"), "{qs:#?}");
    // a belief in the Konjunktiv is the last speaker's report, not the believer's words
    let qs = run(
        "„Das Modell war nie tragfähig“, sagte Oberstaatsanwalt Jens Mahler. Der Angeklagte \
         habe gewusst, dass die Erträge nie zu erzielen gewesen seien.",
    );
    assert!(
        qs.iter().all(|q| speaker(q).ends_with("Jens Mahler")),
        "{qs:#?}"
    );
    // a person described with adjectives points back
    let d = annotated(
        "Unter den Zuhörern saß Erwin Mahler. Der 68-jährige Rentner sagte, er habe \
         alles verloren.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "er habe alles verloren");
    assert!(speaker(q).ends_with("Erwin Mahler"), "{qs:#?}");
}

#[test]
fn english_pronouns_take_the_person_opening_the_sentence_before() {
    let d = crate::annotate(Article {
        text: "Councillor Priya Natt said the island had been abandoned by the operator. She \
               demanded a replacement vessel by Wednesday. Daniel Hale, the company's chief \
               executive, apologised to customers. He said inspections of the fleet would \
               take at least three days."
            .into(),
        language: "en".into(),
        ..Default::default()
    });
    let qs = find_quotes(&d);
    let q = find(
        &qs,
        "inspections of the fleet would take at least three days",
    );
    assert_eq!(speaker(q), "Daniel Hale");
}

#[test]
fn a_named_apposition_after_a_role_names_the_speaker_up_to_the_sentence_end() {
    let d = annotated(
        "Die Grünen lagen bei 4,9 Prozent. „Wir warten auf jede einzelne Stimme“, sagte der \
         Landesvorsitzende der Grünen, Jonas Brakhage, kurz vor Mitternacht. „Es bleibt \
         spannend“, sagte die Sprecherin des Verbands, Mareike Tode.",
    );
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "Wir warten auf jede einzelne Stimme")),
        "Jonas Brakhage"
    );
    assert_eq!(speaker(find(&qs, "Es bleibt spannend")), "Mareike Tode");
    // a content clause after the comma is no apposition
    let qs = run("„Wir warten“, sagte der Minister, die Lage sei ernst.");
    assert_eq!(speaker(find(&qs, "Wir warten")), "Minister");
}

#[test]
fn a_colon_after_the_subjects_clause_opens_reported_speech() {
    let d = annotated(
        "Die CDU schwieg. Landeschef Torsten Liebig gab sich zurückhaltend: Man werde mit \
         allen Parteien reden, nur nicht mit der AfD.",
    );
    let qs = find_quotes(&d);
    let q = find(
        &qs,
        "Man werde mit allen Parteien reden, nur nicht mit der AfD",
    );
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), "Torsten Liebig");
}

#[test]
fn a_pronoun_takes_the_gender_the_article_wrote_before_a_name() {
    // `Der … Landesvorsitzende Kröger` is a man: `sie` is the woman named after him.
    let d = annotated(
        "Der CDU-Landesvorsitzende Matthias Kröger sagte, seine Partei sei gestärkt. \
         Deutlicher wurde die Generalsekretärin der Landes-CDU, Nadine Fölsch. „Wir schlagen \
         keine Tür zu“, sagte sie am Rande des Treffens.",
    );
    let qs = find_quotes(&d);
    assert_eq!(
        speaker(find(&qs, "Wir schlagen keine Tür zu")),
        "Nadine Fölsch"
    );
}

#[test]
fn an_age_epithet_points_back_but_a_genitive_plural_does_not() {
    let d = annotated(
        "„Wir warten auf jede Stimme“, sagte Jonas Brakhage. Die Wahlbeteiligung lag nach \
         Schätzungen der Wahlforscher bei 68 Prozent.\n\nKarin Behrendt trat vor ihre \
         Anhänger. „Das ist ein bitterer Abend“, sagte die 54-Jährige.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Das ist ein bitterer Abend");
    assert!(speaker(q).ends_with("Karin Behrendt"), "{qs:#?}");
    assert_eq!(q.cue.as_deref(), Some("sagte"));
    assert!(
        qs.iter()
            .all(|q| !speaker(q).contains("Brakhage") || q.text.contains("Stimme")),
        "{qs:#?}"
    );
}

fn english(text: &str) -> Vec<Quote> {
    find_quotes(&crate::annotate(Article {
        text: text.into(),
        language: "en".into(),
        ..Default::default()
    }))
}

#[test]
fn english_organisation_nouns_name_the_organisation_named_before() {
    let qs = english(
        "Kelmouth Council opened a rest centre on Wednesday. Most schools reopen today, \
         although the council said 12 would stay shut until the weekend. Borderlands Power \
         said crews were working through the night. The company said it aimed to reconnect \
         most customers by Thursday.",
    );
    assert_eq!(
        speaker(find(&qs, "12 would stay shut until the weekend")),
        "Kelmouth Council"
    );
    assert_eq!(
        speaker(find(
            &qs,
            "it aimed to reconnect most customers by Thursday"
        )),
        "Borderlands Power"
    );
}

#[test]
fn english_subjects_with_of_ages_auxiliaries_and_addressees() {
    let qs = english(
        "\"These are two tragic deaths,\" Chief Inspector Mark Dobson of Northumbria Police \
         said. Brian Tully, 58, whose flat on Quay Street was flooded, told the Evening Post: \
         \"I heard the water before I saw it.\" The Environment Agency has confirmed that a \
         search is under way. The agency says the river is stable and that the barriers held.",
    );
    assert_eq!(
        speaker(find(&qs, "These are two tragic deaths,")),
        "Mark Dobson"
    );
    assert_eq!(
        speaker(find(&qs, "I heard the water before I saw it.")),
        "Brian Tully"
    );
    assert_eq!(
        speaker(find(&qs, "a search is under way")),
        "Environment Agency"
    );
    let q = qs
        .iter()
        .find(|q| q.text.starts_with("the river is stable"))
        .unwrap_or_else(|| panic!("{qs:#?}"));
    assert_eq!(speaker(q), "Environment Agency");
}

#[test]
fn english_bare_police_long_subjects_and_an_age_before_an_apposition() {
    let qs = english(
        "South Yorkshire Police closed the line. A train derailed near Doncaster on Tuesday, \
         forcing the evacuation of 120 homes, police said. Nine people were treated in \
         hospital, according to police. Group manager Tom Ashcroft of South Yorkshire Fire \
         and Rescue said up to 60,000 litres may have escaped. Sandra Whitlock, 67, a retired \
         nurse who lives near the line, said she was woken by \"a noise like thunder\".",
    );
    let police = qs
        .iter()
        .filter(|q| speaker(q) == "South Yorkshire Police")
        .count();
    assert_eq!(police, 2, "{qs:#?}");
    assert_eq!(
        speaker(find(&qs, "up to 60,000 litres may have escaped")),
        "Tom Ashcroft"
    );
    assert_eq!(
        speaker(find(&qs, "a noise like thunder")),
        "Sandra Whitlock"
    );
}

#[test]
fn run_on_konjunktiv_of_more_verbs_and_of_ieren_verbs() {
    let qs = run(
        "Er stehe im Verdacht, das Feuer gelegt zu haben, sagte Oberstaatsanwältin Petra \
         Lüders am Mittwoch. Der Mann schweige bislang zu den Vorwürfen. „Die Halle ist \
         verloren“, sagte Feuerwehrsprecher Tobias Rahn. Man konzentriere sich auf die \
         Nachbargebäude.",
    );
    find(&qs, "Der Mann schweige bislang zu den Vorwürfen");
    find(&qs, "Man konzentriere sich auf die Nachbargebäude");
}

#[test]
fn a_run_on_right_after_a_quote_stays_with_its_speaker() {
    let d = annotated(
        "Rechtsanwalt Matthias Kernbach vertritt mehrere Anleger. Verteidiger Jan Oberle wies \
         die Vorwürfe zurück. Sein Mandant habe an das Unternehmen geglaubt, sagte Oberle. \
         Gescheitert sei die Firma an hohen Zinsen. „Das ist kein Betrug“, sagte der Anwalt.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Gescheitert sei die Firma an hohen Zinsen");
    assert_eq!(speaker(q), "Jan Oberle", "{qs:#?}");
}

#[test]
fn a_pronoun_after_a_sentence_without_speech_takes_the_person_it_names() {
    let d = annotated(
        "„Wir räumen seit Tagen auf“, sagte Bürgermeister Josef Pichlmaier. Viele Keller \
         stehen noch unter Wasser.\n\nIn der Nacht blieb es trocken, doch das Wochenende \
         bereitet Sorgen: Meteorologe Andreas Lindner erwartet für Samstag Gewitter. „Ob sie \
         uns treffen, kann niemand sagen“, sagte er.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Ob sie uns treffen, kann niemand sagen");
    assert_eq!(speaker(q), "Andreas Lindner", "{qs:#?}");
}

#[test]
fn court_and_expert_epithets_point_back() {
    let d = annotated(
        "Im Saal wird es still, als Anja Lenz ihre Brille aufsetzt. „Er wollte nur hören, dass \
         die Zahlen stimmen“, sagte die Angeklagte.",
    );
    let qs = find_quotes(&d);
    let q = find(&qs, "Er wollte nur hören, dass die Zahlen stimmen");
    assert!(speaker(q).ends_with("Anja Lenz"), "{qs:#?}");
}

#[test]
fn witnesses_and_passengers_point_back_also_after_an_age() {
    for (text, who) in [
        (
            "Fahrgast Lukas Brenner saß im zweiten Wagen. „Es gab einen Knall“, erzählte der 24 \
             Jahre alte Student aus Memmingen unserem Reporter.",
            "Lukas Brenner",
        ),
        (
            "Johanna Keller stand in ihrer Küche. „Die Lampen haben geblinkt“, sagt die \
             Anwohnerin.",
            "Johanna Keller",
        ),
        (
            "Johanna Keller stand in ihrer Küche. Dann krachte es. Nach Angaben der Polizei \
             hatte die Fahrerin noch gebremst. „Die Lampen haben geblinkt“, sagt die \
             Anwohnerin.",
            "Johanna Keller",
        ),
    ] {
        let qs = find_quotes(&annotated(text));
        let q = qs.last().expect("a quote");
        assert!(speaker(q).ends_with(who), "{qs:#?}");
    }
}

#[test]
fn lassen_with_a_speech_verb_is_a_speech_act_of_its_subject() {
    let qs = find_quotes(&annotated(
        "Das Vertrauen sei „aufgebraucht“, ließ Fraktionschefin Svenja Lüdeke noch während der \
         Sitzung wissen. Die Ministerin Karin Lutz ließ über einen Sprecher ausrichten, sie sehe \
         keinen Grund für einen Rücktritt.",
    ));
    let q = find(&qs, "Das Vertrauen sei „aufgebraucht“");
    assert_eq!(speaker(q), "Svenja Lüdeke", "{qs:#?}");
    let q = find(&qs, "sie sehe keinen Grund für einen Rücktritt");
    assert_eq!(speaker(q), "Karin Lutz", "{qs:#?}");
    // `lassen` without a speech verb is no speech act
    let qs = find_quotes(&annotated("Die Polizei ließ die Demonstranten gewähren."));
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_konjunktiv_of_a_separable_verb_continues_reported_speech() {
    let qs = find_quotes(&annotated(
        "Die Betriebsratsvorsitzende Sandra Meinecke sagte, die Belegschaft sei erschüttert. \
         Viele Kollegen sorgten sich um ihre Arbeitsplätze, falls die Anlage länger stillstehe.",
    ));
    let q = find(
        &qs,
        "Viele Kollegen sorgten sich um ihre Arbeitsplätze, falls die Anlage länger stillstehe",
    );
    assert_eq!(speaker(q), "Sandra Meinecke", "{qs:#?}");
}

#[test]
fn a_source_phrase_inside_a_speech_act_reports_the_subjects_words() {
    let qs = find_quotes(&annotated(
        "Im Ausschuss räumte Minister Tobias Kolbeck nach übereinstimmenden Angaben mehrerer \
         Teilnehmer ein, den Vermerk gekannt zu haben. Nach Angaben mehrerer Teilnehmer habe \
         die Sitzung zwei Stunden gedauert.",
    ));
    let q = find(&qs, "den Vermerk gekannt zu haben");
    assert_eq!(speaker(q), "Tobias Kolbeck", "{qs:#?}");
    let q = find(&qs, "habe die Sitzung zwei Stunden gedauert");
    assert!(speaker(q).contains("Teilnehmer"), "{qs:#?}");
}

#[test]
fn a_closing_frame_reports_a_conditional_or_reported_clause_before_it() {
    let qs = find_quotes(&annotated(
        "Sollte die Molkerei einen Befund nicht gemeldet haben, wäre das ein schwerer Verstoß, \
         sagte ein Sprecher des Ministeriums.",
    ));
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert!(speaker(&qs[0]).contains("Ministeriums"), "{qs:#?}");
    let qs = find_quotes(&annotated(
        "Der Fahrer habe in seiner Vernehmung angegeben, er sei von der Sonne geblendet worden, \
         sagte ein Sprecher der Staatsanwaltschaft.",
    ));
    assert!(
        qs.iter()
            .any(|q| speaker(q).contains("Staatsanwaltschaft") && q.text.contains("geblendet")),
        "{qs:#?}"
    );
}

#[test]
fn an_enumeration_before_a_closing_frame_is_one_clause() {
    let qs = find_quotes(&annotated(
        "Professor Jan Wachendorff hält den Plan für zu knapp. Selbst in einem schnellen \
         Verfahren dauerten Planung, Ausschreibung, Abriss und Neubau fünf Jahre, sagte er.",
    ));
    let q = find(
        &qs,
        "Selbst in einem schnellen Verfahren dauerten Planung, Ausschreibung, Abriss und Neubau \
         fünf Jahre",
    );
    assert_eq!(speaker(q), "Jan Wachendorff", "{qs:#?}");
}

#[test]
fn a_speech_verb_under_a_modal_in_the_konjunktiv_is_no_speech_act() {
    let qs = find_quotes(&annotated(
        "Die Verbraucherschützerin Anna Baumeister kritisierte, dass Rückrufe viele Menschen zu \
         spät erreichten. Händler könnten Kunden gezielt warnen, täten das aber zu selten.",
    ));
    let q = find(
        &qs,
        "Händler könnten Kunden gezielt warnen, täten das aber zu selten",
    );
    assert_eq!(speaker(q), "Anna Baumeister", "{qs:#?}");
}

#[test]
fn a_speech_act_in_the_konjunktiv_is_reported_by_the_speaker_before() {
    // nested speech: the inner act and the whole sentence as the reporter's words
    let qs = find_quotes(&annotated(
        "Die Erreger seien im Salzbad gefunden worden, sagte Landrätin Ulrike Brandstätter. \
         Die Genomsequenzierung habe ergeben, dass es sich um den Ausbruchsstamm handle. \
         Auch aus Hessen lägen Meldungen vor, das Institut sei eingeschaltet.",
    ));
    let q = find(
        &qs,
        "Die Genomsequenzierung habe ergeben, dass es sich um den Ausbruchsstamm handle",
    );
    assert_eq!(speaker(q), "Ulrike Brandstätter", "{qs:#?}");
    assert!(qs
        .iter()
        .any(|q| q.text == "dass es sich um den Ausbruchsstamm handle"));
    let q = find(
        &qs,
        "Auch aus Hessen lägen Meldungen vor, das Institut sei eingeschaltet",
    );
    assert_eq!(speaker(q), "Ulrike Brandstätter", "{qs:#?}");
    // not a speech verb in a relative clause
    let qs = find_quotes(&annotated(
        "Die Ministerin Karin Lutz sagte, sie bleibe im Amt. Der Gegner warf ihr vor, sie sei \
         eine Politikerin, die sage, was ihr nütze.",
    ));
    assert!(
        qs.iter()
            .all(|q| !(speaker(q) == "Karin Lutz" && q.text.starts_with("Der Gegner"))),
        "{qs:#?}"
    );
}

#[test]
fn frame_in_the_perfect_after_the_quote() {
    let qs = find_quotes(&annotated("Ralf Deckert leitet den Bezirk.\n\n„Das Werk ist kein Auslaufmodell“, hatte Deckert dort gerufen. Die Lage sei ernst, hat Deckert am Freitag gesagt."));
    let q = find(&qs, "Das Werk ist kein Auslaufmodell");
    assert_eq!(speaker(q), "Ralf Deckert");
    assert_eq!(q.cue.as_deref(), Some("gerufen"));
    let q = find(&qs, "Die Lage sei ernst");
    assert_eq!(speaker(q), "Ralf Deckert");
    assert_eq!(q.cue.as_deref(), Some("gesagt"));
}
