//! The learner's progress, shared with every page through a context.
//! Each change is saved at once; a problem loading or saving is shown,
//! never swallowed.

use crate::progress::dates::{CompletionDates, Day};
use crate::progress::record::{Record, NAME_IN_LINK_KEY, NAME_KEY};
use crate::progress::{apply_and_save, load, Action, LoadNotice, Progress, Saved, Seen, Storage};
use crate::ui::storage::open_storage;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct ProgressState {
    pub progress: Progress,
    /// Something the learner should know about their saved progress.
    pub notice: Option<String>,
    storage: Rc<RefCell<Box<dyn Storage>>>,
    /// What this tab last read or wrote: other tabs may save too.
    seen: Rc<RefCell<Seen>>,
}

impl PartialEq for ProgressState {
    fn eq(&self, other: &Self) -> bool {
        self.progress == other.progress && self.notice == other.notice && Rc::ptr_eq(&self.storage, &other.storage)
    }
}

/// What the reducer accepts: a learner's action, or dismissing the notice.
pub enum ProgressMsg {
    Do(Action),
    DismissNotice,
}

impl ProgressState {
    pub fn open() -> ProgressState {
        let (mut storage, refused) = open_storage();
        let (progress, mut notice) = load(storage.as_mut());
        let seen = Seen::after_load(storage.as_ref(), notice.as_ref());
        if let Some(e) = refused {
            notice = Some(LoadNotice::StorageUnavailable { reason: e.to_string() });
        }
        ProgressState {
            progress,
            notice: notice.map(|n| n.message()),
            storage: Rc::new(RefCell::new(storage)),
            seen: Rc::new(RefCell::new(seen)),
        }
    }
}

impl ProgressState {
    /// The completion record as this browser holds it, and why its dates
    /// could not be read, if they could not.
    pub fn record(&self) -> (Record, Option<String>) {
        let storage = self.storage.borrow();
        let (dates, unread) = match CompletionDates::load(storage.as_ref()) {
            Ok(dates) => (dates, None),
            Err(why) => (CompletionDates::default(), Some(why)),
        };
        (Record::of(&self.progress, &dates, self.kept(NAME_KEY)), unread)
    }

    /// A setting of the completion record kept on this device (the name,
    /// whether the link carries it).
    pub fn kept(&self, key: &str) -> Option<String> {
        self.storage.borrow().get(key).ok().flatten()
    }

    /// Keeps a setting, or forgets it when empty. Whether it could be kept.
    pub fn keep(&self, key: &str, value: &str) -> bool {
        let mut storage = self.storage.borrow_mut();
        if value.trim().is_empty() { storage.remove(key) } else { storage.set(key, value) }.is_ok()
    }

    /// A lesson launched by an LMS: its progress is what the LMS kept, held
    /// here in memory (the bridge hands each change back to the LMS); this
    /// browser's own saved progress is neither read nor touched.
    pub fn kept_by_lms(slug: crate::lessons::LessonSlug, opening: &crate::embed::scorm::Opening) -> ProgressState {
        let mut progress = Progress::default();
        *progress.lesson_mut(slug) = opening.lesson.clone();
        ProgressState { progress, notice: opening.notice.clone(), ..ProgressState::detached() }
    }

    fn detached() -> ProgressState {
        ProgressState {
            progress: Progress::default(),
            notice: None,
            storage: Rc::new(RefCell::new(Box::new(crate::progress::MemoryStorage::default()))),
            seen: Rc::default(),
        }
    }
}

impl Reducible for ProgressState {
    type Action = ProgressMsg;

    fn reduce(self: Rc<Self>, msg: ProgressMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            ProgressMsg::DismissNotice => next.notice = None,
            ProgressMsg::Do(action) => {
                let mut probe = self.progress.clone();
                probe.apply(action.clone());
                if probe == self.progress {
                    return self;
                }
                let brought = matches!(action, Action::Import { .. });
                let reset = matches!(action, Action::ResetAll);
                let saved = apply_and_save(next.storage.borrow_mut().as_mut(), &mut next.seen.borrow_mut(), &mut next.progress, action);
                match saved {
                    Ok(Saved::Written | Saved::Merged) => {
                        if reset {
                            // A reset leaves nothing of the learner: on a
                            // shared computer the next one starts with no
                            // name either.
                            next.keep(NAME_KEY, "");
                            next.keep(NAME_IN_LINK_KEY, "");
                        }
                        if let Some(today) = local_day(0.0) {
                            CompletionDates::record(next.storage.borrow_mut().as_mut(), &self.progress, &next.progress, brought, today);
                        }
                    }
                    Ok(Saved::Refused(why)) => next.notice = Some(why),
                    Err(e) => next.notice = Some(format!("Your progress could not be saved: {e}. It is kept while this page is open.")),
                }
            }
        }
        Rc::new(next)
    }
}

/// The local date `days` from now, by this computer's clock.
pub fn local_day(days: f64) -> Option<Day> {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(js_sys::Date::now() + days * 86_400_000.0));
    Day::new(at.get_full_year(), at.get_month() + 1, at.get_date())
}

pub type ProgressHandle = UseReducerHandle<ProgressState>;

/// The progress context. Outside a provider (a component tested alone) a
/// private state in memory stands in; both hooks always run, so hook order
/// never changes.
#[hook]
pub fn use_progress() -> ProgressHandle {
    let context = use_context::<ProgressHandle>();
    let detached = use_reducer(ProgressState::detached);
    context.unwrap_or(detached)
}

/// The notice about saved progress, if any, with a dismiss button. A plain
/// function over the handle: every component type costs the bundle its own
/// copy of Yew's lifecycle code.
pub fn progress_notice(state: &ProgressHandle) -> Html {
    let Some(notice) = state.notice.clone() else {
        return html! {};
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(ProgressMsg::DismissNotice))
    };
    html! {
        <div class="notice" role="status">
            <p>{ notice }</p>
            <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
