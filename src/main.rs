//! Entry point. Natively with the `cli` feature: the authors' checker
//! (`cargo run --features cli -- check article.json`). Otherwise (the wasm build):
//! install the panic hook and mount the standalone app.

fn main() {
    #[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
    std::process::exit(evidence_article::cli::run(std::env::args()));

    #[cfg(not(all(feature = "cli", not(target_arch = "wasm32"))))]
    evidence_article::embed::start_standalone();
}
