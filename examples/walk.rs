//! Folder walk cost: lists a folder holding N empty subfolders (and one
//! article) with the walk the command uses, at N and at 2N, so that the
//! two times show whether the walk stays linear in the entries it meets.
//!
//! `cargo run --release --example walk -- 100000` (subfolders; default
//! 100,000). Needs N x 4 KiB of disk for the folders, removed after.

use std::path::PathBuf;
use std::time::Instant;

use parallax::ingest::Walk;
use parallax::ingest::walk::list;

/// A folder of `n` empty subfolders and one article.
fn folder(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-walk-example-{n}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for i in 0..n {
        std::fs::create_dir(dir.join(format!("d{i:07}"))).expect("a subfolder");
    }
    std::fs::write(dir.join("a.txt"), "A ferry sank near Crete on Sunday.").expect("an article");
    dir
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    for size in [n, 2 * n] {
        let dir = folder(size);
        let walk = Walk { max_entries: 4 * size, ..Walk::default() };
        let start = Instant::now();
        let files = list(std::slice::from_ref(&dir), walk, &mut Vec::new()).expect("the folder lists");
        let took = start.elapsed();
        assert_eq!(files.len(), 1);
        println!(
            "{size} empty subfolders: listed in {:.0} ms ({:.2} µs per folder)",
            took.as_secs_f64() * 1e3,
            took.as_secs_f64() * 1e6 / size as f64
        );
        std::fs::remove_dir_all(&dir).expect("the scratch folder goes");
    }
}
