//! The live experiment: two networks side by side under the same
//! parameters, run in slices per animation frame so the page never freezes.
//! Play, pause, step, reset and skip to the end; the few controls a lesson
//! exposes; the metrics that prove its point, drawn as they evolve.
//!
//! A thin shell over `experiment::lab::Lab`, whose update function holds
//! all the logic (and its native tests). The panel owns its Lab: it starts
//! from its props, once, and from then on changes only by messages, from
//! the learner or from the page (which gets a sender through `on_ready`).
//! The page reads what happened from the effects' callbacks.

use crate::decimal::fixed;
use crate::experiment::chart_svg;
use crate::experiment::lab::{EditMsg, Effects, Lab, LabMsg, Mode, Nav, SelectMsg, Speed, TransportMsg};
use crate::experiment::{Bench, Export, Metric, NetworkEdits, Outcome, Param, Params, Side};
use crate::ui::components::legend::legend;
use crate::ui::components::line_chart::LineChart;
use crate::ui::components::metrics_list::MetricsList;
use crate::ui::components::network_view::{network_view, Drawing};
use crate::ui::components::node_inspector::node_inspector;
use crate::ui::components::param_control::param_control;
use crate::ui::components::split_chart::SplitChart;
use crate::ui::components::upload_chart::UploadChart;
use crate::ui::download::download;
use crate::ui::motion::prefers_reduced_motion;
use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExperimentPanelProps {
    pub bench: Bench,
    /// Where the Lab starts: read once, when the panel is created.
    pub params: Params,
    #[prop_or_default]
    pub edits: NetworkEdits,
    pub seed: u64,
    pub controls: Vec<Param>,
    /// Called once, at creation, with a sender of messages to the Lab (a
    /// lesson's "show me", the sandbox's seed and sizes).
    #[prop_or_default]
    pub on_ready: Callback<Callback<LabMsg>>,
    /// Both runs finished: what they measured.
    pub on_outcome: Callback<Outcome>,
    /// The learner changed something or started a run.
    #[prop_or_default]
    pub on_touch: Callback<()>,
    /// The parameters after every accepted change (the sandbox keeps its
    /// address in step with them).
    #[prop_or_default]
    pub on_params: Callback<Params>,
    /// Nodes and links changed by hand (the sandbox's network builder).
    #[prop_or_default]
    pub on_edits: Callback<NetworkEdits>,
    #[prop_or_default]
    pub on_seed: Callback<u64>,
    /// Readouts a lesson keeps off the page because its task asks for them.
    #[prop_or_default]
    pub hidden: &'static [Metric],
    /// Offer failing and reviving nodes by hand, with an event log.
    #[prop_or_default]
    pub interactive: bool,
    pub id_prefix: AttrValue,
}

pub enum Msg {
    Lab(LabMsg),
    Export(Export),
    /// An animation frame at this timestamp (milliseconds).
    Frame(f64),
    /// A node of one side chosen by click or key: select it and focus it.
    Focus(Side, LabMsg),
}

pub struct ExperimentPanel {
    lab: Lab,
    frame: Option<AnimationFrame>,
    last_frame_ms: Option<f64>,
    still: bool,
    export_error: Option<String>,
    /// The side whose selected node takes focus after the next render.
    focus: Option<Side>,
    /// The selects must be set to the lab's state after the next render
    /// (not needed after an animation frame: only the learner changes them).
    sync_selects: bool,
}

impl ExperimentPanel {
    fn start(ctx: &Context<Self>) -> (Lab, Effects) {
        let p = ctx.props();
        Lab::with_edits(p.bench, p.params.clone(), p.edits.clone(), p.seed, p.interactive)
    }

    fn perform(&mut self, ctx: &Context<Self>, fx: Effects) {
        let props = ctx.props();
        if fx.touched {
            props.on_touch.emit(());
        }
        if let Some(params) = fx.params {
            props.on_params.emit(params);
        }
        if let Some(edits) = fx.edits {
            props.on_edits.emit(edits);
        }
        if let Some(seed) = fx.seed {
            props.on_seed.emit(seed);
        }
        if let Some(outcome) = fx.outcome {
            props.on_outcome.emit(outcome);
        }
        if !self.lab.animating() {
            self.frame = None;
            self.last_frame_ms = None;
        } else if self.frame.is_none() {
            let link = ctx.link().clone();
            self.frame = Some(request_animation_frame(move |ts| link.send_message(Msg::Frame(ts))));
        }
    }

