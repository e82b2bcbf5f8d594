//! The live experiment: two networks side by side under the same
//! parameters, run in slices per animation frame so the page never freezes.
//! Play, pause, step, reset and skip to the end; the few controls a lesson
//! exposes; the metrics that prove its point, drawn as they evolve.

use crate::experiment::{Bench, ChartSpec, Metrics, Outcome, Param, Params, Side, SideRun};
use crate::experiment::view::NetView;
use crate::ui::components::line_chart::line_chart;
use crate::ui::components::network_view::NetworkView;
use crate::ui::components::param_control::param_control;
use crate::ui::motion::prefers_reduced_motion;
use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

/// Real seconds a whole run takes at normal speed.
const PLAY_SECONDS: f64 = 10.0;
/// Events each side may process per frame: a few milliseconds of work.
const FRAME_EVENT_BUDGET: u64 = 20_000;
/// Frames between refreshes of the (costlier) metrics and charts.
const METRICS_EVERY: u32 = 12;
/// How far one press of "Step" moves the clock, as a share of the run.
const STEP_SHARE: f64 = 0.02;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    Slow,
    Normal,
    Fast,
}

impl Speed {
    fn factor(self) -> f64 {
        match self {
            Speed::Slow => 0.25,
            Speed::Normal => 1.0,
            Speed::Fast => 4.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Paused,
    Playing,
    /// Running as fast as the frame budget allows, to the end.
    Skipping,
    Finished,
}

#[derive(Properties, PartialEq)]
pub struct ExperimentPanelProps {
    pub bench: Bench,
    pub params: Params,
    pub controls: Vec<Param>,
    pub seed: u64,
    /// Bumped by the parent to re-apply `params` (e.g. "show me").
    #[prop_or_default]
    pub apply: u32,
    /// Both runs finished: what they measured.
    pub on_outcome: Callback<Outcome>,
    /// The learner changed something or started a run.
    #[prop_or_default]
    pub on_touch: Callback<()>,
    /// The parameters after every accepted change (the sandbox keeps its
    /// address in step with them).
    #[prop_or_default]
    pub on_params: Callback<Params>,
    /// Offer failing and reviving nodes by hand, with an event log.
    #[prop_or_default]
    pub interactive: bool,
    pub id_prefix: AttrValue,
}

pub enum Msg {
    Input(Param, String),
    Play,
    Pause,
    Step,
    Reset,
    Skip,
    SetSpeed(Speed),
    Frame(f64),
    Select(usize, u32),
    Toggle(usize, u32),
    Churn(bool),
}

/// Lines kept in the event log; older ones scroll away.
const LOG_LINES: usize = 50;

pub struct ExperimentPanel {
    params: Params,
    /// Text the learner typed that was refused, and why, per control.
    rejected: Vec<(Param, (String, String))>,
    runs: Option<[SideRun; 2]>,
    build_error: Option<String>,
    mode: Mode,
    speed: Speed,
    clock_s: f64,
    horizon_s: f64,
    last_frame_ms: Option<f64>,
    frame: Option<AnimationFrame>,
    frames_since_metrics: u32,
    views: [NetView; 2],
    metrics: [Metrics; 2],
    chart: Option<ChartSpec>,
    /// The node picked in each side's fail/revive control.
    selected: [u32; 2],
    /// What happened, newest last: "t = 12.4 s: Client-server: server 0 failed".
    log: Vec<String>,
    applied: u32,
    still: bool,
}

impl ExperimentPanel {
    fn rebuild(&mut self, ctx: &Context<Self>) {
        let props = ctx.props();
        self.frame = None;
        self.last_frame_ms = None;
        self.clock_s = 0.0;
        self.mode = Mode::Paused;
        match props.bench.start(&self.params, props.seed) {
            Ok(runs) => {
                self.horizon_s = props.bench.horizon_s(&runs);
                self.build_error = None;
                self.runs = Some(runs);
            }
            Err(e) => {
                self.build_error = Some(e.to_string());
                self.runs = None;
            }
        }
        self.refresh(ctx.props().bench, true);
        self.log.clear();
        if self.runs.as_ref().is_some_and(|r| r.iter().all(|s| s.finished())) {
            // Instant models have nothing to animate.
            self.finish(ctx);
        }
    }

    fn refresh(&mut self, bench: Bench, with_metrics: bool) {
        if let Some(runs) = &self.runs {
            self.views = [runs[0].view(), runs[1].view()];
            if with_metrics {
                let (m0, c0) = bench.measure(&runs[0]);
                let (m1, c1) = bench.measure(&runs[1]);
                self.metrics = [m0, m1];
                self.chart = bench.chart([c0, c1], &self.params);
                self.frames_since_metrics = 0;
            }
        } else {
            self.views = Default::default();
            self.metrics = Default::default();
            self.chart = None;
        }
    }

    fn finished(&self) -> bool {
        self.runs.as_ref().is_some_and(|r| r.iter().all(|s| s.finished()))
    }

    fn note(&mut self, line: String) {
        self.log.push(line);
        if self.log.len() > LOG_LINES {
            self.log.remove(0);
        }
    }

    fn finish(&mut self, ctx: &Context<Self>) {
        self.mode = Mode::Finished;
        self.frame = None;
        self.refresh(ctx.props().bench, true);
        if ctx.props().interactive {
            let bench = ctx.props().bench;
            let summary: Vec<String> = [Side::Central, Side::Distributed]
                .iter()
                .enumerate()
                .filter_map(|(i, side)| {
                    let m = bench.metrics().first()?;
                    let v = self.metrics[i].get(*m)?;
                    Some(format!("{} {}: {}", bench.side_label(*side), m.label().to_lowercase(), m.format(v)))
                })
                .collect();
            let t = self.runs.as_ref().map_or(0.0, |r| r[0].now_s().max(r[1].now_s()));
            self.note(format!("t = {t:.1} s: finished. {}", summary.join("; ")));
        }
        let [central, distributed] = self.metrics.clone();
        ctx.props().on_outcome.emit(Outcome { params: self.params.clone(), central, distributed });
    }

    fn schedule(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.frame = Some(request_animation_frame(move |ts| link.send_message(Msg::Frame(ts))));
    }

    fn advance(&mut self, to_s: f64) {
        if let Some(runs) = &mut self.runs {
            for side in runs.iter_mut() {
                side.advance_to(to_s, FRAME_EVENT_BUDGET);
            }
        }
    }
}

impl ExperimentPanel {
    /// Pick a node of one side and fail or revive it: the keyboard's way,
    /// and a screen reader's, to what clicking a node does.
    fn fail_control(&self, ctx: &Context<Self>, side: usize, label: &str) -> Html {
        let link = ctx.link();
        let id = format!("{}-node-{side}", ctx.props().id_prefix);
        let nodes = &self.views[side].nodes;
        let chosen = self.selected[side];
        let up = nodes.iter().find(|n| n.id == chosen).is_none_or(|n| n.up);
        let onchange = link.callback(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Msg::Select(side, select.value().parse().unwrap_or(0))
        });
        let options = nodes.iter().map(|n| {
            let text = format!("{} {}{}", n.role.label(), n.id, if n.up { "" } else { " (offline)" });
            html! { <option value={n.id.to_string()} selected={n.id == chosen}>{ text }</option> }
        });
        html! {
            <div class="fail-control">
                <label for={id.clone()}>{ format!("{label}: node") }</label>
                <select id={id} {onchange}>{ for options }</select>
                <button type="button" class="toggle-node" onclick={link.callback(move |_| Msg::Toggle(side, chosen))}>
                    { if up { "Fail it" } else { "Revive it" } }
                </button>
            </div>
        }
    }
}

impl Component for ExperimentPanel {
    type Message = Msg;
    type Properties = ExperimentPanelProps;

