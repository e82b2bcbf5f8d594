//! One lesson, in the order that teaches: the claim; a prediction, made
//! before anything runs; the experiment, which opens once the learner has
//! predicted; and only after the first run, the explanation, the task, the
//! questions and the takeaway. A learner coming back to a lesson they
//! opened up before sees everything.

use crate::experiment::lab::LabMsg;
use crate::experiment::bench::DISTRIBUTION;
use crate::experiment::param::format_number;
use crate::experiment::{Outcome, Params};
use crate::lessons::text::LessonText;
use crate::lessons::Best;
use crate::lessons::checklist::conditions;
use crate::lessons::render::{plain, render};
use crate::lessons::{lesson, LessonSlug};
use crate::progress::{Action, LessonState};
use crate::route::Route;
use crate::sandbox::{encode, SandboxSetup};
use crate::ui::components::experiment_panel::ExperimentPanel;
use crate::page::diagram::lesson_diagram;
use crate::page::lesson::{claim_markup, heading_markup, Writers};
use crate::page::state::state_class;
use crate::ui::components::prediction::prediction;
use crate::ui::components::quiz::quiz;
use crate::ui::components::sweep_panel::SweepPanel;
use crate::ui::lesson_words::{use_words, Words};
use crate::ui::progress_state::{progress_notice, use_progress, ProgressMsg};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub slug: LessonSlug,
    /// In an iframe: no links out to the rest of the site.
    #[prop_or_default]
    pub embedded: bool,
}

