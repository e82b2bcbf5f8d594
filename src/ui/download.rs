//! Saving a text file from the page (results as CSV, a chart as SVG), made
//! in the browser: nothing is uploaded anywhere.

use crate::experiment::Export;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `hub-and-mesh-<name>` with the kind's
/// extension. Fails quietly into a message: the caller shows it.
pub fn download(name: &str, kind: Export, text: &str) -> Result<(), String> {
    let (extension, mime) = kind.file();
    download_file(&format!("hub-and-mesh-{name}.{extension}"), mime, text)
}

/// Offers `text` as a download named `filename`, of the media type `mime`.
pub fn download_file(filename: &str, mime: &str, text: &str) -> Result<(), String> {
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