    fn create(ctx: &Context<Self>) -> Self {
        let mut panel = ExperimentPanel {
            params: ctx.props().params.clone(),
            rejected: Vec::new(),
            runs: None,
            build_error: None,
            mode: Mode::Paused,
            speed: Speed::Normal,
            clock_s: 0.0,
            horizon_s: 1.0,
            last_frame_ms: None,
            frame: None,
            frames_since_metrics: 0,
            views: Default::default(),
            metrics: Default::default(),
            chart: None,
            selected: [0, 0],
            log: Vec::new(),
            applied: ctx.props().apply,
            still: prefers_reduced_motion(),
        };
        panel.rebuild(ctx);
        panel
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Self::Properties) -> bool {
        let props = ctx.props();
        if props.apply != self.applied || props.bench != old.bench || props.seed != old.seed {
            self.applied = props.apply;
            self.params = props.params.clone();
            self.rejected.clear();
            self.rebuild(ctx);
        }
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Input(param, text) => {
                ctx.props().on_touch.emit(());
                match param.spec().parse(param, &text) {
                    Ok(v) => {
                        self.rejected.retain(|(p, _)| *p != param);
                        if self.params.get(param) != Some(v) {
                            self.params.set(param, v);
                            ctx.props().on_params.emit(self.params.clone());
                            self.rebuild(ctx);
                        }
                    }
                    Err(e) => {
                        self.rejected.retain(|(p, _)| *p != param);
                        self.rejected.push((param, (text, e.message)));
                    }
                }
            }
            Msg::Play => {
                ctx.props().on_touch.emit(());
                if self.mode == Mode::Finished {
                    self.rebuild(ctx);
                }
                if self.runs.is_some() && !self.finished() {
                    self.mode = Mode::Playing;
                    self.schedule(ctx);
                }
            }
            Msg::Skip => {
                ctx.props().on_touch.emit(());
                if self.runs.is_some() && !self.finished() {
                    self.mode = Mode::Skipping;
                    self.schedule(ctx);
                }
            }
            Msg::Pause => {
                self.mode = Mode::Paused;
                self.frame = None;
                self.last_frame_ms = None;
                // After "skip to end" the clock was pushed to the far future;
                // bring it back to where the runs are, so Play plays.
                self.clock_s = self.runs.as_ref().map_or(0.0, |r| r[0].now_s().max(r[1].now_s()));
                self.refresh(ctx.props().bench, true);
            }
            Msg::Step => {
                ctx.props().on_touch.emit(());
                self.mode = Mode::Paused;
                self.frame = None;
                self.last_frame_ms = None;
                self.clock_s += self.horizon_s * STEP_SHARE;
                self.advance(self.clock_s);
                self.refresh(ctx.props().bench, true);
                if self.finished() {
                    self.finish(ctx);
                }
            }
            Msg::Reset => {
                self.rebuild(ctx);
            }
            Msg::SetSpeed(speed) => self.speed = speed,
            Msg::Select(side, node) => {
                if let Some(slot) = self.selected.get_mut(side) {
                    *slot = node;
                }
            }
            Msg::Churn(on) => {
                let Some(runs) = self.runs.as_mut() else { return false };
                let changed = runs.iter_mut().fold(false, |any, r| r.set_churn(on) || any);
                if changed {
                    let t = runs[0].now_s().max(runs[1].now_s());
                    self.note(format!("t = {t:.1} s: churn {}", if on { "on: peers come and go" } else { "off: everyone stays put" }));
                    self.refresh(ctx.props().bench, true);
                }
            }
            Msg::Toggle(side, node) => {
                let bench = ctx.props().bench;
                let Some(run) = self.runs.as_mut().and_then(|r| r.get_mut(side)) else { return false };
                let Some(up) = run.toggle(node) else { return false };
                let t = run.now_s();
                let role = self.views[side].nodes.iter().find(|n| n.id == node).map_or("node", |n| n.role.label());
                let who = if side == 0 { bench.side_label(Side::Central) } else { bench.side_label(Side::Distributed) };
                self.note(format!("t = {t:.1} s: {who}: {role} {node} {}", if up { "revived" } else { "failed" }));
                self.refresh(bench, true);
            }
            Msg::Frame(ts) => {
                if !matches!(self.mode, Mode::Playing | Mode::Skipping) {
                    return false;
                }
                let dt_s = self.last_frame_ms.map_or(0.0, |last| ((ts - last) / 1000.0).clamp(0.0, 0.1));
                self.last_frame_ms = Some(ts);
                if self.mode == Mode::Skipping {
                    self.clock_s = f64::MAX / 4.0;
                } else {
                    self.clock_s += dt_s * self.horizon_s / PLAY_SECONDS * self.speed.factor();
                }
                self.advance(self.clock_s);
                self.frames_since_metrics += 1;
                self.refresh(ctx.props().bench, self.frames_since_metrics >= METRICS_EVERY);
                if self.finished() {
                    self.finish(ctx);
                } else {
                    self.schedule(ctx);
                }
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let link = ctx.link();
        let on_input = link.callback(|(p, text): (Param, String)| Msg::Input(p, text));
        let controls = props.controls.iter().map(|param| {
            param_control(*param, self.params.value_or(*param, param.spec().min), self.rejected.iter().find(|(p, _)| p == param).map(|(_, r)| r), &on_input, &props.id_prefix)
        });
        let playing = matches!(self.mode, Mode::Playing | Mode::Skipping);
        let animated = props.bench.animated();
        let status = match self.mode {
            Mode::Finished => "Finished".to_owned(),
            Mode::Playing => "Running".to_owned(),
            Mode::Skipping => "Running to the end".to_owned(),
            Mode::Paused if self.clock_s == 0.0 => "Ready".to_owned(),
            Mode::Paused => "Paused".to_owned(),
        };
        let time = self.runs.as_ref().map_or(0.0, |r| r[0].now_s().max(r[1].now_s()));
        let speed_select = {
            let onchange = link.callback(|e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                Msg::SetSpeed(match select.value().as_str() {
                    "slow" => Speed::Slow,
                    "fast" => Speed::Fast,
                    _ => Speed::Normal,
                })
            });
            let id = format!("{}-speed", props.id_prefix);
            html! {
                <span class="speed">
                    <label for={id.clone()}>{ "Speed" }</label>
                    <select {id} {onchange}>
                        <option value="slow" selected={self.speed == Speed::Slow}>{ "Slow motion" }</option>
                        <option value="normal" selected={self.speed == Speed::Normal}>{ "Normal" }</option>
                        <option value="fast" selected={self.speed == Speed::Fast}>{ "Fast" }</option>
                    </select>
                </span>
            }
        };
        let side_panel = |i: usize, side: Side| {
            let label = props.bench.side_label(side);
            let metrics = props.bench.metrics().iter().map(|m| {
                let value = self.metrics[i].get(*m);
                html! {
                    <div class="metric" key={format!("{m:?}")}>
                        <dt>{ m.label() }</dt>
                        <dd data-metric={format!("{m:?}")}>{ value.map_or("—".to_owned(), |v| m.format(v)) }</dd>
                    </div>
                }
            });
            html! {
                <section class="side" aria-label={label}>
                    <h3>{ label }</h3>
                    if animated {
                        <NetworkView view={self.views[i].clone()} label={label} still={self.still}
                            on_node={(props.interactive && self.runs.as_ref().is_some_and(|r| r[i].can_fail()))
                                .then(|| link.callback(move |id: u32| Msg::Toggle(i, id)))} />
                    }
                    <dl class="metrics">{ for metrics }</dl>
                    if props.interactive && self.runs.as_ref().is_some_and(|r| r[i].can_fail()) {
                        { self.fail_control(ctx, i, label) }
                    }
                </section>
            }
        };
        html! {
            <div class="experiment" data-state={status.to_lowercase()}>
                <div class="controls">{ for controls }</div>
                if let Some(err) = &self.build_error {
                    <p class="control-error" role="alert">{ err.clone() }</p>
                }
                if animated {
                    <div class="transport" role="group" aria-label="Run the experiment">
                        if playing {
                            <button type="button" class="pause" onclick={link.callback(|_| Msg::Pause)}>{ "Pause" }</button>
                        } else {
                            <button type="button" class="play" onclick={link.callback(|_| Msg::Play)} disabled={self.runs.is_none()}>
                                { if self.mode == Mode::Finished { "Run again" } else { "Play" } }
                            </button>
                        }
                        <button type="button" class="step" onclick={link.callback(|_| Msg::Step)} disabled={self.runs.is_none() || self.mode == Mode::Finished}>{ "Step" }</button>
                        <button type="button" class="skip" onclick={link.callback(|_| Msg::Skip)} disabled={self.runs.is_none() || self.mode == Mode::Finished}>{ "Skip to end" }</button>
                        <button type="button" class="reset" onclick={link.callback(|_| Msg::Reset)}>{ "Reset" }</button>
                        { speed_select }
                        <span class="clock" aria-live="off">{ format!("{status} · t = {time:.1} s") }</span>
                    </div>
                }
                <div class="sides">
                    { side_panel(0, Side::Central) }
                    { side_panel(1, Side::Distributed) }
                </div>
                if let Some(on) = self.runs.as_ref().and_then(|r| r[1].churn()).filter(|_| props.interactive) {
                    <div class="control switch">
                        <input type="checkbox" id={format!("{}-churn", props.id_prefix)} checked={on}
                            onchange={link.callback(|e: Event| Msg::Churn(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))} />
                        <label for={format!("{}-churn", props.id_prefix)}>{ "Peers come and go (churn)" }</label>
                    </div>
                }
                if props.interactive {
                    <section class="event-log" aria-label="Event log">
                        <h3>{ "Event log" }</h3>
                        if self.log.is_empty() {
                            <p class="muted">{ "Fail or revive a node, or run to the end: what happens is listed here." }</p>
                        } else {
                            <ol tabindex="0">{ for self.log.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ol>
                        }
                        // Announces only the newest line, and only when one is added.
                        <p class="sr-only" aria-live="polite">{ self.log.last().cloned().unwrap_or_default() }</p>
                    </section>
                }
                if let Some(spec) = self.chart.as_ref().filter(|c| c.series.iter().any(|s| !s.points.is_empty())) {
                    { line_chart(spec) }
                }
            </div>
        }
    }
}
