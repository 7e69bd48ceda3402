//! The parse floor of the benchmark: read every `.toml` file beneath a
//! folder and parse it into a `toml::Table`, on all cores, and nothing
//! else. `ctg portfolio` cannot be faster than this; the benchmark reports
//! how close it comes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn toml_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            toml_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: parse-floor DIR");
    let mut files = Vec::new();
    toml_files(Path::new(&dir), &mut files);
    let next = AtomicUsize::new(0);
    let parsed = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let text = std::fs::read_to_string(path).unwrap_or_default();
                    if text.parse::<toml::Table>().is_ok() {
                        parsed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    println!("{} of {} files parsed", parsed.into_inner(), files.len());
}
