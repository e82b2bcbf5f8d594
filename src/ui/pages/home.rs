use crate::lessons::LessonSlug;
use crate::progress::Action;
use crate::page::comparison::combined_markup;
use crate::page::home::{INTRO, PART_1, PART_2};
use crate::ui::components::comparison_table::comparison_table;
use crate::ui::progress_state::{progress_notice, use_progress, ProgressMsg};
use crate::ui::components::progress_transfer::{transfer_section, Shown};
use crate::route::Route;
use crate::markup::Markup;
use yew::prelude::*;

#[component]
pub fn Home() -> Html {
    let progress = use_progress();
    let done = progress.progress.completed_count();
    let total = LessonSlug::ALL.len() as u32;
    let next = progress.progress.next_lesson();
    let started = progress.progress.any_started();
    let confirming = use_state(|| false);
    let transfer = use_state(Shown::default);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let reset = {
        let confirming = confirming.clone();
        let progress = progress.clone();
        Callback::from(move |_| {
            progress.dispatch(ProgressMsg::Do(Action::ResetAll));
            confirming.set(false);
        })
    };
    let continue_link = match next {
        Some(slug) => {
            let label = if started {
                format!("Continue: lesson {}, {}", slug.position() + 1, crate::lessons::title(slug))
            } else {
                "Start with lesson 1".to_owned()
            };
            html! { <a href={Route::Lesson { slug }.href()} class="button continue">{ label }</a> }
        }
        None => html! { <p class="all-done">{ "You have completed every lesson. Try your own questions in the sandbox." }</p> },
    };
    html! {
        <article class="home">
            <h1>{ "Hub & Mesh" }</h1>
            { progress_notice(&progress) }
            { Markup::from_static(INTRO).html() }
            <section aria-labelledby="table-heading">
                { Markup::from_static(PART_1).html() }
                <p class="overall" id="overall-progress">
                    <strong>{ format!("{done} of {total} lessons complete") }</strong>
                </p>
                <progress max={total.to_string()} value={done.to_string()} aria-labelledby="overall-progress"></progress>
                <p class="record-link"><a href={Route::Certificate.href()}>{ "Your completion record" }</a>{ ": the lessons you have completed, to print or share." }</p>
                { comparison_table(None, true, Some(&progress.progress)) }
                { Markup::from_static(PART_2).html() }
                { combined_markup(Some(&progress.progress)).html() }
                <div class="start">{ continue_link }</div>
                if started {
                    <div class="reset-progress">
                        if *confirming {
                            <p role="alert">{ "Forget your progress in every lesson, and the name on your completion record? This cannot be undone. Links to your record already sent keep what they carry." }</p>
                            <button type="button" class="danger" onclick={reset}>{ "Yes, reset my progress" }</button>
                            <button type="button" onclick={cancel}>{ "Keep my progress" }</button>
                        } else {
                            <button type="button" onclick={ask}>{ "Reset progress…" }</button>
                        }
                    </div>
                }
            </section>
            { transfer_section(&progress, &transfer) }
        </article>
    }
}
