//! The sandbox: choose a workload, set every parameter, run client-server
//! and peer-to-peer side by side, and share the exact setup as a link.

use crate::experiment::{NetworkEdits, Params};
use crate::sandbox::{decode, encode, SandboxSetup, Workload};
use crate::ui::components::experiment_panel::ExperimentPanel;
use crate::ui::components::legend::legend;
use crate::ui::components::sweep_panel::SweepPanel;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SandboxPageProps {
    #[prop_or_default]
    pub embedded: bool,
}

/// The setup carried in the page's address, if any: `#/sandbox?s=...`.
fn setup_from_address() -> (SandboxSetup, Option<String>) {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let Some((_, query)) = hash.split_once('?') else {
        return (SandboxSetup::default(), None);
    };
    let Some(raw) = query.split('&').find_map(|kv| kv.strip_prefix("s=")) else {
        return (SandboxSetup::default(), None);
    };
    let text = js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    match decode(&text) {
        Ok(setup) => (setup, None),
        Err(e) => (
            SandboxSetup::default(),
            Some(format!("This shared link could not be opened: {e}. The default experiment is shown instead.")),
        ),
    }
}

/// The hash route that opens exactly this setup.
fn hash_for(setup: &SandboxSetup, embedded: bool) -> String {
    let route = if embedded {
        "/embed/sandbox"
    } else {
        "/sandbox"
    };
    format!("#{route}?s={}", encode(setup))
}

/// The sandbox's setup as page state. Changes go through a reducer so that
/// two in one update (new parameters and new edits, say) apply in turn to
/// the newest setup rather than each to the one last drawn.
#[derive(PartialEq)]
struct Setup(SandboxSetup);

enum SetupMsg {
    Workload(Workload),
    Params(Box<Params>),
    Edits(NetworkEdits),
    Seed(u64),
    Size(f64),
}

impl std::ops::Deref for Setup {
    type Target = SandboxSetup;
    fn deref(&self) -> &SandboxSetup {
        &self.0
    }
}

impl Reducible for Setup {
    type Action = SetupMsg;

    fn reduce(self: std::rc::Rc<Self>, msg: SetupMsg) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match msg {
            SetupMsg::Workload(w) => next = SandboxSetup { seed: next.seed, ..SandboxSetup::new(w) },
            SetupMsg::Params(params) => next.params = *params,
            SetupMsg::Edits(edits) => next.edits = edits,
            SetupMsg::Seed(seed) => next.seed = seed,
            SetupMsg::Size(value) => next.params.set(next.workload.sizes().0, value),
        }
        std::rc::Rc::new(Setup(next))
    }
}

