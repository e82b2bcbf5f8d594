//! One lesson: the claim, the explanation, the live experiment, the task,
//! the questions, and the takeaway with its nuance.

use crate::experiment::lab::LabMsg;
use crate::experiment::{Outcome, Params};
use crate::lessons::{lesson, LessonSlug};
use crate::progress::{Action, LessonState};
use crate::ui::components::lesson_state::state_class;
use crate::markup::Markup;
use crate::ui::components::comparison_table::comparison_markup;
use crate::ui::components::experiment_panel::ExperimentPanel;
use crate::ui::components::legend::legend;
use crate::ui::components::lesson_diagram::lesson_diagram;
use crate::ui::components::quiz::quiz;
use crate::ui::progress_state::{progress_notice, use_progress, ProgressMsg};
use crate::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub slug: LessonSlug,
    /// In an iframe: no links out to the rest of the site.
    #[prop_or_default]
    pub embedded: bool,
}

#[component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    let slug = props.slug;
    let lesson = lesson(slug);
    let text = lesson.text();
    let row = lesson.row();
    let progress = use_progress();
    let mine = progress.progress.lesson(slug).clone();

    // The panel owns the experiment; "show me" sends it the solution. (The
    // page is keyed by lesson, so a new lesson starts with fresh state.)
    let send = use_mut_ref(|| None::<Callback<LabMsg>>);
    let on_ready = {
        let send = send.clone();
        Callback::from(move |sender: Callback<LabMsg>| *send.borrow_mut() = Some(sender))
    };
    let hints = use_state(|| 0usize);
    let met_now = use_state(|| false);
    let on_outcome = {
        let progress = progress.clone();
        let met_now = met_now.clone();
        Callback::from(move |outcome: Outcome| {
            let met = lesson.task.goal.met(&outcome);
            met_now.set(met);
            if met {
                progress.dispatch(ProgressMsg::Do(Action::TaskDone(slug)));
            }
        })
    };
    let on_touch = {
        let progress = progress.clone();
        let met_now = met_now.clone();
        Callback::from(move |_| {
            met_now.set(false);
            if !progress.progress.lesson(slug).started {
                progress.dispatch(ProgressMsg::Do(Action::Started(slug)));
            }
        })
    };
    let show_me = {
        let send = send.clone();
        let progress = progress.clone();
        Callback::from(move |_| {
            let params: Params = lesson.setup.params().with(lesson.task.solution);
            if let Some(send) = send.borrow().as_ref() {
                send.emit(LabMsg::Load(Box::new(params)));
            }
            progress.dispatch(ProgressMsg::Do(Action::Started(slug)));
        })
    };
    let more_hint = {
        let hints = hints.clone();
        Callback::from(move |_| hints.set((*hints + 1).min(text.hints.len())))
    };
    let on_answer = {
        let progress = progress.clone();
        Callback::from(move |(question, choice): (u32, u32)| {
            progress.dispatch(ProgressMsg::Do(Action::Answered { slug, question, choice }));
        })
    };
    let answers: Vec<Option<u32>> =
        (0..text.quiz.len() as u32).map(|q| mine.answer(q)).collect();

    let task_status = if *met_now {
        html! { <p class="task-status done">{ "✓ Task reached. " }{ text.success }</p> }
    } else if mine.task_done {
        html! { <p class="task-status done">{ "✓ You have reached this task before. Try other settings, or move on." }</p> }
    } else {
        html! { <p class="task-status">{ "Not reached yet: change the controls, run the experiment, and watch the numbers." }</p> }
    };
    let announcement = if *met_now { format!("Task reached. {}", text.success) } else { String::new() };
    let state = mine.state();
    let id_prefix = format!("lesson-{slug}");

    let lesson_link = |target: Option<LessonSlug>, rel: &'static str| match target {
        Some(s) => html! {
            <a href={Route::Lesson { slug: s }.href()} class={classes!("pager", rel)}>
                { format!("{} lesson: {}", if rel == "prev" { "Previous" } else { "Next" }, crate::lessons::row(s).aspect) }
            </a>
        },
        None => html! {},
    };

    html! {
        <article class="lesson" aria-labelledby="lesson-title">
            <p class="eyebrow">{ format!("Lesson {} of {}", slug.position() + 1, LessonSlug::ALL.len()) }</p>
            <h1 id="lesson-title">{ row.aspect }</h1>
            { progress_notice(&progress) }
            <p class={classes!("lesson-state", state_class(state))}>{ format!("Your progress: {}", state.label()) }</p>

            { {
                let mut m = Markup::from_static("<section aria-labelledby=\"claim-heading\"><h2 id=\"claim-heading\">1. The claim</h2>");
                m.markup(&comparison_markup(Some(slug), false, None)).raw("<p>").text(text.claim).raw("</p></section>");
                m.raw("<section aria-labelledby=\"explain-heading\"><h2 id=\"explain-heading\">2. Why</h2>");
                for p in text.explanation {
                    m.raw("<p>").text(p).raw("</p>");
                }
                m.markup(&lesson_diagram(text.diagram_caption)).raw("</section>");
                m.html()
            } }

            <section aria-labelledby="experiment-heading">
                <h2 id="experiment-heading">{ "3. Experiment" }</h2>
                <p>{ text.experiment_intro }</p>
                { legend() }
                <ExperimentPanel
                    key={slug.as_str()}
                    bench={lesson.setup.bench}
                    params={lesson.setup.params()}
                    {on_ready}
                    controls={lesson.setup.controls.to_vec()}
                    seed={lesson.setup.seed}
                    {on_outcome}
                    {on_touch}
                    id_prefix={id_prefix.clone()} />
            </section>

            <section aria-labelledby="task-heading" class="task">
                <h2 id="task-heading">{ "4. Your task" }</h2>
                <p class="task-prompt">{ text.task_prompt }</p>
                { task_status }
                <div class="sr-only" aria-live="polite" aria-atomic="true">{ announcement }</div>
                if *hints > 0 {
                    <ol class="hints">
                        { for text.hints.iter().take(*hints).map(|h| html! { <li>{ *h }</li> }) }
                    </ol>
                }
                <div class="task-actions">
                    if *hints < text.hints.len() {
                        <button type="button" class="hint" onclick={more_hint}>
                            { format!("Show a hint ({} of {})", *hints + 1, text.hints.len()) }
                        </button>
                    }
                    <button type="button" class="show-me" onclick={show_me}>{ "Show me: set a working solution" }</button>
                </div>
            </section>

            <section aria-labelledby="quiz-heading">
                <h2 id="quiz-heading">{ "5. Check your understanding" }</h2>
                { quiz(&id_prefix, text.quiz, &answers, &on_answer) }
                if state == LessonState::Complete {
                    <p class="complete-banner" role="status">{ "✓ Lesson complete." }</p>
                }
            </section>

            { {
                let mut m = Markup::from_static("<section aria-labelledby=\"takeaway-heading\"><h2 id=\"takeaway-heading\">6. Takeaway</h2><p class=\"takeaway\">");
                m.text(text.takeaway).raw("</p><div class=\"nuance\" role=\"note\"><h3>Nuance: where the simple claim breaks</h3><p>");
                m.text(text.nuance).raw("</p></div></section>");
                m.html()
            } }

            if !props.embedded {
                <nav class="lesson-nav" aria-label="Lessons">
                    { lesson_link(slug.previous(), "prev") }
                    <a href={Route::Home.href()} class="pager">{ "Back to the table" }</a>
                    { lesson_link(slug.next(), "next") }
                </nav>
            }
        </article>
    }
}
