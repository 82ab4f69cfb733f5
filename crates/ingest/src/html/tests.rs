//! Tests on small invented pages.

use super::*;

/// A German news page with the usual furniture around an invented article.
const DE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="utf-8">
<title>Fähre auf der Elbe bleibt wegen Niedrigwasser im Hafen | Elbkurier</title>
<meta property="og:title" content="Fähre auf der Elbe bleibt wegen Niedrigwasser im Hafen">
<meta property="og:site_name" content="Elbkurier">
<meta property="article:published_time" content="2026-11-20T07:45:00+01:00">
<meta name="author" content="Marta Vogelsang und Till Brenner">
<link rel="canonical" href="https://www.elbkurier.example/region/faehre-niedrigwasser">
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Wir verwenden Cookies, um unsere Website zu verbessern. Mit der Nutzung stimmen Sie zu.</p><button>Akzeptieren</button></div>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/region">Region</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav></header>
<main>
<article>
<h1>Fähre auf der Elbe bleibt wegen Niedrigwasser im Hafen</h1>
<p class="byline">Von Marta Vogelsang und Till Brenner</p>
<p>Die Gierseilfähre zwischen Oberwarth und Kleinau hat am Donnerstag den Betrieb eingestellt. Der Pegel der Elbe war in der Nacht auf 48 Zentimeter gefallen, zu wenig für das Schiff, das voll beladen gut einen Meter Wasser unter dem Rumpf braucht.</p>
<p>„Wir hoffen auf Regen in Tschechien“, sagte Fährmeister Jörg Halbach. Pendler müssen nun einen Umweg von 34 Kilometern über die Brücke bei Neudorf fahren. Der Landkreis prüft, ob er einen Bus einsetzt.</p>
<figure><img src="faehre.jpg" alt=""><figcaption>Die Fähre liegt fest. Foto: Bildagentur Nord</figcaption></figure>
<p>Foto: Archiv Elbkurier</p>
<h2>Schon der dritte Ausfall in diesem Jahr</h2>
<p>Bereits im Juli und im September musste die Fähre für jeweils mehrere Tage pausieren. Der Betreiber fordert seit Jahren, die Fahrrinne an der Anlegestelle auszubaggern, doch das Wasserstraßenamt verweist auf den Naturschutz im Auenwald.</p>
<p>Die Gemeinde Oberwarth will das Thema in der nächsten Ratssitzung am Dienstag beraten. Bürgermeisterin Ilse Raabe kündigte an, sich beim Land für eine schnelle Lösung einzusetzen.</p>
<div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
</article>
<aside class="related"><h3>Mehr zum Thema</h3><ul>
<li><a href="/a">Neue Brücke bei Neudorf soll 2028 fertig sein</a></li>
<li><a href="/b">Niedrigwasser: Frachtschiffe fahren nur halb beladen</a></li>
<li><a href="/c">Sommer der Extreme an der Elbe</a></li></ul></aside>
<section id="comments" class="comments"><h3>Kommentare</h3>
<div class="comment"><p>Leserin Anke: Das wurde auch Zeit, dass darüber berichtet wird!</p></div></section>
</main>
<footer><p>© 2026 Elbkurier Verlag · Impressum · Datenschutz · Kontakt</p></footer>
</body></html>"##;

/// An English page whose metadata lives in JSON-LD and a `<time>` element.
const EN_PAGE: &str = r#"<html lang="en-GB"><head>
<title>Harbour town votes to keep its lighthouse lit - The Coastal Herald</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Coastal Herald"},
 {"@type":"NewsArticle","headline":"Harbour town votes to keep its lighthouse lit",
  "datePublished":"2026-03-14T18:20:00Z",
  "author":[{"@type":"Person","name":"Priya Calloway"},{"@type":"Person","name":"Owen Marsh"}],
  "publisher":{"@type":"Organization","name":"The Coastal Herald"}}]}
</script>
</head><body>
<div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></div>
<div class="content">
<h1>Harbour town votes to keep its lighthouse lit</h1>
<time datetime="2026-03-14T18:20:00Z">14 March 2026</time>
<p>Residents of Port Aldry voted by a wide margin on Saturday to keep the old lighthouse on the breakwater burning, even though ships no longer need it to find the harbour entrance.</p>
<p>The council had proposed switching the lamp off to save about four thousand pounds a year. More than two thirds of those who took part in the ballot rejected the plan, and several fishermen said the light still helped them at night.</p>
<p>"It is part of who we are," said the harbour master, Glenda Pike, after the count. The council will now look for volunteers to help with the upkeep of the tower.</p>
</div>
<div class="newsletter"><p>Sign up for our newsletter and get the top stories every morning.</p></div>
<div class="footer"><a href="/about">About us</a> | <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></div>
</body></html>"#;

