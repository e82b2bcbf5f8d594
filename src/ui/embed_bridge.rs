//! The embedded page's link to its course page: posts the protocol's
//! messages to the parent (when the address names its origin), obeys checked
//! commands from exactly that origin, keeps the frame's height in step, and
//! keeps an LMS's SCORM session (`ui::lms`) told of every change.
//! What to send, and whether to obey, is decided natively in `embed`.

use crate::embed::{events, origin_from_query, right_answers, parse_inbound, Inbound, Outbound, Subject, TargetOrigin};
use crate::progress::{Action, LessonProgress};
use crate::lessons::LessonSlug;
use crate::ui::js::{call, call_str, get};
use crate::ui::lms::Lms;
use crate::ui::progress_state::{ProgressHandle, ProgressMsg};
use gloo::events::EventListener;
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where messages go: the parent window and the origin they may go to.
struct Channel {
    parent: JsValue,
    target: TargetOrigin,
    /// The LMS session of the lesson shown, when an LMS launched it.
    lms: Option<Rc<Lms>>,
    slug: &'static str,
}

impl Channel {
    fn open(target: Option<TargetOrigin>, subject: Subject, lms: Option<Rc<Lms>>) -> Channel {
        let window: JsValue = gloo::utils::window().into();
        let parent = get(&window, "parent").filter(|p| !Object::is(p, &window)).unwrap_or(JsValue::NULL);
        // Without a named origin nothing is posted: `parent` stays null.
        let parent = if target.is_some() { parent } else { JsValue::NULL };
        let lms = lms.filter(|l| subject == Subject::Lesson(l.slug));
        Channel { parent, target: target.unwrap_or(TargetOrigin::Any), lms, slug: subject.slug() }
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

    fn send(&self, message: &Outbound) {
        if let Some(lms) = &self.lms {
            lms.report(message);
        }
        if self.parent.is_null() || !self.parent_matches() {
            return;
        }
        let Ok(data) = js_sys::JSON::parse(&message.to_json(self.slug)) else { return };
        call(&self.parent, "postMessage", &[data, JsValue::from_str(self.target.as_target())]);
    }

}

/// Connects an embedded page (`subject`; `None` outside the embed routes,
/// where it does nothing) to its course page and LMS. A hook rather than a
/// component: every component type costs the bundle its own copy of Yew's
/// lifecycle code. Returns a notice when the address names an unusable
/// origin.
#[hook]
pub fn use_embed_bridge(subject: Option<Subject>, progress: ProgressHandle, lms: Option<Rc<Lms>>) -> Option<String> {
    let config = use_memo((), |_| origin_from_query(&gloo::utils::window().location().search().unwrap_or_default()));
    let channel = use_memo(subject, |subject| {
        let target = config.as_ref().as_ref().ok().cloned().flatten();
        subject.map(|s| Rc::new(Channel::open(target, s, lms.clone())))
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
    // lesson they were reached in); and every change, to the LMS.
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
                    if let Some(lms) = &channel.lms {
                        lms.keep(after);
                    }
                }
            }
            *previous.borrow_mut() = now.clone();
        });
    }

    match (subject, config.as_ref(), lms.as_ref()) {
        (Some(_), Err(e), _) => Some(format!(
            "This page's address names a course page origin that cannot be used ({e}), so it will not report progress to the page around it."
        )),
        (Some(shown), _, Some(lms)) if shown != Subject::Lesson(lms.slug) => Some(format!(
            "Your course launched the lesson “{}”, and records only that one: what you do here is not kept.",
            crate::lessons::title(lms.slug)
        )),
        _ => None,
    }
}

/// What stays connected while an embedded page is shown; dropping it
/// disconnects.
struct Live {
    observer: Option<JsValue>,
    _on_resize: Closure<dyn FnMut()>,
    _on_message: EventListener,
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            call_str(observer, "disconnect", &[]);
        }
    }
}

fn connect(channel: Rc<Channel>, subject: Subject, progress: ProgressHandle) -> Live {
    channel.send(&Outbound::Ready);
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
    Live { observer, _on_resize: on_resize, _on_message: on_message }
}
