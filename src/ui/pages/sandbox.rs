//! The sandbox: choose a workload, set every parameter, run client-server
//! and peer-to-peer side by side, and share the exact setup as a link.

use crate::experiment::bench::{BenchSpec, DISTRIBUTION};
use crate::experiment::lab::LabMsg;
use crate::experiment::param::format_number;
use crate::experiment::{Bench, NetworkEdits, Params};
use crate::sandbox::{decode, encode, SandboxSetup};
use crate::ui::components::experiment_panel::ExperimentPanel;
use crate::ui::components::sweep_panel::SweepPanel;
use crate::markup::Markup;
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
    let Some(raw) = crate::query::of_hash(&hash).and_then(|q| crate::query::value(q, "s")) else {
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

/// The sandbox's setup, as the address shows it. The experiment panel owns
/// the running setup; this copy follows its effects, in a reducer so that
/// two effects of one update (new parameters and new edits, say) apply in
/// turn to the newest copy.
#[derive(PartialEq)]
struct Shown(SandboxSetup);

enum Heard {
    /// Another bench: a new experiment at its defaults.
    Bench(Bench),
    Params(Box<Params>),
    Edits(NetworkEdits),
    Seed(u64),
}

impl std::ops::Deref for Shown {
    type Target = SandboxSetup;
    fn deref(&self) -> &SandboxSetup {
        &self.0
    }
}

impl Reducible for Shown {
    type Action = Heard;

    fn reduce(self: std::rc::Rc<Self>, msg: Heard) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match msg {
            Heard::Bench(b) => next = SandboxSetup { seed: next.seed, ..SandboxSetup::new(b) },
            Heard::Params(params) => next.params = *params,
            Heard::Edits(edits) => next.edits = edits,
            Heard::Seed(seed) => next.seed = seed,
        }
        std::rc::Rc::new(Shown(next))
    }
}

#[component]
pub fn SandboxPage(props: &SandboxPageProps) -> Html {
    let initial = use_memo((), |_| setup_from_address());
    let setup = use_reducer(|| Shown(initial.0.clone()));
    let notice = use_state(|| initial.1.clone());
    // The panel hands over a sender when it starts: seeds and sizes go to
    // its Lab as messages.
    let send = use_mut_ref(|| None::<Callback<LabMsg>>);
    let on_ready = {
        let send = send.clone();
        Callback::from(move |sender: Callback<LabMsg>| *send.borrow_mut() = Some(sender))
    };
    let tell = {
        let send = send.clone();
        move |msg: LabMsg| {
            if let Some(send) = send.borrow().as_ref() {
                send.emit(msg);
            }
        }
    };
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
        Callback::from(move |b: Bench| setup.dispatch(Heard::Bench(b)))
    };
    let on_params = {
        let setup = setup.clone();
        Callback::from(move |params: Params| setup.dispatch(Heard::Params(Box::new(params))))
    };
    let on_edits = {
        let setup = setup.clone();
        Callback::from(move |edits: NetworkEdits| setup.dispatch(Heard::Edits(edits)))
    };
    let on_seed = {
        let setup = setup.clone();
        Callback::from(move |seed: u64| setup.dispatch(Heard::Seed(seed)))
    };
    let seed_error = use_state(|| None::<String>);
    let type_seed = {
        let tell = tell.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match input.value().trim().parse::<u64>() {
                Ok(seed) => {
                    seed_error.set(None);
                    tell(LabMsg::Seed(seed));
                }
                Err(_) => seed_error.set(Some(
                    "The seed must be a whole number from 0 upwards.".into(),
                )),
            }
        })
    };
    let new_seed = {
        let setup = setup.clone();
        let tell = tell.clone();
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
            tell(LabMsg::Seed(seed));
        })
    };
    let size_row = setup.sizes().map(|(param, sizes)| {
        let current = setup.params.get(param);
        let buttons = ["Small", "Medium", "Large"].into_iter().zip(sizes).map(|(name, value)| {
            let tell = tell.clone();
            html! {
                <button type="button" aria-pressed={(current == Some(value)).to_string()}
                    onclick={Callback::from(move |_| tell(LabMsg::Input(param, format_number(value))))}>
                    { format!("{name} ({})", format_number(value)) }
                </button>
            }
        });
        html! {
            <div class="seed-row" role="group" aria-labelledby="size-label">
                <span id="size-label" class="group-label">{ format!("Preset size ({})", param.spec().label.to_ascii_lowercase()) }</span>
                { for buttons }
            </div>
        }
    });
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };

    let workloads = BenchSpec::in_sandbox().map(|b| {
        let id = format!("workload-{}", b.key);
        let choose = choose.clone();
        html! {
            <li key={b.key}>
                <input type="radio" name="workload" id={id.clone()} checked={setup.bench == b}
                    onchange={Callback::from(move |_| choose.emit(b))} />
                <label for={id}>{ b.label }</label>
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
            { Markup::from_static("<p class=\"lead\">Your own experiments: choose a workload, set its numbers, \
                build the network node by node if you like, and run the client-server and peer-to-peer versions side by side \
                with the same settings and the same random seed.</p><h2>Set it up</h2>").html() }
            <fieldset class="workloads">
                <legend>{ "Workload" }</legend>
                <ul>{ for workloads }</ul>
            </fieldset>
            { for size_row }
            <div class="seed-row">
                <label for="sandbox-seed">{ "Random seed" }</label>
                <input type="text" inputmode="numeric" id="sandbox-seed" class="number" value={setup.seed.to_string()}
                    aria-invalid={seed_error.is_some().to_string()} oninput={type_seed} />
                <button type="button" onclick={new_seed}>{ "New seed" }</button>
                if let Some(e) = (*seed_error).clone() {
                    <p class="control-error" role="alert">{ e }</p>
                }
            </div>
            <h2>{ "Run it" }</h2>
            <ExperimentPanel
                key={setup.bench.key}
                bench={setup.bench}
                params={setup.params.clone()}
                edits={setup.edits.clone()}
                seed={setup.seed}
                controls={setup.bench.controls()}
                {on_ready}
                {on_edits}
                {on_params}
                {on_seed}
                on_outcome={Callback::noop()}
                interactive=true
                id_prefix="sandbox" />
            if setup.bench == DISTRIBUTION {
                <SweepPanel params={setup.params.clone()} seed={setup.seed} />
            }
            <div class="share">
                <label for="share-link">{ "Link to this exact setup (copy it to share)" }</label>
                <input type="text" id="share-link" readonly=true value={link} />
            </div>
        </article>
    }
}
