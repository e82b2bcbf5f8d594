//! Play, pause, step, skip and speed: the Lab's clock, how far it runs the
//! simulations each frame, and how much work a frame may do.

use super::{Effects, Lab, Measure};

/// Real seconds a whole run takes at normal speed.
pub const PLAY_SECONDS: f64 = 10.0;
/// Events each side may process per frame: a few milliseconds of work.
pub const FRAME_EVENT_BUDGET: u64 = 20_000;
/// The fewest events a frame may be given, so a run always moves.
pub const MIN_FRAME_EVENTS: u64 = 1_000;
/// Milliseconds of simulation per frame the budget aims under: with
/// drawing, a frame stays well inside 50 ms.
pub const FRAME_WORK_MS: f64 = 8.0;
/// Frames between refreshes of the (costlier) metrics and charts.
pub const METRICS_EVERY: u32 = 12;
/// How far one press of "Step" moves the clock, as a share of the run.
pub const STEP_SHARE: f64 = 0.02;
/// A frame longer than this (a background tab) counts as this long, so
/// coming back does not jump the run ahead.
const MAX_FRAME_S: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    Slow,
    Normal,
    Fast,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::Slow, Speed::Normal, Speed::Fast];

    fn factor(self) -> f64 {
        match self {
            Speed::Slow => 0.25,
            Speed::Normal => 1.0,
            Speed::Fast => 4.0,
        }
    }

    /// A stable name for the speed control's options.
    pub fn key(self) -> &'static str {
        match self {
            Speed::Slow => "slow",
            Speed::Normal => "normal",
            Speed::Fast => "fast",
        }
    }

    pub fn from_key(key: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Speed::Slow => "Slow motion",
            Speed::Normal => "Normal",
            Speed::Fast => "Fast",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Paused,
    Playing,
    /// Running as fast as the frame budget allows, to the end.
    Skipping,
    Finished,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TransportMsg {
    Play,
    Pause,
    Step,
    /// Start the run over, same setup.
    Reset,
    Skip,
    SetSpeed(Speed),
    /// An animation frame, `dt_s` real seconds after the previous one.
    Frame { dt_s: f64 },
}

/// The clock and the pace of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Transport {
    pub mode: Mode,
    pub speed: Speed,
    /// Simulated seconds the runs should have reached.
    clock_s: f64,
    /// Simulated seconds a whole run spans.
    horizon_s: f64,
    /// Simulated seconds both runs have caught up to: every event due by
    /// then has run. Quiet stretches count, so a step where nothing
    /// happens still moves the time shown.
    reached_s: f64,
    /// Events each side may process per frame, fitted to how long frames
    /// take on this machine (`pace`).
    frame_events: u64,
    frames_since_metrics: u32,
}

impl Default for Transport {
    fn default() -> Self {
        Transport {
            mode: Mode::Paused,
            speed: Speed::Normal,
            clock_s: 0.0,
            horizon_s: 1.0,
            reached_s: 0.0,
            frame_events: MIN_FRAME_EVENTS,
            frames_since_metrics: 0,
        }
    }
}

impl Transport {
    /// Back to the start of a run spanning `horizon_s` (1 s if unknown).
    pub fn restart(&mut self, horizon_s: f64) {
        self.mode = Mode::Paused;
        self.clock_s = 0.0;
        self.reached_s = 0.0;
        self.horizon_s = if horizon_s.is_finite() && horizon_s > 0.0 { horizon_s } else { 1.0 };
        self.frame_events = MIN_FRAME_EVENTS;
        self.frames_since_metrics = 0;
    }

    pub fn animating(&self) -> bool {
        matches!(self.mode, Mode::Playing | Mode::Skipping)
    }

    /// Not yet started since the last restart.
    pub fn at_start(&self) -> bool {
        self.clock_s == 0.0
    }

    pub fn clock_s(&self) -> f64 {
        self.clock_s
    }

    pub fn frame_events(&self) -> u64 {
        self.frame_events
    }

