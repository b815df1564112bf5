//! Yew function components, one per file. They render the same HTML under SSR and in
//! the browser: browser APIs appear only inside effects and event callbacks.

pub mod app;
pub mod article;
pub mod article_section;
pub mod audience_picker;
pub mod chart;
pub mod citation;
pub mod context;
pub mod error_panel;
pub mod follow_up;
pub mod glance;
pub mod header;
pub mod inline;
pub mod last;
pub mod popover;
pub mod popover_layer;
pub mod references;
pub mod renders;
pub mod section;
pub mod section_host;
pub mod section_slots;
pub mod share;
pub mod tail;
pub mod term;

pub use app::{App, AppProps, ArticleSource};
