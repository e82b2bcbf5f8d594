//! What the learner sees if the app panics. A panic aborts the Wasm instance,
//! so nothing written in Yew can run afterwards: the hook unhides a banner
//! that `index.html` already holds, whose reload button is wired by a plain
//! script (assets/page.js) that needs no Wasm.

pub const BANNER_ID: &str = "crash-banner";

/// Through Yew's own setter: its renderer puts its default hook in place of
/// any set with `std::panic::set_hook`, which left the banner hidden after
/// any panic once the app had started.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
}

/// Makes the "something went wrong" banner visible and moves focus to it so
/// keyboard and screen-reader users learn of it too.
pub fn show_crash_banner() {
    let Some(banner) = gloo::utils::document().get_element_by_id(BANNER_ID) else {
        return;
    };
    let _ = banner.remove_attribute("hidden");
    if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&banner) {
        let _ = el.focus();
    }
}
