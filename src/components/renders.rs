//! Render counters for the end-to-end tests (builds with the `test-hooks` feature
//! only; elsewhere [`count`] does nothing and compiles to nothing).

/// A counted component.
#[derive(Clone, Copy)]
pub enum Counted {
    /// `ArticleSection`.
    Section = 0,
    /// `CitationGroup`.
    CitationGroup = 1,
    /// `References`.
    References = 2,
}

#[cfg(feature = "test-hooks")]
thread_local! {
    static COUNTS: std::cell::Cell<[u32; 3]> = const { std::cell::Cell::new([0; 3]) };
}

/// Notes one render of `c`.
#[inline]
pub fn count(c: Counted) {
    #[cfg(feature = "test-hooks")]
    COUNTS.with(|n| {
        let mut v = n.get();
        v[c as usize] += 1;
        n.set(v);
    });
    #[cfg(not(feature = "test-hooks"))]
    let _ = c;
}

/// Renders so far: [sections, citation groups, reference lists].
#[cfg(feature = "test-hooks")]
pub fn counts() -> [u32; 3] {
    COUNTS.with(std::cell::Cell::get)
}
