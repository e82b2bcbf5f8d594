//! In-browser tests of the app (wasm-bindgen-test in headless Chromium):
//! the app mounts, and a learner can move between routes by clicking links.
#![cfg(target_arch = "wasm32")]

use hub_and_mesh::ui;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(60)).await;
}

fn heading(root: &Element) -> String {
    root.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

fn fresh_root() -> Element {
    let root = document().create_element("div").expect("create div");
    document().body().expect("body").append_child(&root).expect("append");
    root
}

#[wasm_bindgen_test]
async fn app_mounts_and_navigates_by_links() {
    gloo::utils::window().location().set_hash("#/").expect("set hash");
    let root = fresh_root();
    // Drawn whole at once: `ui::start` draws it a stage a task.
    yew::Renderer::<ui::app::App>::with_root_and_props(root.clone(), ui::app::AppProps { drawn: ui::app::Drawn::Whole }).render();
    settle().await;

    assert_eq!(heading(&root), "Hub & Mesh");
    let rows = root.query_selector_all("table.comparison tbody tr").expect("rows");
    assert_eq!(rows.length(), 8, "the home page shows all eight comparison rows");

    let link: HtmlElement = root
        .query_selector("table.comparison a[href='#/lessons/stability']")
        .expect("query")
        .expect("the stability row links to its lesson")
        .dyn_into()
        .expect("an element");
    link.click();
    settle().await;
    assert_eq!(heading(&root), "Stability");
    assert_eq!(gloo::utils::window().location().hash().unwrap_or_default(), "#/lessons/stability");

    let next: HtmlElement = root
        .query_selector("a.next")
        .expect("query")
        .expect("a next-lesson link")
        .dyn_into()
        .expect("an element");
    next.click();
    settle().await;
    assert_eq!(heading(&root), "Network size");

    gloo::utils::window().location().set_hash("#/no/such/page").expect("set hash");
    settle().await;
    assert_eq!(heading(&root), "Page not found");
}

#[wasm_bindgen_test]
fn crash_banner_becomes_visible() {
    let banner = document().create_element("div").expect("create");
    banner.set_id(ui::crash::BANNER_ID);
    banner.set_attribute("hidden", "").expect("hide");
    document().body().expect("body").append_child(&banner).expect("append");

    ui::crash::show_crash_banner();

    assert!(!banner.has_attribute("hidden"), "the banner is shown after a panic");
    banner.remove();
}

#[wasm_bindgen_test]
fn simulation_gives_the_native_figures_in_wasm() {
    // The same runs, pinned by a native test: identical event counts, times
    // and floats, bit for bit.
    let got = hub_and_mesh::sim::golden::golden_summaries();
    assert_eq!(got.trim(), hub_and_mesh::sim::golden::EXPECTED.trim());
}

/// Numbers read in the browser (by the engine's parser, src/number.rs) to
/// the bits the native build reads them to.
#[wasm_bindgen_test]
fn numbers_read_to_the_same_bits_as_natively() {
    for line in include_str!("number_cases.txt").lines().filter(|l| !l.starts_with('#')) {
        let (text, bits) = line.split_once(' ').expect("a case and its bits");
        let want = u64::from_str_radix(bits, 16).ok();
        assert_eq!(hub_and_mesh::number::parse_decimal(text).map(f64::to_bits), want, "{text}");
    }
    assert_eq!(hub_and_mesh::number::parse_decimal("0x10"), None);
}
