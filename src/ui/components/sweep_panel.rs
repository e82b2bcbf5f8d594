//! The sweep in the page: distribution time against N for both
//! architectures with the textbook bounds, run a slice per animation frame
//! with visible progress, cancellable, and exportable as CSV or SVG.

use crate::experiment::{Export, Param, Params};
use crate::sandbox::sweep::Sweep;
use crate::ui::components::line_chart::LineChart;
use crate::experiment::chart_svg;
use crate::ui::download::download;
use gloo::render::{request_animation_frame, AnimationFrame};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Events per frame: a few milliseconds of work, so the page stays smooth.
const FRAME_BUDGET: u64 = 20_000;
const CHART_ID: &str = "sweep-chart";

#[derive(Properties, PartialEq)]
pub struct SweepPanelProps {
    pub params: Params,
    pub seed: u64,
    /// Inside a lesson: a sub-heading and a smaller first sweep.
    #[prop_or_default]
    pub in_lesson: bool,
}

pub enum Msg {
    SetMax(String),
    Start,
    Cancel,
    Frame,
    Export(Export),
}

pub struct SweepPanel {
    max_text: String,
    max_error: Option<String>,
    sweep: Option<Sweep>,
    running: bool,
    frame: Option<AnimationFrame>,
    message: Option<String>,
}

impl SweepPanel {
    fn max(&self) -> Option<u32> {
        Param::Receivers.spec().parse(Param::Receivers, &self.max_text).ok().map(|v| v as u32)
    }

    fn schedule(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.frame = Some(request_animation_frame(move |_| link.send_message(Msg::Frame)));
    }
}

impl Component for SweepPanel {
    type Message = Msg;
    type Properties = SweepPanelProps;

    fn create(ctx: &Context<Self>) -> Self {
        let max = if ctx.props().in_lesson { "30" } else { "100" };
        SweepPanel { max_text: max.into(), max_error: None, sweep: None, running: false, frame: None, message: None }
    }

    fn changed(&mut self, _ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        // New parameters make an old sweep stale: stop it rather than mix.
        self.frame = None;
        self.running = false;
        self.sweep = None;
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::SetMax(text) => {
                self.max_text = text;
                self.max_error = match self.max() {
                    Some(_) => None,
                    None => Param::Receivers.spec().parse(Param::Receivers, &self.max_text).err().map(|e| e.message),
                };
            }
            Msg::Start => {
                if let Some(max) = self.max() {
                    let props = ctx.props();
                    self.sweep = Some(Sweep::new(&props.params, props.seed, max));
                    self.running = true;
                    self.message = None;
                    self.schedule(ctx);
                }
            }
            Msg::Cancel => {
                self.running = false;
                self.frame = None;
                self.message = Some("Sweep cancelled; the points so far are kept.".into());
            }
            Msg::Frame => {
                if !self.running {
                    return false;
                }
                let Some(sweep) = self.sweep.as_mut() else { return false };
                match sweep.advance(FRAME_BUDGET) {
                    Ok(_) if sweep.done() => {
                        self.running = false;
                        self.frame = None;
                    }
                    Ok(_) => self.schedule(ctx),
                    Err(e) => {
                        self.running = false;
                        self.frame = None;
                        self.message = Some(format!("The sweep stopped: {e}"));
                    }
                }
            }
            Msg::Export(kind) => {
                let Some(sweep) = &self.sweep else { return false };
                let text = match kind {
                    Export::Csv => sweep.csv(),
                    Export::Svg => chart_svg::svg(&sweep.chart(), true).into_string(),
                };
                let result = download("sweep", kind, &text);
                self.message = result.err().map(|e| format!("Could not save the file: {e}"));
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let oninput = link.callback(|e: InputEvent| Msg::SetMax(e.target_unchecked_into::<HtmlInputElement>().value()));
        let progress = self.sweep.as_ref().map(|s| (s.points.len() as u32, s.total()));
        let has_points = self.sweep.as_ref().is_some_and(|s| !s.points.is_empty());
        let heading = "Sweep: time against N";
        html! {
            <section class="sweep" aria-labelledby="sweep-heading">
                if ctx.props().in_lesson {
                    <h3 id="sweep-heading">{ heading }</h3>
                } else {
                    <h2 id="sweep-heading">{ heading }</h2>
                }
                <p>{ "Runs both designs for N receivers from 1 up to a maximum, with the settings above, and draws the simulated times beside the textbook's lower bounds (Kurose & Ross)." }</p>
                <div class="seed-row">
                    <label for="sweep-max">{ "Up to N =" }</label>
                    <input type="text" inputmode="numeric" id="sweep-max" value={self.max_text.clone()}
                        aria-invalid={self.max_error.is_some().to_string()} {oninput} />
                    if self.running {
                        <button type="button" onclick={link.callback(|_| Msg::Cancel)}>{ "Cancel" }</button>
                    } else {
                        <button type="button" class="play" disabled={self.max_error.is_some()} onclick={link.callback(|_| Msg::Start)}>{ "Run sweep" }</button>
                    }
                    if let Some(e) = &self.max_error {
                        <p class="control-error" role="alert">{ e.clone() }</p>
                    }
                </div>
                if let Some((done, total)) = progress {
                    <p class="sweep-progress" role="status">
                        <progress max={total.to_string()} value={done.to_string()} aria-label="Sweep progress"></progress>
                        { format!(" {done} of {total} values of N") }
                    </p>
                }
                if let Some(m) = &self.message {
                    <p role="status">{ m.clone() }</p>
                }
                if has_points {
                    <div id={CHART_ID}>{ for self.sweep.as_ref().map(|s| html! { <LineChart spec={std::rc::Rc::new(s.chart())} /> }) }</div>
                    <div class="task-actions">
                        <button type="button" onclick={link.callback(|_| Msg::Export(Export::Csv))}>{ "Download results (CSV)" }</button>
                        <button type="button" onclick={link.callback(|_| Msg::Export(Export::Svg))}>{ "Download chart (SVG)" }</button>
                    </div>
                }
            </section>
        }
    }
}
