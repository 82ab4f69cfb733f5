//! Fuzz the annotators: any text, read as German and as English, is tokenised, tagged, dated,
//! measured and searched for quotes without a panic, and every span lies inside the text.
#![no_main]

use lagebild_model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars = text.chars().count();
    for language in ["de", "en"] {
        let doc = lagebild_nlp::annotate(Article {
            text: text.to_string(),
            language: language.into(),
            ..Default::default()
        });
        for q in &doc.quotes {
            assert!(q.span.start <= q.span.end && q.span.end <= chars);
        }
        for e in &doc.entities {
            for m in &e.mentions {
                assert!(m.span.end <= chars);
            }
        }
    }
});
