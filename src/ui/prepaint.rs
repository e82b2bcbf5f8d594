//! Ends the page painted before the app loaded (`page::prepaint`, shown by
//! assets/page.js) and the static shell: the app's own page takes their
//! place. While either stands, the style sheet keeps `#app` out of sight,
//! so two pages never show at once.

use crate::route::Route;

/// Removes the painted page and the shell. Safe to call any number of
/// times. A reader who had moved the keyboard focus into the painted page
/// finds it on the app's page, not lost at the top of the document.
pub fn dismiss() {
    let document = gloo::utils::document();
    let focused = document.active_element();
    let mut refocus = false;
    for id in ["prepaint", "shell"] {
        if let Some(element) = document.get_element_by_id(id) {
            refocus |= focused.as_ref().is_some_and(|f| element.contains(Some(f)));
            element.remove();
        }
    }
    if refocus {
        // After the app has drawn its page in place of this one.
        gloo::timers::callback::Timeout::new(0, focus_main).forget();
    }
}

fn focus_main() {
    let main = gloo::utils::document().query_selector("#app #main").ok().flatten();
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}

thread_local! {
    static WHOLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app has drawn its first page whole (`app::Drawn`). Until
/// then a change of address leaves the painted page standing (assets/page.js
/// paints the new address's), since the app's page is not ready to show.
pub fn app_is_whole() -> bool {
    WHOLE.with(|w| w.get())
}

/// The app's first page is whole: from here on it takes the painted page's
/// place, except that a lesson keeps its painting until its words have
/// arrived (`lesson_words`), so the learner reads on meanwhile. The shell
/// goes in any case: under a painted page it is hidden, and its ids would
/// stand twice.
pub fn app_drawn_whole() {
    WHOLE.with(|w| w.set(true));
    if matches!(crate::ui::router::current_route(), Route::Lesson { .. }) {
        if let Some(shell) = gloo::utils::document().get_element_by_id("shell") {
            shell.remove();
        }
    } else {
        dismiss();
    }
}

/// Resolves once the painted page has been drawn (assets/page.js), or at
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
