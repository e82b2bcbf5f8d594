//! Mounts the web app. Everything lives in the library; this only starts it.

#[cfg(target_arch = "wasm32")]
fn main() {
    hub_and_mesh::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hub-and-mesh is the web app: serve it with `scripts/run.sh` (see README.md).");
    eprintln!("For the simulator on the command line, use `cargo run --bin simulate -- --help`.");
    std::process::exit(2);
}
