//! Ends the page painted before the app loaded (`page::prepaint`, shown by
//! assets/paint.js) and the static shell: the app's own page takes their
//! place. While either stands, the style sheet keeps `#app` out of sight,
//! so two pages never show at once.

use crate::route::Route;

/// Removes the painted page and the shell. Safe to call any number of times.
pub fn dismiss() {
    let document = gloo::utils::document();
    for id in ["prepaint", "shell"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
}

/// At start: a lesson keeps its painting until its words have arrived
/// (`lesson_words`), so the learner reads on meanwhile; every other page
/// is the app's at once.
pub fn dismiss_unless_waiting(route: &Route) {
    if !matches!(route, Route::Lesson { .. }) {
        dismiss();
    }
}

/// Resolves once the painted page has been drawn (assets/paint.js), or at
/// once where there is none.
pub async fn shown() {
    let shown = js_sys::Reflect::get(&gloo::utils::window(), &"hubAndMeshShown".into()).ok();
    if let Some(promise) = shown.and_then(|v| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(v).ok()) {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Resolves in a task of its own: work after it does not lengthen the
/// task before, which keeps the page answering input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
