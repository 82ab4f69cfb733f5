//! Print the sentences of a text file, one a line (for eyeballing the segmenter).
fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for s in lagebild_nlp::tokenize::sentences(&text) {
            let t = lagebild_model::slice_chars(&text, s.span).replace('\n', "⏎");
            println!("{t}");
        }
    }
    Ok(())
}
