//! Host configuration decoded at the edge (attributes, mount options, storage) into
//! plain values the app receives as props. Pure: parsing never fails, bad values
//! become `None` (the safe default).

use crate::model::{validate::safe_href, Audience};

/// Settings a host (or the standalone page) gives one widget instance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WidgetConfig {
    /// Prefix for element ids, unique per instance on a page.
    pub prefix: String,
    /// Host's default audience (`audience` attribute).
    pub host_audience: Option<Audience>,
    /// Reader's stored preference, read by the mount code.
    pub stored_audience: Option<Audience>,
    /// Where "Have a follow-up question?" leads.
    pub follow_up_href: Option<String>,
    /// Whether the widget may write its state into the page URL.
    pub share_state: bool,
    /// Initial state decoded from the URL (share link).
    pub url_state: Option<crate::url::ShareState>,
    /// Query parameter this instance's state lives under (`ea`, `ea-<id>`…).
    pub url_key: Option<String>,
    /// How long to wait for a `src` article (`fetch-timeout`, ms; clamped).
    pub fetch_timeout_ms: Option<u32>,
    /// Whether pre-rendered markup shows the freshness notice: decided with the
    /// clock of whoever pre-rendered it. The first render repeats that decision so
    /// hydration matches and nothing shifts; the header then re-checks with the
    /// reader's clock. `None`: nothing pre-rendered, the header decides alone.
    pub stale_hint: Option<bool>,
    /// The reader's date, read by the mount code when the widget renders afresh
    /// (nothing pre-rendered is hydrated): the first render decides the freshness
    /// notice with it, so the notice is there from the first frame instead of
    /// appearing after it and pushing the article down. `None` under SSR and when
    /// hydrating ([`Self::stale_hint`] decides then).
    pub today: Option<crate::model::freshness::Date>,
}

impl WidgetConfig {
    /// The query key for share state.
    pub fn share_key(&self) -> String {
        self.url_key.clone().unwrap_or_else(|| "ea".to_owned())
    }

    /// Parses the `audience` attribute; unknown values are ignored.
    pub fn parse_audience(v: Option<&str>) -> Option<Audience> {
        v.map(str::trim).and_then(Audience::from_id)
    }

    /// Accepts a follow-up URL only with an allowed scheme.
    pub fn parse_follow_up(v: Option<&str>) -> Option<String> {
        v.map(str::trim)
            .filter(|s| !s.is_empty() && s.len() <= 2048 && safe_href(s))
            .map(str::to_owned)
    }

    /// The audience to start with: a share link wins for the visit, then the reader's
    /// stored choice, then the host's default, then physician.
    pub fn initial_audience(&self) -> (Audience, bool) {
        if let Some(a) = self.url_state.as_ref().and_then(|s| s.audience) {
            return (a, true);
        }
        if let Some(a) = self.stored_audience {
            return (a, true);
        }
        (self.host_audience.unwrap_or_default(), false)
    }

    /// Whether the reader's first view is the view pre-rendered for `rendered`: that
    /// audience, not chosen by the reader, and no share link that opens, shuts or
    /// points at anything. Only then may the widget hydrate pre-rendered markup
    /// (hydration must start from identical markup); otherwise it renders afresh.
    pub fn matches_prerender(&self, rendered: Audience) -> bool {
        self.url_state.as_ref().is_none_or(|s| s.is_empty())
            && self.initial_audience() == (rendered, false)
    }
}

/// Events the widget reports to its host.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// The article rendered.
    Ready,
    /// The reader changed audience.
    AudienceChange(Audience),
    /// The follow-up button was used.
    FollowUp {
        /// The article's question.
        question: String,
        /// Current audience.
        audience: Audience,
    },
    /// The article could not be shown.
    Error(String),
}

/// What a host asks of the audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceRequest {
    /// Switch, as if the reader chose it (mount API `setAudience`).
    Reader(Audience),
    /// A new default (`audience` attribute): the reader's or a share link's choice wins.
    Default(Audience),
}

/// A handle the host keeps to steer a mounted widget (mount API `setAudience`,
/// `audience` attribute changes) and to read the reader's state back (kept across
/// a re-mount).
#[derive(Default)]
pub struct Control {
    set_audience: std::cell::RefCell<Option<yew::Callback<AudienceRequest>>>,
    /// A default that arrived while the article was still loading.
    pending_default: std::cell::Cell<Option<Audience>>,
    /// The reader's state as of the last render.
    snapshot: std::cell::RefCell<Option<crate::url::ShareState>>,
}

impl PartialEq for Control {
    /// Two controls are the same only if they are the same object.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Control")
    }
}

impl Control {
    /// Called by the widget when it mounts; a default set while loading applies now.
    pub fn connect(&self, cb: Option<yew::Callback<AudienceRequest>>) {
        if let (Some(cb), Some(a)) = (&cb, self.pending_default.take()) {
            cb.emit(AudienceRequest::Default(a));
        }
        *self.set_audience.borrow_mut() = cb;
    }

    /// Sets the reader's audience; false when no widget is connected.
    pub fn set_audience(&self, a: Audience) -> bool {
        let cb = self.set_audience.borrow().clone();
        cb.map(|cb| cb.emit(AudienceRequest::Reader(a))).is_some()
    }

    /// Sets the host's default audience (kept until the widget connects).
    pub fn set_default_audience(&self, a: Audience) {
        let cb = self.set_audience.borrow().clone();
        match cb {
            Some(cb) => cb.emit(AudienceRequest::Default(a)),
            None => self.pending_default.set(Some(a)),
        }
    }

    /// Records the reader's state (called after each render that changed it).
    pub fn record(&self, state: crate::url::ShareState) {
        *self.snapshot.borrow_mut() = Some(state);
    }

    /// The reader's state as last recorded.
    pub fn snapshot(&self) -> Option<crate::url::ShareState> {
        self.snapshot.borrow().clone()
    }
}