    /// Sets each select to what the lab holds.
    fn sync_selects(&self, prefix: &str) {
        let user = self.lab.user_of(Side::Distributed, self.lab.selected(Side::Distributed));
        let role = user.map(|u| if self.lab.serves(u) { "peer" } else { "client" }.to_owned());
        let wanted = [
            (format!("{prefix}-node-0"), Some(self.lab.selected(Side::Central).to_string())),
            (format!("{prefix}-node-1"), Some(self.lab.selected(Side::Distributed).to_string())),
            (format!("{prefix}-node-1-role"), role),
        ];
        for (id, value) in wanted {
            let select = gloo::utils::document()
                .get_element_by_id(&id)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(e).ok());
            if let (Some(select), Some(value)) = (select, value) {
                if select.value() != value {
                    select.set_value(&value);
                }
            }
        }
    }
}

/// What a key pressed on a node of one side's drawing asks for.
fn key_message(key: &str, side: Side, node: u32) -> Option<LabMsg> {
    Some(match key {
        "ArrowRight" | "ArrowDown" => SelectMsg::Move(side, Nav::Next).into(),
        "ArrowLeft" | "ArrowUp" => SelectMsg::Move(side, Nav::Prev).into(),
        "Home" => SelectMsg::Move(side, Nav::First).into(),
        "End" => SelectMsg::Move(side, Nav::Last).into(),
        "f" | "F" => LabMsg::Toggle(side, node),
        "a" | "A" | "+" => EditMsg::AddNode.into(),
        "Delete" | "Backspace" | "-" => EditMsg::RemoveNode(side, node).into(),
        _ => return None,
    })
}

impl Component for ExperimentPanel {
    type Message = Msg;
    type Properties = ExperimentPanelProps;

