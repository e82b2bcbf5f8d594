//! The embedded page's link to its course page: posts the protocol's
//! messages to the parent (when the address names its origin), obeys checked
//! commands from exactly that origin, keeps the frame's height in step, and
//! reports completion to an LMS's SCORM 1.2 API when one is found above.
//! What to send, and whether to obey, is decided natively in `embed`.

use crate::embed::{events, origin_from_query, right_answers, parse_inbound, scorm, Inbound, Outbound, Subject, TargetOrigin};
use crate::progress::{Action, LessonProgress};
use crate::lessons::LessonSlug;
use crate::ui::js::{call, call_str, get};
use crate::ui::progress_state::{ProgressHandle, ProgressMsg};
use gloo::events::EventListener;
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The SCORM 1.2 API object (`window.API`) of the nearest frame above that
/// has one, or above the window that opened this one, as the standard's
/// discovery algorithm looks for it.
fn find_scorm_api() -> Option<JsValue> {
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

/// Where messages go: the parent window and the origin they may go to.
struct Channel {
    parent: JsValue,
    target: TargetOrigin,
    scorm: Option<JsValue>,
    slug: &'static str,
    /// The LMS session is over (LMSFinish was called).
    finished: std::cell::Cell<bool>,
}

impl Channel {
    fn open(target: Option<TargetOrigin>, slug: &'static str) -> Channel {
        let window: JsValue = gloo::utils::window().into();
        let parent = get(&window, "parent").filter(|p| !Object::is(p, &window)).unwrap_or(JsValue::NULL);
        let scorm = find_scorm_api();
        // Without a named origin nothing is posted: `parent` stays null.
        let parent = if target.is_some() { parent } else { JsValue::NULL };
        Channel { parent, target: target.unwrap_or(TargetOrigin::Any), scorm, slug, finished: Default::default() }
    }

    /// Opens the LMS session: a first visit becomes "incomplete".
    fn begin(&self) {
        let Some(api) = &self.scorm else { return };
        call_str(api, "LMSInitialize", &[""]);
        let now = call_str(api, "LMSGetValue", &[scorm::STATUS]).and_then(|v| v.as_string()).unwrap_or_default();
        if let Some(status) = scorm::opening_status(&now) {
            call_str(api, "LMSSetValue", &[scorm::STATUS, status]);
            call_str(api, "LMSCommit", &[""]);
        }
    }

    /// Posting to a parent of another origin than the one named would be
    /// dropped by the browser with a console error; where the browser says
    /// who the parent is, check first.
    fn parent_matches(&self) -> bool {
        let TargetOrigin::Exact(origin) = &self.target else { return true };
        let location: JsValue = gloo::utils::window().location().into();
        match get(&location, "ancestorOrigins").and_then(|list| get(&list, "0")).and_then(|o| o.as_string()) {
            Some(parent) => &parent == origin,
            None => true,
        }
    }

    /// Tells the LMS, if there is one, what a message means to it.
    fn to_lms(&self, message: &Outbound) {
        let Some(api) = &self.scorm else { return };
        let values = scorm::values(message);
        for (key, value) in &values {
            call_str(api, "LMSSetValue", &[key, value]);
        }
        if !values.is_empty() {
            call_str(api, "LMSCommit", &[""]);
        }
    }

    fn send(&self, message: &Outbound) {
        self.to_lms(message);
        if self.parent.is_null() || !self.parent_matches() {
            return;
        }
        let Ok(data) = js_sys::JSON::parse(&message.to_json(self.slug)) else { return };
        call(&self.parent, "postMessage", &[data, JsValue::from_str(self.target.as_target())]);
    }

    /// Ends the LMS session, once.
    fn finish(&self) {
        if let Some(api) = self.scorm.as_ref().filter(|_| !self.finished.replace(true)) {
            call_str(api, "LMSFinish", &[""]);
        }
    }
}

/// Connects an embedded page (`subject`; `None` outside the embed routes,
/// where it does nothing) to its course page and LMS. A hook rather than a
/// component: every component type costs the bundle its own copy of Yew's
/// lifecycle code. Returns a notice when the address names an unusable
/// origin.
#[hook]
pub fn use_embed_bridge(subject: Option<Subject>, progress: ProgressHandle) -> Option<String> {
    let config = use_memo((), |_| origin_from_query(&gloo::utils::window().location().search().unwrap_or_default()));
    let channel = use_memo(subject, |subject| {
        let target = config.as_ref().as_ref().ok().cloned().flatten();
        subject.map(|s| Rc::new(Channel::open(target, s.slug())))
    });

    // Ready, then the frame's height whenever the content's changes; the
    // parent's commands; and the end of the visit for an LMS.
    {
        let channel = (*channel).clone();
        let progress = progress.clone();
        use_effect_with(subject, move |subject| {
            let live = channel.zip(*subject).map(|(channel, subject)| connect(channel, subject, progress));
            move || drop(live)
        });
    }

    // Milestones, each once, as the learner reaches them (and only for the
    // lesson they were reached in).
    let mine = match subject {
        Some(Subject::Lesson(slug)) => Some((slug, progress.progress.lesson(slug).clone())),
        _ => None,
    };
    let previous = use_mut_ref(|| None::<(LessonSlug, LessonProgress)>);
    {
        let channel = (*channel).clone();
        use_effect_with(mine, move |now| {
            if let (Some((was, before)), Some((slug, after)), Some(channel)) = (previous.borrow().as_ref(), now, channel) {
                if was == slug {
                    for message in events(before, after, &right_answers(*slug)) {
                        channel.send(&message);
                    }
                }
            }
            *previous.borrow_mut() = now.clone();
        });
    }

    match (subject, config.as_ref()) {
        (Some(_), Err(e)) => Some(format!(
            "This page's address names a course page origin that cannot be used ({e}), so it will not report progress to the page around it."
        )),
        _ => None,
    }
}

/// What stays connected while an embedded page is shown; dropping it
/// disconnects.
struct Live {
    channel: Rc<Channel>,
    observer: Option<JsValue>,
    _on_resize: Closure<dyn FnMut()>,
    _on_message: EventListener,
    _on_leave: EventListener,
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            call_str(observer, "disconnect", &[]);
        }
        // Another lesson, or none, is shown now: this one's session ends.
        self.channel.finish();
    }
}

