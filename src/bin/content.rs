//! Writes the lessons' words where the web app fetches them:
//!
//!     content <folder>
//!
//! puts `content/<slug>-<hash>.json` for each lesson, and the glossary's
//! file, under the folder, and fills the folder's index.html with the pages
//! painted before the app loads (`page::prepaint`). Trunk's post-build hook
//! (scripts/post-build.mjs) runs it on the staging folder, so dist/ always
//! holds the files the Wasm of the same build names.

#[cfg(not(target_arch = "wasm32"))]
use hub_and_mesh::lessons::text::{content_file, content_json, GLOSSARY_FILE, GLOSSARY_JSON};
#[cfg(not(target_arch = "wasm32"))]
use hub_and_mesh::lessons::LessonSlug;
#[cfg(not(target_arch = "wasm32"))]
use hub_and_mesh::page::prepaint;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

// A tool for the build machine: the Wasm build of the package has no
// words to write.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn write(root: &Path, name: &str, json: &str) -> Result<(), String> {
    let path = root.join(name);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Fills index.html's placeholder with the painted pages.
#[cfg(not(target_arch = "wasm32"))]
fn paint(root: &Path) -> Result<(), String> {
    let path = root.join("index.html");
    let page = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let templates = prepaint::templates(hub_and_mesh::lessons::content::text).map_err(|e| e.0)?;
    let page = prepaint::fill(&page, &templates)?;
    std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [folder] = args.as_slice() else {
        eprintln!("error: usage: content <folder>");
        return ExitCode::from(2);
    };
    let root = Path::new(folder);
    let files = LessonSlug::ALL.iter().map(|s| (content_file(*s), content_json(*s))).chain([(GLOSSARY_FILE, GLOSSARY_JSON)]);
    for (name, json) in files {
        if let Err(e) = write(root, name, json) {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    }
    if let Err(e) = paint(root) {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
