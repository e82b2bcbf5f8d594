//! The browser UI: Yew components and pages. The only layer that touches
//! the DOM; it reads the simulation and lessons, never the other way round.

pub mod app;
pub mod components;
pub mod crash;
pub mod download;
pub mod embed_bridge;
pub mod js;
pub mod lesson_words;
pub mod motion;
pub mod pages;
pub mod progress_state;
pub mod router;
pub mod storage;

/// Mounts the app in the page's `#app` element, replacing the static shell
/// that `index.html` paints before the Wasm has loaded.
pub fn start() {
    crash::install_panic_hook();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
