//! Hash routing in a few lines: the current route is read from
//! `location.hash` and re-read on every `hashchange`; links are plain
//! anchors with `href="#/..."`, which browsers follow natively (keyboard,
//! middle-click and "open in new tab" included).
//!
//! Written here rather than taken from yew-router, which carried a general
//! path matcher, a history abstraction and URL-encoding machinery this app
//! does not need, at about 14 KB of the gzipped bundle.

use crate::route::Route;
use gloo::events::EventListener;
use yew::prelude::*;

pub fn current_route() -> Route {
    Route::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The route shown now; the component re-renders when the hash changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                // A page painted before the app loaded is for the old
                // address; while the app is still drawing its first page,
                // assets/page.js paints the new one in its place.
                if crate::ui::prepaint::app_is_whole() {
                    crate::ui::prepaint::dismiss();
                }
                route.set(current_route());
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
