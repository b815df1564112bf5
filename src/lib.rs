//! evidence-article: a clinical evidence article widget in Rust + Yew, compiled to
//! WebAssembly.
//!
//! Data flows one way: article JSON → [`model`] (types, limits, validation) →
//! [`viewmodel`] (resolved for an audience) → [`components`] → DOM, with reader
//! state in one reducer ([`state`]) and side effects (storage, URL, host events)
//! in effects. [`embed`] is the thin shell that mounts the app into host pages.

pub mod analysis;
pub mod chart;
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod cli;
pub mod components;
pub mod config;
pub mod dom;
pub mod embed;
pub mod fetch;
pub mod hooks;
pub mod load;
pub mod markup;
pub mod model;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod render;
pub mod state;
pub mod storage;
pub mod url;
pub mod viewmodel;

/// The wasm's allocator: Talc instead of Rust's default dlmalloc (a few KB less wasm,
/// faster allocation; memory grows the same way, through `memory.grow`).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use components::{App, AppProps, ArticleSource};