    /// How far a run at `time_s` has got, 0..1.
    pub fn progress(&self, time_s: f64) -> f64 {
        if self.mode == Mode::Finished {
            return 1.0;
        }
        let p = time_s / self.horizon_s;
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Moves the clock for one animation frame; whether this frame should
    /// also refresh the metrics.
    pub fn frame(&mut self, dt_s: f64) -> bool {
        let dt_s = if dt_s.is_finite() { dt_s.clamp(0.0, MAX_FRAME_S) } else { 0.0 };
        if self.mode == Mode::Skipping {
            self.clock_s = f64::MAX / 4.0;
        } else {
            self.clock_s += dt_s * self.horizon_s / PLAY_SECONDS * self.speed.factor();
        }
        self.frames_since_metrics += 1;
        if self.frames_since_metrics >= METRICS_EVERY {
            self.frames_since_metrics = 0;
            true
        } else {
            false
        }
    }

    /// Pauses where the runs are (`time_s`): after "skip to end" the clock
    /// was pushed to the far future, so Play plays again from here.
    pub fn pause_at(&mut self, time_s: f64) {
        if self.animating() {
            self.mode = Mode::Paused;
        }
        self.clock_s = time_s;
    }

    pub fn skipping(&self) -> bool {
        self.mode == Mode::Skipping
    }

    /// Both runs have run every event due by `to_s`.
    pub fn caught_up(&mut self, to_s: f64) {
        self.reached_s = self.reached_s.max(to_s.min(self.horizon_s));
    }

    pub fn reached_s(&self) -> f64 {
        self.reached_s
    }

    /// Moves the clock one step on from `time_s`, paused.
    pub fn step_from(&mut self, time_s: f64) {
        self.mode = Mode::Paused;
        self.clock_s = time_s + self.horizon_s * STEP_SHARE;
    }

    /// Fits the per-frame event budget to the time the last frame's
    /// simulation took: halved when it ran long (a slow machine), grown
    /// slowly while frames are quick. Each run starts at the floor, since
    /// its first frames run in code the browser has not yet optimised. A
    /// run that falls behind the clock catches up over later frames.
    pub fn pace(&mut self, took_ms: f64) {
        self.frame_events = if took_ms > FRAME_WORK_MS {
            self.frame_events / 2
        } else if took_ms < FRAME_WORK_MS / 2.0 {
            self.frame_events + self.frame_events / 4
        } else {
            self.frame_events
        }
        .clamp(MIN_FRAME_EVENTS, FRAME_EVENT_BUDGET);
    }
}

/// The Lab's side of the transport: running the simulations to the clock.
impl Lab {
    /// How far through its run the lab is, 0..1 (for a progress bar).
    pub fn progress(&self) -> f64 {
        self.transport.progress(self.time_s())
    }

    /// The state in words, as the panel shows it.
    pub fn status(&self) -> &'static str {
        match self.transport.mode {
            Mode::Finished => "Finished",
            Mode::Playing => "Running",
            Mode::Skipping => "Running to the end",
            Mode::Paused if self.transport.at_start() => "Ready",
            Mode::Paused => "Paused",
        }
    }

    /// The state as a stable key, for tests and styles: never the words.
    pub fn state_key(&self) -> &'static str {
        match self.transport.mode {
            Mode::Finished => "finished",
            Mode::Playing => "running",
            Mode::Skipping => "skipping",
            Mode::Paused if self.transport.at_start() => "ready",
            Mode::Paused => "paused",
        }
    }

    pub(super) fn transport(&mut self, msg: TransportMsg, fx: &mut Effects) {
        match msg {
            TransportMsg::Play => {
                fx.touched = true;
                if self.transport.mode == Mode::Finished {
                    self.rebuild(fx);
                }
                if self.runs.is_some() && !self.finished() {
                    self.transport.mode = Mode::Playing;
                }
            }
            TransportMsg::Skip => {
                fx.touched = true;
                if self.runs.is_some() && !self.finished() {
                    self.transport.mode = Mode::Skipping;
                }
            }
            TransportMsg::Pause => {
                self.transport.pause_at(self.time_s());
                self.refresh(Some(Measure::Live));
            }
            TransportMsg::Step => {
                fx.touched = true;
                if self.transport.mode == Mode::Finished || self.runs.is_none() {
                    return;
                }
                self.transport.step_from(self.time_s());
                self.advance();
                self.refresh(Some(Measure::Live));
                if self.finished() {
                    self.finish(fx);
                }
            }
            TransportMsg::Reset => self.rebuild(fx),
            TransportMsg::SetSpeed(speed) => self.transport.speed = speed,
            TransportMsg::Frame { dt_s } => {
                if !self.transport.animating() {
                    return;
                }
                let measure = self.transport.frame(dt_s);
                self.advance();
                if self.finished() {
                    self.finish(fx);
                } else {
                    self.refresh(measure.then_some(Measure::Live));
                }
            }
        }
    }
}
