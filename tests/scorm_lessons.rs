//! The SCORM packaging script lists the lessons itself (it runs in Node,
//! without the app's code): this keeps its list the app's, in course order.

use hub_and_mesh::lessons::{title, LessonSlug};

#[test]
fn the_scorm_package_lists_every_lesson_in_order() {
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/scorm-package.mjs")).unwrap();
    let mut from = 0;
    for slug in LessonSlug::ALL {
        let entry = format!("[\"{}\", \"{}\"]", slug.as_str(), title(slug));
        let at = script[from..].find(&entry).unwrap_or_else(|| panic!("{entry} missing or out of order"));
        from += at + entry.len();
    }
    assert_eq!(script.matches("\", \"").count(), LessonSlug::ALL.len(), "no lesson the app lacks");
}
