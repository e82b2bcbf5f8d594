//! Saving a text file from the page (results as CSV, a chart as SVG), made
//! in the browser: nothing is uploaded anywhere.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`. Fails quietly into a
/// message: the caller shows it.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused the download".to_owned())?;
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "the browser refused the download".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The chart inside `container_id` as a standalone SVG file, with the few
/// styles it needs written into it.
pub fn chart_svg(container_id: &str) -> Option<String> {
    let svg = gloo::utils::document().query_selector(&format!("#{container_id} svg")).ok().flatten()?;
    let body = svg.outer_html().replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    let style = "<style>text{font:9px sans-serif;fill:#4a5360}.axes line,.tick line{stroke:#4a5360}\
                 .tick line.grid{stroke:#e3e8ef}.series{fill:none;stroke-width:2}.series-0{stroke:#8a3b00}\
                 .series-1{stroke:#0b6b3a}.series-2{stroke:#8a3b00}.series-3{stroke:#0b6b3a}\
                 .dashed{stroke-dasharray:5 3}.marker{stroke:#b45309;stroke-dasharray:2 2}</style>";
    Some(body.replacen('>', &format!(">{style}"), 1))
}
