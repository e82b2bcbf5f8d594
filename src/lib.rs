//! Hub & Mesh: client-server versus peer-to-peer, simulated.

pub mod sim;
pub mod lessons;
pub mod progress;
#[cfg(target_arch = "wasm32")]
pub mod ui;