#[component]
pub fn SandboxPage(props: &SandboxPageProps) -> Html {
    let initial = use_memo((), |_| setup_from_address());
    let setup = use_reducer(|| Setup(initial.0.clone()));
    let notice = use_state(|| initial.1.clone());
    // Bumped whenever the panel must start over from `setup`.
    let apply = use_state(|| 0u32);
    let embedded = props.embedded;
    let hash = hash_for(&setup, embedded);
    let location = gloo::utils::window().location();
    let link = format!(
        "{}{}{hash}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    // Keep the address bar a link to exactly what is on screen, without
    // adding a history entry per change.
    use_effect_with(hash, |hash| {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    });

    let choose = {
        let setup = setup.clone();
        let apply = apply.clone();
        Callback::from(move |w: Workload| {
            setup.dispatch(SetupMsg::Workload(w));
            apply.set(*apply + 1);
        })
    };
    let on_params = {
        let setup = setup.clone();
        Callback::from(move |params: Params| {
            setup.dispatch(SetupMsg::Params(Box::new(params)))
        })
    };
    let on_edits = {
        let setup = setup.clone();
        Callback::from(move |edits: NetworkEdits| {
            setup.dispatch(SetupMsg::Edits(edits))
        })
    };
    let seed_error = use_state(|| None::<String>);
    let on_seed = {
        let setup = setup.clone();
        let apply = apply.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match input.value().trim().parse::<u64>() {
                Ok(seed) => {
                    seed_error.set(None);
                    setup.dispatch(SetupMsg::Seed(seed));
                    apply.set(*apply + 1);
                }
                Err(_) => seed_error.set(Some(
                    "The seed must be a whole number from 0 upwards.".into(),
                )),
            }
        })
    };
    let new_seed = {
        let setup = setup.clone();
        let apply = apply.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |_| {
            let mut bytes = [0u8; 4];
            // A fresh seed only when asked; the core itself never reads
            // randomness. Small numbers are easier to read out and type.
            let seed = if getrandom::getrandom(&mut bytes).is_ok() {
                u64::from(u32::from_le_bytes(bytes) % 1_000_000)
            } else {
                setup.seed + 1
            };
            seed_error.set(None);
            setup.dispatch(SetupMsg::Seed(seed));
            apply.set(*apply + 1);
        })
    };
    let resize = {
        let setup = setup.clone();
        let apply = apply.clone();
        Callback::from(move |value: f64| {
            setup.dispatch(SetupMsg::Size(value));
            apply.set(*apply + 1);
        })
    };
    let (size_param, sizes) = setup.workload.sizes();
    let current_size = setup.params.get(size_param);
    let size_buttons = ["Small", "Medium", "Large"]
        .into_iter()
        .zip(sizes)
        .map(|(name, value)| {
            let resize = resize.clone();
            html! {
                <button type="button" aria-pressed={(current_size == Some(value)).to_string()}
                    onclick={Callback::from(move |_| resize.emit(value))}>
                    { format!("{name} ({value})") }
                </button>
            }
        });
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    let workloads = Workload::ALL.into_iter().map(|w| {
        let id = format!("workload-{}", w.key());
        let choose = choose.clone();
        html! {
            <li key={w.key()}>
                <input type="radio" name="workload" id={id.clone()} checked={setup.workload == w}
                    onchange={Callback::from(move |_| choose.emit(w))} />
                <label for={id}>{ w.label() }</label>
            </li>
        }
    });

    html! {
        <article class="sandbox">
            <h1>{ "Sandbox" }</h1>
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="alert">
                    <p>{ text }</p>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            { Html::from_html_unchecked(AttrValue::Static("<p class=\"lead\">Your own experiments: choose a workload, set its numbers, \
                build the network node by node if you like, and run the client-server and peer-to-peer versions side by side \
                with the same settings and the same random seed.</p><h2>Set it up</h2>")) }
            <fieldset class="workloads">
                <legend>{ "Workload" }</legend>
                <ul>{ for workloads }</ul>
            </fieldset>
            <div class="seed-row" role="group" aria-labelledby="size-label">
                <span id="size-label" class="group-label">{ format!("Preset size ({})", size_param.spec().label.to_ascii_lowercase()) }</span>
                { for size_buttons }
            </div>
            <div class="seed-row">
                <label for="sandbox-seed">{ "Random seed" }</label>
                <input type="text" inputmode="numeric" id="sandbox-seed" class="number" value={setup.seed.to_string()}
                    aria-invalid={seed_error.is_some().to_string()} oninput={on_seed} />
                <button type="button" onclick={new_seed}>{ "New seed" }</button>
                if let Some(e) = (*seed_error).clone() {
                    <p class="control-error" role="alert">{ e }</p>
                }
            </div>
            <h2>{ "Run it" }</h2>
            { legend() }
            <ExperimentPanel
                key={setup.workload.key()}
                bench={setup.workload.bench()}
                params={setup.params.clone()}
                edits={setup.edits.clone()}
                {on_edits}
                apply={*apply}
                controls={setup.workload.controls()}
                seed={setup.seed}
                on_outcome={Callback::noop()}
                {on_params}
                interactive=true
                id_prefix="sandbox" />
            if setup.workload == Workload::Distribution {
                <SweepPanel params={setup.params.clone()} seed={setup.seed} />
            }
            <div class="share">
                <label for="share-link">{ "Link to this exact setup (copy it to share)" }</label>
                <input type="text" id="share-link" readonly=true value={link} />
            </div>
        </article>
    }
}
