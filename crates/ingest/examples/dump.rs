//! Print the articles read from the given paths as JSON Lines (errors on stderr).
//! `cargo run -p lagebild-ingest --example dump -- PATH…`

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    lagebild_ingest::read_inputs(&paths, &mut |r| match r {
        Ok(a) => match serde_json::to_string(&a) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("{e}"),
        },
        Err(e) => eprintln!("{e}"),
    });
}
