//! Reaching JavaScript objects that web-sys has no binding for here (an
//! LMS's SCORM API, a parent window, the clipboard) by name, safely: an
//! object that is missing, or a window of another origin that throws on
//! access, is simply "not there".

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target.method(...args)`; `None` when there is no such method or
/// it threw.
pub fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = get(target, method)?.dyn_into().ok()?;
    f.apply(target, &args.iter().collect::<Array>()).ok()
}

/// `call` with text arguments, as the SCORM API takes them.
pub fn call_str(target: &JsValue, method: &str, args: &[&str]) -> Option<JsValue> {
    let args: Vec<JsValue> = args.iter().map(|a| JsValue::from_str(a)).collect();
    call(target, method, &args)
}
