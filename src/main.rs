//! Standalone page entry: install the panic hook and mount the app.

fn main() {
    evidence_article::embed::start_standalone();
}