    fn create(ctx: &Context<Self>) -> Self {
        let (lab, fx) = ExperimentPanel::start(ctx);
        let mut panel = ExperimentPanel {
            lab,
            frame: None,
            last_frame_ms: None,
            still: prefers_reduced_motion(),
            export_error: None,
            focus: None,
            sync_selects: false,
        };
        ctx.props().on_ready.emit(ctx.link().callback(Msg::Lab));
        panel.perform(ctx, Effects { outcome: fx.outcome, ..Effects::default() });
        panel
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Self::Properties) -> bool {
        let props = ctx.props();
        if props.bench != old.bench || props.interactive != old.interactive {
            // Another bench is another experiment: start one.
            let (lab, fx) = ExperimentPanel::start(ctx);
            self.lab = lab;
            props.on_ready.emit(ctx.link().callback(Msg::Lab));
            self.perform(ctx, fx);
            return true;
        }
        // The starting setup is not read again; only what is drawn from
        // the props themselves may have changed.
        props.controls != old.controls || props.id_prefix != old.id_prefix
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let fx = match msg {
            Msg::Lab(m) => {
                self.sync_selects = true;
                self.lab.update(m)
            }
            Msg::Focus(side, m) => {
                self.focus = Some(side);
                self.sync_selects = true;
                self.lab.update(m)
            }
            Msg::Export(kind) => {
                let prefix = &ctx.props().id_prefix;
                let saved = match kind {
                    Export::Csv => download(prefix, kind, &self.lab.results_csv()),
                    Export::Svg => self
                        .lab
                        .picture()
                        .chart
                        .as_ref()
                        .ok_or_else(|| "there is no chart to save".to_owned())
                        .and_then(|spec| download(prefix, kind, chart_svg::svg(spec, true).as_str())),
                };
                self.export_error = saved.err();
                return true;
            }
            Msg::Frame(ts) => {
                // This frame's request is used up; `perform` asks for the next.
                self.frame = None;
                let dt_s = self.last_frame_ms.map_or(0.0, |last| (ts - last) / 1000.0);
                self.last_frame_ms = Some(ts);
                let started = js_sys::Date::now();
                let fx = self.lab.update(TransportMsg::Frame { dt_s }.into());
                self.lab.pace(js_sys::Date::now() - started);
                fx
            }
        };
        self.perform(ctx, fx);
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        // A select shows the option a learner last picked, even one the lab
        // refused or one changed since from the drawing: set what it shows.
        if std::mem::take(&mut self.sync_selects) {
            self.sync_selects(&ctx.props().id_prefix);
        }
        let Some(side) = self.focus.take() else {
            return;
        };
        let selector =
            format!("#{}-net-{} [data-node=\"{}\"]", ctx.props().id_prefix, side.index(), self.lab.selected(side));
        if let Ok(Some(node)) = gloo::utils::document().query_selector(&selector) {
            // SVG elements take focus like HTML ones; `focus` is shared.
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&node).focus();
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let link = ctx.link();
        let lab = &self.lab;
        let bench = lab.bench();
        let on_input = link.callback(|(p, text): (Param, String)| Msg::Lab(LabMsg::Input(p, text)));
        let shown = bench.complete(lab.params());
        let controls = props.controls.iter().map(|param| {
            param_control(*param, shown.value_or(*param, param.spec().min), lab.refused(*param), &on_input, &props.id_prefix)
        });
        let playing = lab.animating();
        let finished = lab.mode() == Mode::Finished;
        let animated = bench.animated;
        let status = lab.status();
        let time = lab.time_s();
        let speed_select = {
            let onchange = link.batch_callback(|e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                Speed::from_key(&select.value()).map(|s| Msg::Lab(TransportMsg::SetSpeed(s).into()))
            });
            let id = format!("{}-speed", props.id_prefix);
            let options = Speed::ALL.iter().map(|s| {
                html! { <option value={s.key()} selected={lab.speed() == *s}>{ s.label() }</option> }
            });
            html! {
                <span class="speed">
                    <label for={id.clone()}>{ "Speed" }</label>
                    <select {id} {onchange}>{ for options }</select>
                </span>
            }
        };
        let side_panel = |side: Side| {
            let label = lab.label(side);
            let i = side.index();
            let picture = lab.picture();
            html! {
                <section class="side" aria-label={label}>
                    <h3>{ label }</h3>
                    if animated {
                        { network_view(Drawing {
                            view: lab.view(side),
                            points: &picture.layouts[side],
                            label,
                            still: self.still,
                            id: format!("{}-net-{i}", props.id_prefix),
                            selected: props.interactive.then_some(lab.selected(side)),
                            on_node: props.interactive.then(|| link.callback(move |id: u32| Msg::Focus(side, SelectMsg::Pick(side, id).into()))),
                            on_key: props.interactive.then(|| {
                                let chosen = lab.selected(side);
                                link.batch_callback(move |e: KeyboardEvent| {
                                    let msg = key_message(&e.key(), side, chosen)?;
                                    e.prevent_default();
                                    Some(Msg::Focus(side, msg))
                                })
                            }),
                        }) }
                    }
                    <MetricsList {bench} metrics={picture.metrics.clone()} {side} hidden={props.hidden} />
                    <UploadChart {label} uploads={picture.uploads.clone()} {side} />
                    <SplitChart {label} splits={picture.splits.clone()} {side} />
                    if props.interactive && animated {
                        { node_inspector(lab, side, &props.id_prefix, &link.callback(Msg::Lab)) }
                    }
                </section>
            }
        };
        let chart = lab.picture().chart.clone();
        html! {
            <div class={classes!("experiment", chart.is_some().then_some("has-chart"))} data-state={lab.state_key()}>
                <div class="lab-main">
                    <div class="controls">{ for controls }</div>
                    if let Some(err) = lab.build_error() {
                        <p class="control-error" role="alert">{ err.to_owned() }</p>
                    }
                    if animated {
                        <div class="transport" role="group" aria-label="Run the experiment">
                            if playing {
                                <button type="button" class="pause" onclick={link.callback(|_| Msg::Lab(TransportMsg::Pause.into()))}>
                                    { if lab.mode() == Mode::Skipping { "Cancel" } else { "Pause" } }
                                </button>
                            } else {
                                <button type="button" class="play" onclick={link.callback(|_| Msg::Lab(TransportMsg::Play.into()))} disabled={!lab.has_runs()}>
                                    { if finished { "Run again" } else { "Play" } }
                                </button>
                            }
                            <button type="button" class="step" onclick={link.callback(|_| Msg::Lab(TransportMsg::Step.into()))} disabled={!lab.has_runs() || finished}>{ "Step" }</button>
                            <button type="button" class="skip" onclick={link.callback(|_| Msg::Lab(TransportMsg::Skip.into()))} disabled={!lab.has_runs() || finished}>{ "Skip to end" }</button>
                            <button type="button" class="reset" onclick={link.callback(|_| Msg::Lab(TransportMsg::Reset.into()))}>{ "Reset" }</button>
                            { speed_select }
                            <span class="clock" aria-live="off">{ format!("{status} · t = {} s", fixed(time, 1)) }</span>
                            <progress class="run-progress" max="100" value={fixed(lab.progress() * 100.0, 0)}
                                aria-label="How far the run has got" />
                        </div>
                    }
                    if lab.can_build() && animated {
                        <div class="builder" role="group" aria-label="Build the network">
                            <button type="button" class="add-node" onclick={link.callback(|_| Msg::Lab(EditMsg::AddNode.into()))}>{ "Add a node" }</button>
                            <button type="button" class="from-scratch" onclick={link.callback(|_| Msg::Lab(EditMsg::FromScratch.into()))}>{ "Start from scratch" }</button>
                            <p class="muted">
                                { "In a drawing: arrow keys move between nodes, " }
                                if lab.can_fail(Side::Central) || lab.can_fail(Side::Distributed) {
                                    { "F fails or revives the selected one, " }
                                }
                                { "A adds a node, Delete removes the selected one. Click or tap a node to select it." }
                            </p>
                        </div>
                    }
                    if let Some(e) = lab.edit_error() {
                        <p class="control-error" role="alert">{ e.to_string() }</p>
                    }
                    { legend(&lab.legend()) }
                    <div class="sides">
                        { side_panel(Side::Central) }
                        { side_panel(Side::Distributed) }
                    </div>
                    if let Some(on) = lab.churn() {
                        <div class="control switch">
                            <input type="checkbox" id={format!("{}-churn", props.id_prefix)} checked={on}
                                onchange={link.callback(|e: Event| Msg::Lab(LabMsg::Churn(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))} />
                            <label for={format!("{}-churn", props.id_prefix)}>{ "Peers come and go (churn)" }</label>
                        </div>
                    }
                    if props.interactive {
                        <section class="event-log" aria-label="Event log">
                            <h3>{ "Event log" }</h3>
                            if lab.log().is_empty() {
                                <p class="muted">
                                    { if lab.can_fail(Side::Central) || lab.can_fail(Side::Distributed) { "Fail or revive a node, or run to the end: what happens is listed here." } else { "Run to the end: what happens is listed here." } }
                                </p>
                            } else {
                                <ol tabindex="0">{ for lab.log().iter().map(|l| html! { <li>{ l.to_owned() }</li> }) }</ol>
                            }
                            // Announces only the newest line, and only when one is added.
                            <p class="sr-only" aria-live="polite">{ lab.log().last().unwrap_or_default().to_owned() }</p>
                        </section>
                    }
                    if props.interactive && finished {
                        <div class="task-actions">
                            <button type="button" class="export-csv" onclick={link.callback(|_| Msg::Export(Export::Csv))}>{ "Download results (CSV)" }</button>
                            if lab.picture().chart.is_some() {
                                <button type="button" class="export-svg" onclick={link.callback(|_| Msg::Export(Export::Svg))}>{ "Download chart (SVG)" }</button>
                            }
                        </div>
                        if let Some(e) = &self.export_error {
                            <p class="control-error" role="alert">{ format!("Could not save the file: {e}") }</p>
                        }
                    }
                </div>
                // Beside the drawings on a wide screen, and in view while
                // the run plays (see the stylesheet).
                if let Some(spec) = chart {
                    <div class="chart-slot" id={format!("{}-chart", props.id_prefix)}><LineChart {spec} /></div>
                }
            </div>
        }
    }
}