fn connect(channel: Rc<Channel>, subject: Subject, progress: ProgressHandle) -> Live {
    channel.begin();
    channel.send(&Outbound::Ready);
    // What was done on an earlier visit is the LMS's to know too (it may
    // have been closed before it was told).
    if let Subject::Lesson(slug) = subject {
        for message in events(&LessonProgress::default(), progress.progress.lesson(slug), &right_answers(slug)) {
            channel.to_lms(&message);
        }
    }
    let last = Rc::new(RefCell::new(0u32));
    let resize_channel = channel.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let Some(body) = gloo::utils::document().body() else { return };
        let height = body.scroll_height().max(0) as u32;
        if *last.borrow() != height {
            *last.borrow_mut() = height;
            resize_channel.send(&Outbound::Resize { height });
        }
    });
    let window: JsValue = gloo::utils::window().into();
    let observer = get(&window, "ResizeObserver")
        .and_then(|ctor| Reflect::construct(ctor.unchecked_ref::<Function>(), &js_sys::Array::of1(on_resize.as_ref())).ok());
    if let (Some(observer), Some(body)) = (&observer, gloo::utils::document().body()) {
        call(observer, "observe", &[body.into()]);
    }
    let command_channel = channel.clone();
    let on_message = EventListener::new(&gloo::utils::window(), "message", move |event| {
        let event: &JsValue = event.as_ref();
        let from_parent = get(event, "source").is_some_and(|s| Object::is(&s, &command_channel.parent));
        let origin = get(event, "origin").and_then(|o| o.as_string()).unwrap_or_default();
        if !from_parent || !command_channel.target.trusts(&origin) {
            return;
        }
        let text = get(event, "data").and_then(|d| js_sys::JSON::stringify(&d).ok()).and_then(|s| s.as_string());
        match text.as_deref().map(parse_inbound) {
            Some(Ok(Inbound::Reset)) => {
                if let Subject::Lesson(slug) = subject {
                    progress.dispatch(ProgressMsg::Do(Action::ResetLesson(slug)));
                }
            }
            Some(Ok(Inbound::Ping)) => command_channel.send(&Outbound::Ready),
            _ => {}
        }
    });
    let leaving = channel.clone();
    let on_leave = EventListener::new(&gloo::utils::window(), "pagehide", move |_| leaving.finish());
    Live { channel, observer, _on_resize: on_resize, _on_message: on_message, _on_leave: on_leave }
}
