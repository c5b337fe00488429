//! Embeds the sample articles in `seeds/` so that `parallax` with no path
//! works from any directory.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let seeds = manifest.join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The bundled sample: (file name, contents), sorted by name.\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for n in &names {
        let path = seeds.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!("    ({n:?}, include_bytes!({:?})),\n", path.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("sample_files.rs");
    fs::write(out, code).unwrap();
}
