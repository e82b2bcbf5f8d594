//! "Check your understanding": each question answered by choosing an
//! option, with feedback that answers the option chosen. Retries are
//! allowed; progress keeps the first answer as well as the latest.

use crate::lessons::render::render;
use crate::lessons::text::{Claim, Question};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `answer` gives the learner's latest choice per question id;
/// `on_answer` receives `(question id, option id)`.
pub fn quiz(
    id_prefix: &str,
    questions: &'static [Question],
    ledger: &'static [Claim],
    answer: &dyn Fn(&str) -> Option<String>,
    on_answer: &Callback<(&'static str, &'static str)>,
) -> Html {
    let items = questions.iter().enumerate().map(|(qi, q)| {
        let chosen = answer(q.id);
        let name = format!("{id_prefix}-q-{}", q.id);
        let options = q.options.iter().map(|o| {
            let id = format!("{name}-{}", o.id);
            let (qid, oid) = (q.id, o.id);
            let onchange = {
                let on_answer = on_answer.clone();
                Callback::from(move |e: Event| {
                    if e.target_unchecked_into::<HtmlInputElement>().checked() {
                        on_answer.emit((qid, oid));
                    }
                })
            };
            html! {
                <li key={o.id}>
                    <input type="radio" id={id.clone()} name={name.clone()} value={o.id} checked={chosen.as_deref() == Some(o.id)} {onchange} />
                    <label for={id}>{ render(o.text, ledger).html() }</label>
                </li>
            }
        });
        let feedback = chosen.as_deref().and_then(|c| q.option(c)).map(|o| {
            let right = q.is_correct(o.id);
            html! {
                <div class={classes!("feedback", if right { "right" } else { "wrong" })} role="status">
                    <p><strong>{ if right { "✓ Correct. " } else { "✗ Not quite. " } }</strong>{ render(o.why, ledger).html() }</p>
                </div>
            }
        });
        html! {
            <fieldset class="question" key={q.id}>
                <legend>{ format!("{}. ", qi + 1) }{ render(q.prompt, ledger).html() }</legend>
                <ul class="options">{ for options }</ul>
                { for feedback }
            </fieldset>
        }
    });
    html! { <div class="quiz">{ for items }</div> }
}
