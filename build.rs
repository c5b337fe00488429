//! Embeds the sample articles in `seeds/` so that `parallax` with no path
//! works from any directory, and names the bundled sentence model's build
//! (a hash of its files) for the vector cache's keys.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    model_hash(&manifest);
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

/// FNV-1a over the model's files, eight bytes at a time: not a digest
/// against tampering (the files are part of the build), only a name that
/// changes whenever the model is rebuilt.
fn model_hash(manifest: &std::path::Path) {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in ["model.f16.safetensors", "tokenizer.json"] {
        let path = manifest.join("assets/model").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hash ^= u64::from_le_bytes(word);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=PARALLAX_MODEL_HASH={hash:016x}");
}
