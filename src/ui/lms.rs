//! A lesson launched by an LMS through SCORM 1.2: the LMS's API (found in a
//! frame above, as the standard's discovery algorithm looks for it) holds
//! the lesson's progress for this learner. The session opens once, when
//! the page starts, so the lesson shows what the LMS kept; from then on
//! every change goes back to it, until the page goes. What to write is
//! decided natively in `embed::scorm` and `embed::suspend`.

use crate::embed::{right_answers, scorm, suspend, Outbound};
use crate::lessons::LessonSlug;
use crate::progress::LessonProgress;
use crate::ui::js::{call_str, get};
use gloo::events::EventListener;
use js_sys::Object;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The SCORM 1.2 API object (`window.API`) of the nearest frame above that
/// has one, or above the window that opened this one.
fn find_api() -> Option<JsValue> {
    let window: JsValue = gloo::utils::window().into();
    let starts = [Some(window.clone()), get(&window, "opener")];
    for start in starts.into_iter().flatten() {
        let mut win = start;
        for _ in 0..8 {
            if let Some(api) = get(&win, "API").filter(|a| get(a, "LMSInitialize").is_some()) {
                return Some(api);
            }
            let Some(parent) = get(&win, "parent").filter(|p| !Object::is(p, &win)) else { break };
            win = parent;
        }
    }
    None
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// One launch of one lesson by an LMS, from `LMSInitialize` to
/// `LMSFinish`: for as long as the page lives, whatever it shows.
pub struct Lms {
    api: JsValue,
    pub slug: LessonSlug,
    started_ms: f64,
    initialized: bool,
    /// Write nothing (see `scorm::Opening::read_only`).
    read_only: bool,
    /// The LMS holds this attempt's quiz score: the first, never replaced.
    scored: Cell<bool>,
    /// What was last kept, for the exit status at the end.
    kept: RefCell<LessonProgress>,
    finished: Cell<bool>,
    _on_leave: RefCell<Option<EventListener>>,
}

impl Lms {
    /// Opens the session for a lesson when an LMS launched it (`None` when
    /// no LMS's API is found), with how the lesson opens.
    pub fn open(slug: LessonSlug) -> Option<(Rc<Lms>, scorm::Opening)> {
        let api = find_api()?;
        let started = call_str(&api, "LMSInitialize", &[""]);
        let initialized = started.as_ref().is_some_and(|r| r.as_bool() == Some(true) || r.as_string().as_deref() == Some("true"));
        let read = |key: &str| if initialized { call_str(&api, "LMSGetValue", &[key]).and_then(|v| v.as_string()).unwrap_or_default() } else { String::new() };
        let (entry, status, score_raw, suspend_data) = (read(scorm::ENTRY), read(scorm::STATUS), read(scorm::SCORE_RAW), read(scorm::SUSPEND_DATA));
        let launch = scorm::Launch { initialized, entry: &entry, status: &status, score_raw: &score_raw, suspend_data: &suspend_data };
        let opening = scorm::open(slug, &launch, &right_answers(slug));
        let lms = Rc::new(Lms {
            api,
            slug,
            started_ms: now_ms(),
            initialized,
            read_only: opening.read_only,
            scored: Cell::new(opening.scored),
            kept: RefCell::new(opening.lesson.clone()),
            finished: Cell::new(false),
            _on_leave: RefCell::new(None),
        });
        for (key, value) in &opening.values {
            lms.set(key, value);
        }
        lms.commit();
        // The session lasts as long as the page, not a route in it. A page
        // kept for the back button may come back: it is told the time so
        // far, and goes on; a page that goes for good ends the session.
        let weak = Rc::downgrade(&lms);
        let on_leave = EventListener::new(&gloo::utils::window(), "pagehide", move |event| {
            let Some(lms) = weak.upgrade() else { return };
            if get(event.as_ref(), "persisted").and_then(|p| p.as_bool()) == Some(true) {
                lms.record_time();
                lms.commit();
            } else {
                lms.finish();
            }
        });
        *lms._on_leave.borrow_mut() = Some(on_leave);
        Some((lms, opening))
    }

    fn set(&self, key: &str, value: &str) {
        if !self.read_only && !self.finished.get() {
            call_str(&self.api, "LMSSetValue", &[key, value]);
        }
    }

    fn commit(&self) {
        if !self.read_only && !self.finished.get() {
            call_str(&self.api, "LMSCommit", &[""]);
        }
    }

    /// Keeps the lesson's state, and whether to come back to it, in the LMS.
    pub fn keep(&self, lesson: &LessonProgress) {
        if *self.kept.borrow() == *lesson {
            return;
        }
        *self.kept.borrow_mut() = lesson.clone();
        self.set(scorm::SUSPEND_DATA, &suspend::encode(self.slug, lesson));
        self.set(scorm::EXIT, scorm::exit(lesson));
        self.commit();
    }

    /// Tells the LMS what a milestone means to it. Committed with the
    /// lesson's state, which a milestone always changes (`keep`).
    pub fn report(&self, message: &Outbound) {
        let mut scored = self.scored.get();
        for (key, value) in scorm::values(message, &mut scored) {
            self.set(key, &value);
        }
        self.scored.set(scored);
    }

    /// The time spent so far, and whether to come back.
    fn record_time(&self) {
        self.set(scorm::SESSION_TIME, &scorm::timespan(now_ms() - self.started_ms));
        self.set(scorm::EXIT, scorm::exit(&self.kept.borrow()));
    }

    /// Ends the session, once.
    fn finish(&self) {
        if self.finished.get() {
            return;
        }
        self.record_time();
        self.commit();
        self.finished.set(true);
        if self.initialized {
            call_str(&self.api, "LMSFinish", &[""]);
        }
    }
}
