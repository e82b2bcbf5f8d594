//! Fetches a lesson's words when the lesson opens. They live in JSON files
//! beside the app (build.rs writes them, `src/bin/content.rs` puts them in
//! dist/), so the Wasm carries no lesson text. Each file is read once per
//! page: a lesson opened again comes from memory, and so do the words the
//! page holds, for as long as it is open (hence `'static`).

use crate::lessons::content::{glossary_from_json, lesson_from_json};
use crate::lessons::text::{content_file, LessonText, Term, GLOSSARY_FILE};
use crate::lessons::LessonSlug;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Where a lesson's words are.
#[derive(Clone, Debug, PartialEq)]
pub enum Words {
    Loading,
    Ready(&'static LessonText),
    /// Why they could not be had, in words for the learner.
    Failed(String),
}

thread_local! {
    // By the lesson's position: a map would bring its hashing code along.
    static LESSONS: RefCell<[Option<&'static LessonText>; LessonSlug::ALL.len()]> = const { RefCell::new([None; LessonSlug::ALL.len()]) };
    static GLOSSARY: RefCell<Option<Vec<Term>>> = const { RefCell::new(None) };
}

/// The file's text, or why not.
async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let offline = "the connection failed (are you offline?)".to_owned();
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| offline.clone())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "the answer was not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {} for {path}", response.status()));
    }
    let body = response.text().map_err(|_| offline.clone())?;
    JsFuture::from(body).await.map_err(|_| offline)?.as_string().ok_or_else(|| "the file is not text".to_owned())
}

async fn glossary() -> Result<Vec<Term>, String> {
    if let Some(terms) = GLOSSARY.with(|g| g.borrow().clone()) {
        return Ok(terms);
    }
    let terms = glossary_from_json(&fetch_text(GLOSSARY_FILE).await?).map_err(|e| format!("the glossary is damaged: {e}"))?;
    GLOSSARY.with(|g| *g.borrow_mut() = Some(terms.clone()));
    Ok(terms)
}

fn cached(slug: LessonSlug) -> Option<&'static LessonText> {
    LESSONS.with(|l| l.borrow()[slug.position() as usize])
}

/// A lesson's words, fetched once.
pub async fn load(slug: LessonSlug) -> Result<&'static LessonText, String> {
    if let Some(text) = cached(slug) {
        return Ok(text);
    }
    let terms = glossary().await?;
    let json = fetch_text(content_file(slug)).await?;
    let text = lesson_from_json(&json, terms).map_err(|e| format!("the lesson's file is damaged: {e}"))?;
    // Kept for the page's life: at most one copy per lesson, a few tens
    // of kilobytes each.
    let text: &'static LessonText = Box::leak(Box::new(text));
    LESSONS.with(|l| l.borrow_mut()[slug.position() as usize] = Some(text));
    Ok(text)
}

/// The lesson's words as they arrive, and a callback that tries again
/// after a failure.
#[hook]
pub fn use_words(slug: LessonSlug) -> (Words, Callback<()>) {
    let cached = cached(slug);
    let words = use_state(move || cached.map_or(Words::Loading, Words::Ready));
    let attempt = use_state(|| 0u32);
    {
        let words = words.clone();
        use_effect_with((slug, *attempt), move |_| {
            if matches!(*words, Words::Ready(_)) {
                crate::ui::prepaint::dismiss();
            } else {
                words.set(Words::Loading);
                yew::platform::spawn_local(async move {
                    let loaded = load(slug).await;
                    // The lesson's page, or why not, takes the painted one's place.
                    crate::ui::prepaint::dismiss();
                    words.set(match loaded {
                        Ok(text) => Words::Ready(text),
                        Err(why) => Words::Failed(why),
                    });
                });
            }
        });
    }
    let retry = Callback::from(move |_| attempt.set(*attempt + 1));
    ((*words).clone(), retry)
}
