//! The browser UI: Yew components and pages. The only layer that touches
//! the DOM; it reads the simulation and lessons, never the other way round.

pub mod app;
pub mod components;
pub mod crash;
pub mod download;
pub mod embed_bridge;
pub mod js;
pub mod lesson_words;
pub mod lms;
pub mod motion;
pub mod pages;
pub mod prepaint;
pub mod progress_state;
pub mod router;
pub mod storage;

/// Mounts the app in the page's `#app` element, once the page painted
/// before the Wasm loaded has been drawn (`prepaint`), and draws it a stage
/// a task (`app::Drawn`); the painted page gives way to the app's once the
/// app has drawn its own.
pub fn start() {
    crash::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        prepaint::shown().await;
        prepaint::next_task().await;
        let first = app::AppProps { drawn: app::Drawn::Nothing };
        let mut handle = match gloo::utils::document().get_element_by_id("app") {
            Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, first),
            None => yew::Renderer::<app::App>::with_props(first),
        }
        .render();
        // The painted page goes once the app's page is whole (`app::App`).
        for drawn in [app::Drawn::Frame, app::Drawn::Whole] {
            prepaint::next_task().await;
            handle.update(app::AppProps { drawn });
        }
    });
}
