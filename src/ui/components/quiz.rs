//! "Check your understanding": each question answered by choosing an option,
//! with the explanation shown once answered.

use crate::lessons::text::Question;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `answers` holds the learner's choice per question, if any.
pub fn quiz(id_prefix: &str, questions: &'static [Question], answers: &[Option<u32>], on_answer: &Callback<(u32, u32)>) -> Html {
    let items = questions.iter().enumerate().map(|(qi, q)| {
        let qi = qi as u32;
        let chosen = answers.get(qi as usize).copied().flatten();
        let name = format!("{}-q{}", id_prefix, qi);
        let options = q.options.iter().enumerate().map(|(oi, text)| {
            let oi = oi as u32;
            let id = format!("{name}-o{oi}");
            let onchange = {
                let on_answer = on_answer.clone();
                Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    if input.checked() {
                        on_answer.emit((qi, oi));
                    }
                })
            };
            html! {
                <li key={oi}>
                    <input type="radio" id={id.clone()} name={name.clone()} checked={chosen == Some(oi)} {onchange} />
                    <label for={id}>{ *text }</label>
                </li>
            }
        });
        let feedback = chosen.map(|c| {
            let right = c == q.correct;
            html! {
                <div class={classes!("feedback", if right { "right" } else { "wrong" })} role="status">
                    <p><strong>{ if right { "✓ Correct." } else { "✗ Not quite." } }</strong>{ " " }{ q.explanation }</p>
                </div>
            }
        });
        html! {
            <fieldset class="question" key={qi}>
                <legend>{ format!("{}. {}", qi + 1, q.prompt) }</legend>
                <ul class="options">{ for options }</ul>
                { for feedback }
            </fieldset>
        }
    });
    html! { <div class="quiz">{ for items }</div> }
}
