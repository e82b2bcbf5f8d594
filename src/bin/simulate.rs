//! `simulate`: the simulator on the command line. Everything lives in
//! `hub_and_mesh::cli`; this maps the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

// The command line reads the wall clock (for `bench`) and writes to a
// terminal; neither exists in a browser. Integration tests build every
// binary, so for Wasm this compiles to a stub that says where to look.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    fail("the simulate command runs natively: cargo run --release --bin simulate -- --help")
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    // `args()` would panic on an argument that is not UTF-8; report it.
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(s) => args.push(s),
            Err(raw) => return fail(&format!("argument is not valid UTF-8: {}", raw.to_string_lossy())),
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match hub_and_mesh::cli::run(&args, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(message: &str) -> ExitCode {
    let line = message.replace(['\n', '\r'], " ");
    let _ = writeln!(std::io::stderr(), "error: {line}");
    ExitCode::from(2)
}