#[test]
fn german_page_text_keeps_article_and_drops_furniture() {
    let e = extract(DE_PAGE, None);
    let t = &e.text;
    assert!(
        t.contains("Die Gierseilfähre zwischen Oberwarth und Kleinau"),
        "{t}"
    );
    assert!(t.contains("„Wir hoffen auf Regen in Tschechien“"), "{t}");
    assert!(t.contains("Schon der dritte Ausfall in diesem Jahr"), "{t}");
    assert!(t.contains("Bürgermeisterin Ilse Raabe"), "{t}");
    for junk in [
        "Wir verwenden Cookies",
        "Startseite",
        "Mehr zum Thema",
        "Neue Brücke bei Neudorf",
        "Leserin Anke",
        "Impressum",
        "Foto: Bildagentur Nord",
        "Archiv Elbkurier",
        "Teilen",
    ] {
        assert!(!t.contains(junk), "{junk:?} leaked into: {t}");
    }
    // Paragraphs are separated by blank lines.
    assert!(t.contains("Kilometern über die Brücke bei Neudorf fahren. Der Landkreis prüft, ob er einen Bus einsetzt.\n\n"), "{t}");
}

#[test]
fn german_page_metadata() {
    let e = extract(DE_PAGE, None);
    assert_eq!(
        e.title,
        "Fähre auf der Elbe bleibt wegen Niedrigwasser im Hafen"
    );
    assert_eq!(e.published.as_deref(), Some("2026-11-20"));
    assert_eq!(e.published_time.as_deref(), Some("07:45"));
    assert_eq!(e.authors, vec!["Marta Vogelsang", "Till Brenner"]);
    assert_eq!(e.outlet.as_deref(), Some("Elbkurier"));
    assert_eq!(
        e.url.as_deref(),
        Some("https://www.elbkurier.example/region/faehre-niedrigwasser")
    );
    assert_eq!(e.language.as_deref(), Some("de"));
}

#[test]
fn english_page_from_json_ld() {
    let e = extract(
        EN_PAGE,
        Some("https://www.coastalherald.example/news/lighthouse"),
    );
    assert_eq!(e.title, "Harbour town votes to keep its lighthouse lit");
    assert_eq!(e.published.as_deref(), Some("2026-03-14"));
    assert_eq!(e.published_time.as_deref(), Some("18:20"));
    assert_eq!(e.authors, vec!["Priya Calloway", "Owen Marsh"]);
    assert_eq!(e.outlet.as_deref(), Some("The Coastal Herald"));
    assert_eq!(
        e.url.as_deref(),
        Some("https://www.coastalherald.example/news/lighthouse")
    );
    assert_eq!(e.language.as_deref(), Some("en"));
    let t = &e.text;
    assert!(t.contains("Residents of Port Aldry voted"), "{t}");
    assert!(t.contains("\"It is part of who we are,\""), "{t}");
    for junk in ["Sign up for our newsletter", "Privacy", "Weather"] {
        assert!(!t.contains(junk), "{junk:?} leaked into: {t}");
    }
}

#[test]
fn title_suffix_and_byline_fallbacks() {
    let html = r#"<html><head><title>Stadtrat beschließt neuen Radweg am Kanal – Weserbote Online</title></head>
<body><article><h1>Stadtrat beschließt neuen Radweg am Kanal</h1>
<div class="author">Von Hanne Lüdecke</div>
<p>Der Radweg am Kanal wird ab dem Frühjahr verbreitert. Der Stadtrat stimmte am Mittwochabend mit großer Mehrheit für den Plan der Verwaltung, die Kosten liegen bei 1,2 Millionen Euro.</p>
<p>Veröffentlicht am <time datetime="2026-05-06">6. Mai 2026</time>.</p>
</article></body></html>"#;
    let e = extract(html, Some("https://weserbote.example/lokales/radweg"));
    assert_eq!(e.title, "Stadtrat beschließt neuen Radweg am Kanal");
    assert_eq!(e.authors, vec!["Hanne Lüdecke"]);
    assert_eq!(e.published.as_deref(), Some("2026-05-06"));
    assert_eq!(e.published_time, None);
    assert_eq!(e.outlet.as_deref(), Some("weserbote.example"));
    assert!(e
        .text
        .contains("Der Radweg am Kanal wird ab dem Frühjahr verbreitert."));
}

