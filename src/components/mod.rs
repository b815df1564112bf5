//! Yew function components, one per file. They render the same HTML under SSR and in
//! the browser: browser APIs appear only inside effects and event callbacks.

pub mod app;
pub mod article;
pub mod audience_picker;
pub mod citation;
pub mod error_panel;
pub mod header;
pub mod inline;
pub mod popover;
pub mod references;
pub mod section;
pub mod share;

pub use app::{App, AppProps, ArticleSource};
