//! The learner's motion preference, read once from the browser.

/// True when the system asks for reduced motion: the drawings then show
/// state without moving packets.
pub fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches())
}