#[test]
fn a_visible_publication_stamp_dates_a_page_without_one_in_its_markup() {
    let body = "<p>Under the ban, customers may not use a hosepipe to water gardens, wash cars or \
fill paddling pools, and those caught breaking the rules face fines of up to a thousand pounds.</p>";
    let en = format!(
        "<html><head><title>Hosepipe ban from Friday</title></head><body><div class=\"story\">\
<h1>Hosepipe ban from Friday</h1>{body}<div class=\"foot\"><p>Published: 12 August 2026, 14:05 \
BST</p></div></div></body></html>"
    );
    let e = extract(&en, None);
    assert_eq!(e.published.as_deref(), Some("2026-08-12"));
    assert_eq!(e.published_time.as_deref(), Some("14:05"));
    let de = format!(
        "<html><head><title>Wasser wird knapp</title></head><body><div>{body}\
<span class=\"stamp\">Veröffentlicht am 11.08.2026 um 9:30 Uhr</span></div></body></html>"
    );
    let e = extract(&de, None);
    assert_eq!(e.published.as_deref(), Some("2026-08-11"));
    assert_eq!(e.published_time.as_deref(), Some("09:30"));
    // a date in the text that no label marks as the publication dates nothing
    let plain = format!(
        "<html><head><title>Wasser</title></head><body><div>{body}<p>12.08.2026</p></div></body></html>"
    );
    assert_eq!(extract(&plain, None).published, None);
}

#[test]
fn outlet_from_canonical_host_and_not_as_author() {
    let html = r#"<html lang="de"><head>
<meta property="og:title" content="Hafenfest fällt wegen Sturmwarnung aus › Nordlicht">
<meta name="author" content="Nordlicht">
<link rel="canonical" href="https://www.nordlicht.example/2026/04/hafenfest">
</head><body><article><h1>Hafenfest fällt wegen Sturmwarnung aus</h1>
<p>Das für Samstag geplante Hafenfest ist abgesagt worden. Der Wetterdienst erwartet Böen bis Windstärke zehn, die Veranstalter wollen das Fest im Mai nachholen.</p>
</article></body></html>"#;
    let e = extract(html, None);
    assert_eq!(e.title, "Hafenfest fällt wegen Sturmwarnung aus");
    assert_eq!(e.outlet.as_deref(), Some("nordlicht.example"));
    assert!(e.authors.is_empty(), "{:?}", e.authors);
}

#[test]
fn lead_in_teaser_box_is_kept_and_related_teasers_dropped() {
    let html = r#"<html><body><div class="header"><h1>Neue Buslinie verbindet drei Dörfer</h1>
<div class="teaser-text"><p>Ab Montag fährt ein Rufbus zwischen Altheim, Berghausen und Tannenfeld. Fahrgäste melden ihre Fahrt eine Stunde vorher telefonisch an.</p></div></div>
<div class="article-body">
<p>Der Kreis hatte den Rufbus im vergangenen Herbst beschlossen. Er ersetzt zwei Linien, auf denen zuletzt an manchen Tagen kein einziger Fahrgast gezählt wurde, und kostet den Kreis nach eigenen Angaben weniger als die alten Fahrpläne.</p>
<p>Gebucht wird per Telefon oder über eine App. Der Fahrpreis entspricht dem normalen Tarif, Zeitkarten gelten ebenfalls. Die Verkehrsgesellschaft will nach einem Jahr Bilanz ziehen und dann entscheiden, ob weitere Orte angeschlossen werden.</p>
<p>Weitere Artikel zum Thema</p>
<p><a href="/x">Bahnhof Altheim wird barrierefrei</a></p>
<p><a href="/y">Streit um Schulbus in Tannenfeld</a></p>
</div></body></html>"#;
    let e = extract(html, None);
    let t = &e.text;
    assert!(t.starts_with("Ab Montag fährt ein Rufbus"), "{t}");
    assert!(
        t.contains("Die Verkehrsgesellschaft will nach einem Jahr Bilanz ziehen"),
        "{t}"
    );
    assert!(!t.contains("Weitere Artikel"), "{t}");
    assert!(!t.contains("Bahnhof Altheim"), "{t}");
}

