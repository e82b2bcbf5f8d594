//! Writes the lessons' words where the web app fetches them:
//!
//!     content <folder>
//!
//! puts `content/<slug>-<hash>.json` for each lesson and the glossary's
//! file under the folder, fills the folder's index.html with the pages
//! painted before the app loads (`page::prepaint`), and writes the teach
//! page, teach.html (`page::teach`). Trunk's post-build hook
//! (scripts/post-build.mjs) runs it on the staging folder, so dist/ always
//! holds the files the Wasm of the same build names.

#[cfg(not(target_arch = "wasm32"))]
use hub_and_mesh::lessons::text::{content_file, content_json, GLOSSARY_FILE, GLOSSARY_JSON, GUIDE_JSON};
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

/// Writes the teach page beside the app, its head from the built
/// index.html (so it names this build's style sheet).
#[cfg(not(target_arch = "wasm32"))]
fn teach(root: &Path) -> Result<(), String> {
    use hub_and_mesh::lessons::guide::guide_from_json;
    use hub_and_mesh::page::{chrome::TEACH_PAGE, teach};
    let index = std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("cannot read index.html: {e}"))?;
    let sections = guide_from_json(GUIDE_JSON).map_err(|e| format!("content/teach.toml: {e}"))?;
    let body = teach::body(hub_and_mesh::lessons::content::text, &sections).map_err(|e| e.0)?;
    write(root, TEACH_PAGE, &teach::document(&index, &body)?)
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
    if let Err(e) = paint(root).and_then(|()| teach(root)) {
        eprintln!("error: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
