//! "Predict": a question of its own, answered before the experiment runs.
//! Not graded; saved; locked once the first run has started. After that
//! run, the learner's choice sits beside what their own run measured.

use crate::experiment::Metric;
use crate::lessons::render::render;
use crate::lessons::text::LessonText;
use crate::progress::LessonProgress;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `locked` once a run has started; `on_predict` receives an option's id.
pub fn prediction(
    id_prefix: &str,
    words: &'static LessonText,
    mine: &LessonProgress,
    locked: bool,
    on_predict: &Callback<&'static str>,
) -> Html {
    let predict = &words.predict;
    let name = format!("{id_prefix}-predict");
    let chosen = mine.prediction.as_deref();
    let locked = locked || mine.revealed;
    let options = predict.options.iter().map(|o| {
        let id = format!("{name}-{}", o.id);
        let oid = o.id.as_str();
        let onchange = {
            let on_predict = on_predict.clone();
            Callback::from(move |e: Event| {
                if e.target_unchecked_into::<HtmlInputElement>().checked() {
                    on_predict.emit(oid);
                }
            })
        };
        html! {
            <li key={o.id.as_str()}>
                <input type="radio" id={id.clone()} name={name.clone()} value={o.id.clone()} checked={chosen == Some(o.id.as_str())} disabled={locked} {onchange} />
                <label for={id}>{ render(&o.text, words).html() }</label>
            </li>
        }
    });
    let outcome = match (chosen.and_then(|c| predict.option(c)), mine.observed, predict.metric()) {
        (Some(said), Some(seen), Some(metric)) if mine.revealed => {
            let matched = predict.matching(seen);
            let verdict = match matched {
                Some(m) if m.id == said.id => "That is what you predicted.".to_owned(),
                Some(m) => format!("That is “{}”.", crate::lessons::render::plain(&m.text, words)),
                None => String::new(),
            };
            Some(html! {
                <p class="prediction-outcome" role="status">
                    { "You predicted “" }{ render(&said.text, words).html() }{ "”; at the starting settings the run shows " }
                    <strong>{ metric_value(metric, seen) }</strong>{ ". " }{ verdict }
                </p>
            })
        }
        _ => None,
    };
    html! {
        <fieldset class="prediction">
            <legend>{ render(&predict.prompt, words).html() }</legend>
            <ul class="options">{ for options }</ul>
            if chosen.is_none() {
                <p class="muted">{ "Not graded: choose what you expect. It is kept, and shown beside your result." }</p>
            } else if locked && outcome.is_none() {
                <p class="muted">{ "Your prediction is locked in: the run has started." }</p>
            }
            { for outcome }
        </fieldset>
    }
}

fn metric_value(metric: Metric, value: f64) -> String {
    metric.format(value)
}
