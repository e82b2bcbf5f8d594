//! The simulator's speed in the browser, for scripts/wasm-speed.sh: the
//! cases `simulate bench` times natively, run here in a release build of
//! the Wasm (`cargo test --release`), timed by the page's clock. Prints
//! figures; asserts only that each case ran.
#![cfg(target_arch = "wasm32")]

use hub_and_mesh::sim::distribution::speed::measure_all;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .and_then(|p| js_sys::Reflect::get(&p, &"now".into()).and_then(|f| js_sys::Function::from(f).call0(&p)))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

#[wasm_bindgen_test]
fn speed_cases() {
    for speed in measure_all(&now_ms).expect("every case runs") {
        assert!(speed.events > 0);
        console_log!("{}", speed.line());
    }
}
