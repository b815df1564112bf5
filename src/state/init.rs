//! The first state of a widget: the article's section defaults, then the reader's
//! share link (audience, open/shut sections, open citation, scroll position).

use super::{FocusTarget, Popover, WidgetState};
use crate::config::WidgetConfig;
use crate::model::Article;
use crate::url;
use crate::viewmodel::{self, ArticleView};

/// Builds the first state from the article defaults and the share link.
pub fn initial_state(article: &Article, config: &WidgetConfig) -> WidgetState {
    initial_state_for(
        &viewmodel::build(article, config.initial_audience().0),
        config,
    )
}

/// [`initial_state`] from the view of the first audience, when the caller has
/// built it already (the widget renders that view first, so it is built once).
/// Section ids and citation numbers are the same in every audience's view.
pub fn initial_state_for(base: &ArticleView, config: &WidgetConfig) -> WidgetState {
    let (audience, chosen) = config.initial_audience();
    let defaults = base.section_defaults();
    let mut s = WidgetState::new(audience, &defaults);
    s.parts = base.sections.len() + 1;
    s.audience_chosen = chosen;
    let Some(link) = &config.url_state else {
        return s;
    };
    let ids: Vec<String> = defaults.iter().map(|(i, _)| i.clone()).collect();
    let link = url::sanitize(link.clone(), &ids, base.reference_count);
    s.open.extend(link.open.iter().cloned());
    for id in &link.shut {
        s.open.remove(id);
    }
    if let Some(number) = link.cite {
        if let Some(marker) = base.first_marker_for(number) {
            if let Some((_, sid, _)) = base.markers().into_iter().find(|(o, _, _)| *o == marker) {
                s.open.extend(base.ancestry(&sid).unwrap_or_default());
            }
            s.popover = Some(Popover::Cite {
                number,
                marker,
                pinned: true,
            });
        }
    }
    if let Some(at) = link.at {
        s.open.extend(base.ancestry(&at).unwrap_or_default());
        s.scroll_to = Some(FocusTarget::Section(at));
    }
    s
}
