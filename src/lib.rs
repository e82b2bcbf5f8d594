//! Hub & Mesh: client-server versus peer-to-peer, simulated.

pub mod sim;
pub mod embed;
pub mod experiment;
pub mod json;
pub mod lessons;
pub mod markup;
pub mod decimal;
pub mod number;
pub mod page;
pub mod progress;
pub mod query;
pub mod route;
pub mod sandbox;
#[cfg(target_arch = "wasm32")]
pub mod ui;
/// The `simulate` command line. Native only: it reads the wall clock for
/// benchmarks, which the browser build must never do.
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
