//! One labelled control for an experiment parameter: a slider with a number
//! box that validates as you type, or a switch. A refused value is explained
//! and never applied silently.

use crate::experiment::lab::Refused;
use crate::experiment::param::format_number;
use crate::experiment::{Param, ParamKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `error` is text the learner typed that was refused, with the reason;
/// `on_input` receives every value typed or slid, raw, for the caller to
/// check; `id_prefix` keeps ids unique when several panels share a page.
pub fn param_control(
    param: Param,
    value: f64,
    error: Option<&Refused>,
    on_input: &Callback<(Param, String)>,
    id_prefix: &str,
) -> Html {
    let spec = param.spec();
    let id = format!("{}-{}", id_prefix, param.key());
    let oninput = {
        let on_input = on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit((param, input.value()));
        })
    };
    if spec.kind == ParamKind::Switch {
        let on = value >= 0.5;
        let onchange = {
            let on_input = on_input.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_input.emit((param, if input.checked() { "1".into() } else { "0".into() }));
            })
        };
        return html! {
            <div class="control switch" key={param.key()}>
                <input type="checkbox" id={id.clone()} checked={on} {onchange} />
                <label for={id}>{ spec.label }</label>
                <span class="switch-state" aria-hidden="true">{ if on { "On" } else { "Off" } }</span>
            </div>
        };
    }
    let (text, error) = match error {
        Some(r) => (r.text.clone(), Some(r.reason.clone())),
        None => (format_number(value), None),
    };
    let error_id = format!("{id}-error");
    let unit = if spec.unit.is_empty() { String::new() } else { format!(" ({})", spec.unit) };
    html! {
        <div class={classes!("control", error.is_some().then_some("invalid"))} key={param.key()}>
            <label for={id.clone()}>{ format!("{}{}", spec.label, unit) }</label>
            <div class="control-row">
                <input type="range" aria-hidden="true" tabindex="-1"
                    min={format_number(spec.min)} max={format_number(spec.max)} step={format_number(spec.step)}
                    value={format_number(value)} oninput={oninput.clone()} />
                <input type="text" inputmode="decimal" id={id} class="number" value={text}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.as_ref().map(|_| error_id.clone())}
                    {oninput} />
            </div>
            if let Some(why) = error {
                <p class="control-error" id={error_id} role="alert">{ why }</p>
            }
        </div>
    }
}
