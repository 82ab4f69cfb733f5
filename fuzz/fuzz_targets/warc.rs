//! Fuzz the warc reader: arbitrary bytes must give articles or one-line errors, never a panic.
#![no_main]

use lagebild_ingest::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    read_bytes("fuzz", "fuzz", Some(Format::Warc), data, &mut |r| {
        if let Err(e) = r {
            assert!(!e.to_string().contains('\n'));
        }
    });
});
