//! Authoring analysis, pure and shared by the CLI (`check`, `stats`), the studio and
//! the tests: the reading level of the plain-language text ([`reading`]) and what
//! the article leaves unexplained or unconnected ([`coverage`]). No browser, no I/O:
//! it compiles for the wasm as well.

pub mod counter;
pub mod coverage;
pub mod reading;
pub mod terms;
pub mod texts;

pub use counter::Counts;
pub use coverage::{coverage, CoverageFinding, CoverageKind};
pub use reading::{
    reading, ReadingReport, SentenceReading, TextReading, MIN_WORDS_FOR_LIMIT, TARGET_GRADE,
};
pub use texts::Role;