/// The lesson's frame (its number, title and the way on), with its words
/// once they have arrived.
#[component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    let slug = props.slug;
    let (words, retry) = use_words(slug);
    let lesson_link = |target: Option<LessonSlug>, rel: &'static str| match target {
        Some(s) => html! {
            <a href={Route::Lesson { slug: s }.href()} class={classes!("pager", rel)}>
                { format!("{} lesson: {}", if rel == "prev" { "Previous" } else { "Next" }, crate::lessons::title(s)) }
            </a>
        },
        None => html! {},
    };
    html! {
        <article class="lesson" aria-labelledby="lesson-title">
            { heading_markup(slug).html() }
            { match words {
                Words::Ready(text) => html! { <LessonBody {slug} words={WordsRef(text)} embedded={props.embedded} /> },
                // The words take the place the lesson will fill, so nothing
                // below jumps when they arrive.
                Words::Loading => html! { <p class="loading lesson-loading" role="status">{ "Loading the lesson…" }</p> },
                Words::Failed(why) => html! {
                    <div class="notice" role="alert">
                        <p>{ format!("This lesson could not be loaded: {why}. Your saved progress is kept.") }</p>
                        <button type="button" onclick={retry.reform(|_| ())}>{ "Try again" }</button>
                    </div>
                },
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

/// A lesson's words, compared by address: they never change once loaded.
#[derive(Clone, Copy, Debug)]
pub struct WordsRef(pub &'static LessonText);

impl PartialEq for WordsRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
struct LessonBodyProps {
    slug: LessonSlug,
    words: WordsRef,
    embedded: bool,
}

#[component]
fn LessonBody(props: &LessonBodyProps) -> Html {
    let slug = props.slug;
    let lesson = lesson(slug);
    let text = props.words.0;
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
    // The learner's value of the parameter the task has a best for, when
    // they reached the task: set beside the best, as a level's par.
    let answer = use_state(|| None::<f64>);
    let current = use_state(|| lesson.setup.params());
    let on_params = {
        let current = current.clone();
        Callback::from(move |p: Params| current.set(p))
    };
    // The learner has done something to the experiment since predicting:
    // the next result is theirs (a closed-form model has one at once). The
    // prediction locks then.
    let acted = use_mut_ref(|| false);
    let locked = use_state(|| false);
    // The learner's own last result, condition by condition under the task.
    let last = use_state(|| None::<Outcome>);
    // The prediction was about the starting settings: a first run made
    // with other settings is not what was asked, so the reveal uses a run
    // of the preset (seeded, so the same run the learner would have seen).
    let at_preset = move |outcome: &Outcome| -> Outcome {
        let preset = lesson.setup.params();
        let same = lesson.setup.controls.iter().all(|p| outcome.params.get(*p) == preset.get(*p));
        if same {
            return outcome.clone();
        }
        lesson.setup.bench.outcome(&preset, lesson.setup.seed).unwrap_or_else(|_| outcome.clone())
    };
    let on_outcome = {
        let progress = progress.clone();
        let met_now = met_now.clone();
        let answer = answer.clone();
        let last = last.clone();
        let acted = acted.clone();
        Callback::from(move |outcome: Outcome| {
            let me = progress.progress.lesson(slug);
            // A closed-form model shows its result the moment it opens, so
            // opening it (after the prediction) is the first run.
            let first_run = *acted.borrow() || !lesson.setup.bench.animated;
            if !me.revealed && me.prediction.is_some() && first_run {
                let observed = text.predict.metric().and_then(|m| at_preset(&outcome).metrics(text.predict.side).get(m));
                progress.dispatch(ProgressMsg::Do(Action::Revealed { slug, observed }));
            }
            let met = lesson.task.goal.met(&outcome);
            met_now.set(met);
            answer.set(lesson.task.best.and_then(|b| outcome.params.get(b.param)).filter(|_| met));
            if *acted.borrow() {
                last.set(Some(outcome));
            }
            if met && *acted.borrow() {
                progress.dispatch(ProgressMsg::Do(Action::TaskDone(slug)));
            }
        })
    };
    let on_touch = {
        let progress = progress.clone();
        let met_now = met_now.clone();
        let acted = acted.clone();
        let locked = locked.clone();
        Callback::from(move |_| {
            *acted.borrow_mut() = true;
            if !*locked {
                locked.set(true);
            }
            met_now.set(false);
            if !progress.progress.lesson(slug).started {
                progress.dispatch(ProgressMsg::Do(Action::Started(slug)));
            }
        })
    };
    let on_predict = {
        let progress = progress.clone();
        Callback::from(move |option: &'static str| {
            progress.dispatch(ProgressMsg::Do(Action::Predicted { slug, option: option.to_owned() }));
        })
    };
    // A course page may embed the lesson without "Show me", for assessed use.
    // A string read per render, not per frame (the experiment panel draws
    // the frames): a memo would cost the bundle more than it saves.
    let no_show_me = props.embedded && crate::embed::hides_show_me(&gloo::utils::window().location().search().unwrap_or_default());
    // Pressed on this visit: after completion "Show me" changes no progress,
    // yet what it set is still its answer, not the learner's.
    let shown = use_state(|| false);
    let show_me = {
        let send = send.clone();
        let progress = progress.clone();
        let shown = shown.clone();
        Callback::from(move |_| {
            let params: Params = lesson.setup.params().with(lesson.task.solution);
            shown.set(true);
            progress.dispatch(ProgressMsg::Do(Action::Helped(slug)));
            if let Some(send) = send.borrow().as_ref() {
                send.emit(LabMsg::Load(Box::new(params)));
            }
        })
    };
    let more_hint = {
        let hints = hints.clone();
        Callback::from(move |_| hints.set((*hints + 1).min(text.hints.len())))
    };
    let start_again = {
        let progress = progress.clone();
        Callback::from(move |_| progress.dispatch(ProgressMsg::Do(Action::ResetLesson(slug))))
    };
    let on_answer = {
        let progress = progress.clone();
        Callback::from(move |(question, option): (&'static str, &'static str)| {
            progress.dispatch(ProgressMsg::Do(Action::Answered { slug, question: question.to_owned(), option: option.to_owned() }));
        })
    };

    let predicted = mine.prediction.is_some();
    let state = mine.state();
    let id_prefix = format!("lesson-{slug}");
    let sandbox_href = format!(
        "#/sandbox?s={}",
        encode(&SandboxSetup { seed: lesson.setup.seed, params: lesson.setup.params(), ..SandboxSetup::new(lesson.setup.bench) })
    );
    let task_status = if *met_now {
        html! {
            <>
                <p class="task-status done">{ "✓ Task reached. " }{ render(&text.success, text).html() }</p>
                { par(lesson.task.best, *answer, mine.helped || *shown) }
            </>
        }
    } else if mine.task_done {
        html! { <p class="task-status done">{ "✓ You have reached this task before. Try other settings, or move on." }</p> }
    } else {
        html! { <p class="task-status">{ "Not reached yet: change the controls, run the experiment, and watch the numbers." }</p> }
    };
    let checklist = match &*last {
        Some(outcome) => {
            let items = conditions(&lesson.task.goal, outcome, lesson.setup.bench, lesson.setup.hidden);
            html! {
                <ul class="goal-check" aria-label="Your last run, condition by condition">
                    { for items.into_iter().map(|c| html! {
                        <li class={classes!(c.met.then_some("met"))}>
                            <span aria-hidden="true">{ if c.met { "✓ " } else { "✗ " } }</span>
                            <span class="sr-only">{ if c.met { "Met: " } else { "Not met: " } }</span>
                            { c.text }
                        </li>
                    }) }
                </ul>
            }
        }
        None => html! {},
    };
    let announcement = if *met_now { format!("Task reached. {}", plain(&text.success, text)) } else { String::new() };
    let claim = claim_markup(slug, text, &Writers { words: render, diagram: lesson_diagram });

    html! {
        <>
            { progress_notice(&progress) }
            <p class={classes!("lesson-state", state_class(state))}>{ format!("Your progress: {}", state.label()) }</p>
            if state == LessonState::CompleteWithHelp {
                <p class="help-note">
                    { "You used “Show me” for this task. " }
                    <button type="button" class="link-button start-again" onclick={start_again.clone()}>{ "Start the lesson again" }</button>
                    { " to complete it on your own." }
                </p>
            }

            { claim.html() }

            <section aria-labelledby="predict-heading" class="predict">
                <h2 id="predict-heading">{ "2. Predict" }</h2>
                { prediction(&id_prefix, text, &mine, *locked, &on_predict) }
            </section>

            <section aria-labelledby="experiment-heading">
                <h2 id="experiment-heading">{ "3. Experiment" }</h2>
                if predicted {
                    <p>{ render(&text.experiment_intro, text).html() }</p>
                    <ExperimentPanel
                        key={slug.as_str()}
                        bench={lesson.setup.bench}
                        params={lesson.setup.params()}
                        {on_ready}
                        controls={lesson.setup.controls.to_vec()}
                        seed={lesson.setup.seed}
                        {on_outcome}
                        {on_touch}
                        {on_params}
                        hidden={lesson.setup.hidden}
                        id_prefix={id_prefix.clone()} />
                    if lesson.setup.bench == DISTRIBUTION {
                        <SweepPanel params={(*current).clone()} seed={lesson.setup.seed} in_lesson=true />
                    }
                    if !props.embedded {
                        <p class="free-play"><a href={sandbox_href}>{ "Open this experiment in the sandbox" }</a>{ " to try any setting, with more controls." }</p>
                    }
                } else {
                    <p class="waiting">{ "Choose your prediction above first: the experiment opens once you have made it." }</p>
                }
            </section>

            if mine.revealed {
                <section aria-labelledby="explain-heading">
                    <h2 id="explain-heading">{ "4. Why" }</h2>
                    { for text.explanation.iter().map(|p| html! { <p>{ render(p, text).html() }</p> }) }
                    { mathematics(text) }
                </section>

                <section aria-labelledby="task-heading" class="task">
                    <h2 id="task-heading">{ "5. Your task" }</h2>
                    <p class="task-prompt">{ render(&text.task_prompt, text).html() }</p>
                    { task_status }
                    { checklist }
                    <div class="sr-only" aria-live="polite" aria-atomic="true">{ announcement }</div>
                    if *hints > 0 {
                        <ol class="hints">
                            { for text.hints.iter().take(*hints).map(|h| html! { <li>{ render(h, text).html() }</li> }) }
                        </ol>
                    }
                    <div class="task-actions">
                        if *hints < text.hints.len() {
                            <button type="button" class="hint" onclick={more_hint}>
                                { format!("Show a hint ({} of {})", *hints + 1, text.hints.len()) }
                            </button>
                        }
                        if !no_show_me {
                            <button type="button" class="show-me" onclick={show_me}>{ "Show me: set a working solution" }</button>
                        }
                    </div>
                    if !no_show_me {
                        <p class="muted" role="status">{ if mine.helped || *shown {
                            "“Show me” has set the controls above to a working solution: run the experiment to see it reach the task."
                        } else if mine.completed {
                            "The lesson is complete: “Show me” would only set the controls, and changes nothing on your record."
                        } else {
                            "A task solved with “Show me” counts as completed with help."
                        } }</p>
                    }
                </section>

                <section aria-labelledby="quiz-heading">
                    <h2 id="quiz-heading">{ "6. Check your understanding" }</h2>
                    { quiz(&id_prefix, text, &|q| mine.answer(q).map(str::to_owned), &on_answer) }
                    if state.is_complete() {
                        <p class="complete-banner" role="status">{ if state == LessonState::CompleteWithHelp { "✓ Lesson complete, with help." } else { "✓ Lesson complete." } }</p>
                    }
                </section>

                <section aria-labelledby="takeaway-heading">
                    <h2 id="takeaway-heading">{ "7. Takeaway" }</h2>
                    <p class="takeaway">{ render(&text.takeaway, text).html() }</p>
                    <div class="nuance" role="note">
                        <h3>{ "Nuance: where the simple claim breaks" }</h3>
                        <p>{ render(&text.nuance, text).html() }</p>
                    </div>
                    <div class="leaves-out" role="note">
                        <h3>{ "What this model leaves out" }</h3>
                        <ul>{ for text.leaves_out.iter().map(|l| html! { <li>{ render(l, text).html() }</li> }) }</ul>
                    </div>
                </section>
            }
        </>
    }
}

/// The learner's answer beside the least that works, once the task is
/// reached: the level's par, as in the best-loved puzzle tutorials.
fn par(best: Option<Best>, answer: Option<f64>, helped: bool) -> Html {
    let (Some(best), Some(mine)) = (best, answer) else { return html! {} };
    let spec = best.param.spec();
    let with_unit = |v: f64| if spec.unit.is_empty() { format_number(v) } else { format!("{} {}", format_number(v), spec.unit) };
    // The least is named only once reached: told sooner, it would be a
    // number to copy rather than one to find.
    let verdict = match (mine <= best.value + 1e-9, helped) {
        (true, true) => "That is the least that works here, as “Show me” set it.",
        (true, false) => "That is the least that works here: you found the best answer.",
        (false, _) => "A lower value also works here. Can you find the least?",
    };
    html! {
        <p class="par" role="note">
            <strong>{ format!("Your answer: {} {}. ", spec.label, with_unit(mine)) }</strong>{ verdict }
        </p>
    }
}

/// "The mathematics": closed until the reader opens it, so the plain path
/// reads without formulas.
fn mathematics(text: &LessonText) -> Html {
    let m = &text.mathematics;
    html! {
        <details class="mathematics">
            <summary>{ "The mathematics" }</summary>
            { for m.text.iter().map(|p| html! { <p>{ render(p, text).html() }</p> }) }
            if !m.symbols.is_empty() {
                <dl class="symbols">
                    { for m.symbols.iter().map(|s| html! {
                        <>
                            <dt><code class="formula">{ s.symbol.clone() }</code></dt>
                            <dd>{ render(&s.meaning, text).html() }</dd>
                        </>
                    }) }
                </dl>
            }
        </details>
    }
}