#[test]
fn site_names_leave_titles_and_non_names_leave_authors() {
    use super::meta::{split_names, strip_site};
    assert_eq!(
        strip_site(
            "Winterdienst startet früher | Talbote | Jetzt lesen!",
            Some("Talbote")
        ),
        "Winterdienst startet früher"
    );
    assert_eq!(
        strip_site("Talbote - Winterdienst startet früher", Some("Talbote")),
        "Winterdienst startet früher"
    );
    assert_eq!(
        strip_site("Winterdienst startet früher – Lokales", None),
        "Winterdienst startet früher"
    );
    assert_eq!(strip_site("Ja - Nein", None), "Ja - Nein");
    assert_eq!(
        split_names("Von Eva von der Heide und Kurt Oster"),
        vec!["Eva von der Heide", "Kurt Oster"]
    );
    assert_eq!(
        split_names("By Sam Field & Lee Ward"),
        vec!["Sam Field", "Lee Ward"]
    );
    // a byline in capitals with the agency after the last name
    assert_eq!(
        split_names("By MARIA HOLLOWAY and JAMES PRUITT Associated Press"),
        vec!["Maria Holloway", "James Pruitt"]
    );
    assert_eq!(
        split_names("ANNE-MARIE O'NEILL, dpa"),
        vec!["Anne-Marie O'Neill"]
    );
    assert_eq!(split_names("Jens Weber (dpa)"), vec!["Jens Weber"]);
    assert!(split_names("Archiv anzeigen").is_empty());
    assert!(split_names("Beispiel-Verlag GmbH, Kassel, Germany").is_empty());
    assert!(split_names("https://example.org/autor/eva").is_empty());
}

#[test]
fn dates_in_several_forms() {
    use super::meta::parse_datetime;
    let d = |s: &str| parse_datetime(s);
    assert_eq!(
        d("2026-11-21T14:05:00+01:00"),
        Some(("2026-11-21".into(), Some("14:05".into())))
    );
    assert_eq!(
        d("21.11.2026, 9:05 Uhr"),
        Some(("2026-11-21".into(), Some("09:05".into())))
    );
    assert_eq!(d("20261121"), Some(("2026-11-21".into(), None)));
    assert_eq!(d("2026-13-01"), None);
    assert_eq!(d("gestern"), None);
    assert_eq!(d("ä"), None);
}

#[test]
fn malformed_input_does_not_panic() {
    let nasty = [
        "",
        "<",
        "<<<>>>",
        "<html",
        "<p>ungeschlossen <b>fett <i>kursiv</p></div></span>",
        "<script>",
        "<meta content><meta property=og:title>",
        "<script type=\"application/ld+json\">{\"@graph\": [[[[[[{}]]]]]], \"author\": 5}</script>",
        "<title> | - | </title>",
        "<time datetime=\"2026-99-99T99:99\"></time>",
        "\u{0}\u{feff}\u{202e}<p>\u{0}</p>",
        "<table><tr><td><p>Zelle<td>Zelle</table>",
    ];
    for n in nasty {
        let _ = extract(n, Some("not a url"));
    }
    let deep = "<div>".repeat(5000) + "Text" + &"</div>".repeat(5000);
    let _ = extract(&deep, None);
    // Pseudo-random byte soup, deterministic.
    let mut x: u32 = 12345;
    for _ in 0..50 {
        let mut s = String::new();
        for _ in 0..400 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let pieces = [
                "<p>",
                "</p>",
                "<div class=x>",
                "</div>",
                "<a href=y>",
                "</a>",
                "Wort ",
                "ß",
                "„",
                "<h2>",
                "<br>",
                "<!--",
                "-->",
                "&amp;",
                "&#",
                "<meta name=author content='A B'>",
            ];
            s.push_str(pieces[(x >> 16) as usize % pieces.len()]);
        }
        let _ = extract(&s, None);
    }
}

#[test]
fn same_input_same_output() {
    assert_eq!(extract(DE_PAGE, None), extract(DE_PAGE, None));
}

#[test]
fn newsletter_comment_and_affiliate_furniture_dropped() {
    let html = r#"<html><body><article><h1>Neuer Spielplatz im Stadtpark eröffnet</h1>
<p>Anzeige, enthält Affiliate Links</p>
<p>Im Stadtpark von Kleinbergen ist am Samstag ein neuer Spielplatz eröffnet worden. Die Gemeinde hat dafür rund 80.000 Euro ausgegeben, Eltern hatten sich seit Jahren dafür eingesetzt.</p>
<p>Der alte Spielplatz am Weiher wird im Herbst abgebaut, weil seine Geräte nicht mehr sicher sind. An seiner Stelle soll eine Wiese mit Obstbäumen entstehen.</p>
<p>Zum Newsletter anmelden</p>
<p>Keine Kommentare</p>
<h3>Das Thema könnte dich auch interessieren:</h3>
<p>Ein Sommerfest im Nachbarort</p>
</article></body></html>"#;
    let e = extract(html, None);
    assert!(e.text.contains("ein neuer Spielplatz eröffnet worden"));
    assert!(e.text.contains("eine Wiese mit Obstbäumen entstehen"));
    for furniture in [
        "Affiliate",
        "Newsletter",
        "Keine Kommentare",
        "interessieren",
        "Sommerfest",
    ] {
        assert!(!e.text.contains(furniture), "{furniture}: {}", e.text);
    }
}
