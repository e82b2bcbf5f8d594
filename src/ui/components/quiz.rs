//! "Check your understanding": each question answered by choosing an
//! option, with feedback that answers the option chosen. Retries are
//! allowed; progress keeps the first answer as well as the latest.

use crate::lessons::render::render;
use crate::lessons::text::LessonText;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `answer` gives the learner's latest choice per question id;
/// `on_answer` receives `(question id, option id)`.
pub fn quiz(
    id_prefix: &str,
    words: &'static LessonText,
    answer: &dyn Fn(&str) -> Option<String>,
    on_answer: &Callback<(&'static str, &'static str)>,
) -> Html {
    let items = words.quiz.iter().enumerate().map(|(qi, q)| {
        let chosen = answer(&q.id);
        let name = format!("{id_prefix}-q-{}", q.id);
        let options = q.options.iter().map(|o| {
            let id = format!("{name}-{}", o.id);
            let (qid, oid) = (q.id.as_str(), o.id.as_str());
            let onchange = {
                let on_answer = on_answer.clone();
                Callback::from(move |e: Event| {
                    if e.target_unchecked_into::<HtmlInputElement>().checked() {
                        on_answer.emit((qid, oid));
                    }
                })
            };
            html! {
                <li key={o.id.as_str()}>
                    <input type="radio" id={id.clone()} name={name.clone()} value={o.id.clone()} checked={chosen.as_deref() == Some(o.id.as_str())} {onchange} />
                    <label for={id}>{ render(&o.text, words).html() }</label>
                </li>
            }
        });
        let feedback = chosen.as_deref().and_then(|c| q.option(c)).map(|o| {
            let right = q.is_correct(&o.id);
            html! {
                <div class={classes!("feedback", if right { "right" } else { "wrong" })} role="status">
                    <p><strong>{ if right { "✓ Correct. " } else { "✗ Not quite. " } }</strong>{ render(&o.why, words).html() }</p>
                </div>
            }
        });
        html! {
            <fieldset class="question" key={q.id.as_str()}>
                <legend>{ format!("{}. ", qi + 1) }{ render(&q.prompt, words).html() }</legend>
                <ul class="options">{ for options }</ul>
                { for feedback }
            </fieldset>
        }
    });
    html! { <div class="quiz">{ for items }</div> }
}
