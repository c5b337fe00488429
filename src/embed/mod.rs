//! Sentence vectors from a bundled sentence model, all-MiniLM-L6-v2
//! (sentence-transformers, Apache-2.0; see `assets/model/`): two texts that
//! say the same thing in other words get vectors with a high cosine. The
//! aligner combines that with its lexical evidence.
//!
//! The model ships inside the binary (float16 weights, 45 MB, converted to
//! float32 when loaded), so nothing is downloaded at build or run time.
//! `scripts/build-model.py` rebuilds `assets/model/` from its source.

mod bert;
pub mod cache;

use std::sync::OnceLock;

use tokenizers::{Tokenizer, TruncationParams};

pub use bert::HIDDEN as DIM;

static WEIGHTS: &[u8] = include_bytes!("../../assets/model/model.f16.safetensors");
static TOKENIZER: &[u8] = include_bytes!("../../assets/model/tokenizer.json");

/// The bundled model, as users know it.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// Names the bundled model and its exact files, for cache keys: vectors
/// made by another model or another build of it are never mixed in.
pub const MODEL_ID: &str = concat!("all-MiniLM-L6-v2/f16/", env!("PARALLAX_MODEL_HASH"));

/// Texts are cut after this many tokens (as sentence-transformers does for
/// this model); a sentence is rarely a tenth of it.
pub const MAX_TOKENS: usize = 256;

/// Rows (tokens) per forward pass: large enough for the matrix products to
/// run near the CPU's speed, small enough to report progress often.
const BATCH_TOKENS: usize = 2048;

/// Why the model could not be used.
#[derive(Debug, Clone)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sentence model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// Unit-length sentence vectors, one row of [`DIM`] per text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vectors {
    data: Vec<f32>,
}

impl Vectors {
    pub fn len(&self) -> usize {
        self.data.len() / DIM
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * DIM..(i + 1) * DIM]
    }

    pub fn push(&mut self, row: &[f32]) {
        assert_eq!(row.len(), DIM, "a sentence vector has {DIM} components");
        self.data.extend_from_slice(row);
    }

    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[f32]> {
        self.data.chunks_exact(DIM)
    }
}

/// Cosine of two unit vectors. Summed in eight lanes, which the compiler
/// turns into vector instructions (one running sum cannot be, as float
/// addition is not associative): the model's matching computes millions.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (a, b) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a.remainder().iter().zip(b.remainder()).map(|(x, y)| x * y).sum();
    let mut lanes = [0.0f32; 8];
    for (x, y) in a.zip(b) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// The dot products of every row of `left` with every row of `right`, each
/// row [`DIM`] components: `out[i * rows_of_right + j]`. One matrix product
/// (`gemm`, on the calling thread), so comparing all the units of a story
/// runs at the speed of the model's dense layers rather than pair by pair.
/// Sums run in another order than [`cosine`]'s, so a result may differ
/// from it in the last bit.
pub fn dot_products(left: &[f32], right: &[f32]) -> Vec<f32> {
    assert!(left.len() % DIM == 0 && right.len() % DIM == 0, "rows of {DIM} components");
    let (m, n) = (left.len() / DIM, right.len() / DIM);
    let mut out = vec![0.0f32; m * n];
    if m == 0 || n == 0 {
        return out;
    }
    let (k, width) = (DIM as isize, n as isize);
    // SAFETY: `left` holds m rows of DIM (row stride DIM, column stride 1),
    // `right` n rows of DIM, read as the DIM×n matrix it transposes (column
    // stride DIM, row stride 1), and `out` m×n (row stride n, column
    // stride 1); every index gemm forms lies within those lengths, and
    // `out` is not read (`read_dst` false) nor aliased.
    unsafe {
        gemm::gemm(
            m,
            n,
            DIM,
            out.as_mut_ptr(),
            1,
            width,
            false,
            left.as_ptr(),
            1,
            k,
            right.as_ptr(),
            k,
            1,
            0.0,
            1.0,
            false,
            false,
            false,
            gemm::Parallelism::None,
        );
    }
    out
}

/// The tokenizer and encoder, loaded once.
pub struct Model {
    tokenizer: Tokenizer,
    bert: bert::Bert,
}

impl Model {
    /// The bundled model, loaded on first use (about 0.1 s) and shared.
    pub fn bundled() -> Result<&'static Model, ModelError> {
        static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(WEIGHTS, TOKENIZER)).as_ref().map_err(Clone::clone)
    }

    /// A model from safetensors weights and a `tokenizer.json`.
    pub fn from_bytes(weights: &[u8], tokenizer: &[u8]) -> Result<Model, ModelError> {
        let mut tokenizer = Tokenizer::from_bytes(tokenizer).map_err(|e| ModelError(format!("tokenizer.json: {e}")))?;
        // The shipped tokenizer pads every input to 128: pad nothing (the
        // encoder packs sentences without padding) and cut long texts.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
            .map_err(|e| ModelError(format!("tokenizer.json: {e}")))?;
        let bert = bert::Bert::load(weights).map_err(|e| ModelError(e.0))?;
        Ok(Model { tokenizer, bert })
    }

    /// Token ids of `text`, with [CLS] and [SEP], cut at [`MAX_TOKENS`].
    pub fn tokens(&self, text: &str) -> Result<Vec<u32>, ModelError> {
        let encoding = self.tokenizer.encode(text, true).map_err(|e| ModelError(format!("tokenizer: {e}")))?;
        let vocab = self.bert.vocab() as u32;
        // An id the weights lack would index out of the table.
        Ok(encoding.get_ids().iter().map(|&id| if id < vocab { id } else { 100 }).collect())
    }

    /// Vectors of `texts`, in their order.
    pub fn encode(&self, texts: &[&str]) -> Result<Vectors, ModelError> {
        self.encode_with(texts, &mut |_, _| {})
    }

    /// Vectors of `texts`, calling `progress(done, total)` after each batch.
    /// Texts of similar length run together; results come back in input order.
    pub fn encode_with(&self, texts: &[&str], progress: &mut dyn FnMut(usize, usize)) -> Result<Vectors, ModelError> {
        self.encode_tokens(&self.tokenize(texts)?, progress)
    }

    /// Token ids of every text (see [`Model::tokens`]).
    pub fn tokenize(&self, texts: &[&str]) -> Result<Vec<Vec<u32>>, ModelError> {
        crate::par::map(texts, |t| self.tokens(t)).into_iter().collect()
    }

    /// Vectors of token id sequences from [`Model::tokenize`], in order.
    pub fn encode_tokens(
        &self,
        tokens: &[Vec<u32>],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vectors, ModelError> {
        let mut order: Vec<usize> = (0..tokens.len()).collect();
        order.sort_by_key(|&i| tokens[i].len());
        let mut rows: Vec<Option<Vec<f32>>> = vec![None; tokens.len()];
        let mut done = 0;
        for batch in batches(&order, |i| tokens[i].len()) {
            let sequences: Vec<&[u32]> = batch.iter().map(|&i| tokens[i].as_slice()).collect();
            let vectors = self.bert.encode(&sequences).map_err(|e| ModelError(e.0))?;
            for (&i, v) in batch.iter().zip(vectors) {
                rows[i] = Some(v);
            }
            done += batch.len();
            progress(done, tokens.len());
        }
        let mut out = Vectors::default();
        for row in rows {
            out.push(&row.expect("every text is in one batch"));
        }
        Ok(out)
    }
}

/// Rounds a vector to what the cache stores (float16), so that a run
/// from the cache and a run of the model give the same analysis.
pub fn round_to_stored(vector: &mut [f32]) {
    for x in vector {
        *x = half::f16::from_f32(*x).to_f32();
    }
}

/// Tokens the model reads between two writes to the cache (about ten
/// seconds on two cores): a long run is done in pieces, each cached as it
/// finishes, so a run cut short keeps what it computed and the next one
/// starts where it stopped.
pub const PIECE_TOKENS: usize = 24_576;

/// Vectors for texts: from the cache where it has them, from the model
/// (loaded only when something is missing) for the rest.
#[derive(Clone, Debug)]
pub struct Encoder {
    cache: Option<cache::VectorCache>,
    piece_tokens: usize,
    /// Whether the model runs for texts the cache lacks (or they are left
    /// without a vector).
    compute: bool,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new(None)
    }
}

/// What [`Encoder::encode`] did.
#[derive(Clone, Debug, Default)]
pub struct Encoded {
    /// One row per text; a text in `missing` has a row of zeros.
    pub vectors: Vectors,
    /// Distinct texts the model encoded, and those read from the cache.
    pub computed: usize,
    pub cached: usize,
    /// The texts left without a vector (by an encoder that reads the cache
    /// alone), as indices into the texts asked for.
    pub missing: Vec<usize>,
    /// Problems with the cache (it was not used, or not written).
    pub notes: Vec<crate::warning::Warning>,
}

impl Encoder {
    /// An encoder that keeps vectors in `cache` (none: always the model).
    pub fn new(cache: Option<cache::VectorCache>) -> Encoder {
        Encoder { cache, piece_tokens: PIECE_TOKENS, compute: true }
    }

    /// The same encoder with another number of tokens per cached piece.
    pub fn with_piece_tokens(self, piece_tokens: usize) -> Encoder {
        Encoder { piece_tokens: piece_tokens.max(1), ..self }
    }

    /// The same encoder reading the cache alone: a text it lacks is left
    /// without a vector ([`Encoded::missing`]) and the model never runs.
    pub fn cache_only(self) -> Encoder {
        Encoder { compute: false, ..self }
    }

    /// An encoder with the user's cache folder.
    pub fn with_user_cache() -> Encoder {
        Encoder::new(cache::VectorCache::in_user_cache(MODEL_ID))
    }

    /// Whether vectors are kept across runs.
    pub fn has_cache(&self) -> bool {
        self.cache.is_some()
    }

    /// Which of `texts` the cache has no vector for, as indices.
    pub fn uncached(&self, texts: &[&str]) -> Vec<usize> {
        let keys: Vec<u64> = texts.iter().map(|t| cache::text_key(t)).collect();
        let known = match &self.cache {
            Some(c) => c.get(&keys).0,
            None => Default::default(),
        };
        (0..texts.len()).filter(|&i| !known.contains_key(&keys[i])).collect()
    }

    /// Vectors of `texts`, in order; `progress(done, total)` counts texts
    /// the model encodes (none when all come from the cache). The model
    /// runs in pieces of about [`PIECE_TOKENS`] tokens, each stored in the
    /// cache as soon as it is done.
    pub fn encode(&self, texts: &[&str], progress: &mut dyn FnMut(usize, usize)) -> Result<Encoded, ModelError> {
        let keys: Vec<u64> = texts.iter().map(|t| cache::text_key(t)).collect();
        let mut distinct: Vec<u64> = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let (mut known, mut notes) = match &self.cache {
            Some(c) => c.get(&distinct),
            None => Default::default(),
        };
        let cached = known.len();
        let mut missing: Vec<(u64, &str)> = Vec::new();
        let mut asked = std::collections::HashSet::new();
        for (k, t) in keys.iter().zip(texts) {
            if !known.contains_key(k) && asked.insert(*k) {
                missing.push((*k, t));
            }
        }
        let computed = if self.compute && !missing.is_empty() {
            let used: Vec<u64> = distinct.iter().filter(|k| !asked.contains(*k)).copied().collect();
            notes.extend(self.compute_missing(&missing, &used, &mut known, progress)?);
            missing.len()
        } else {
            0
        };
        let mut vectors = Vectors { data: Vec::with_capacity(keys.len() * DIM) };
        let mut left = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            match known.get(k) {
                Some(v) => vectors.push(v),
                None => {
                    vectors.push(&[0.0; DIM]);
                    left.push(i);
                }
            }
        }
        Ok(Encoded { vectors, computed, cached, missing: left, notes })
    }

    /// Runs the model on `missing` piece by piece, each piece's vectors
    /// added to `known` and stored in the cache (with `used`, the keys read
    /// from it, marked as used) before the next starts.
    fn compute_missing(
        &self,
        missing: &[(u64, &str)],
        used: &[u64],
        known: &mut std::collections::HashMap<u64, Vec<f32>>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<crate::warning::Warning>, ModelError> {
        let model = Model::bundled()?;
        let texts: Vec<&str> = missing.iter().map(|(_, t)| *t).collect();
        let tokens = model.tokenize(&texts)?;
        let mut notes = Vec::new();
        let mut done = 0;
        let mut touched = used;
        for piece in pieces(&tokens, self.piece_tokens) {
            let piece_tokens = &tokens[piece.clone()];
            let vectors = model.encode_tokens(piece_tokens, &mut |d, _| progress(done + d, missing.len()))?;
            for ((k, _), row) in missing[piece.clone()].iter().zip(vectors.rows()) {
                let mut v = row.to_vec();
                round_to_stored(&mut v);
                known.insert(*k, v);
            }
            done += piece.len();
            if let Some(c) = &self.cache {
                let entries: Vec<(u64, &[f32])> =
                    missing[piece].iter().map(|(k, _)| (*k, known[k].as_slice())).collect();
                notes.extend(c.put(&entries, touched));
                touched = &[];
            }
        }
        Ok(notes)
    }
}

/// Cuts texts (as token ids) into consecutive pieces of about `limit`
/// tokens (at least one text each).
fn pieces(tokens: &[Vec<u32>], limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut count) = (0, 0);
    for (i, t) in tokens.iter().enumerate() {
        if i > start && count + t.len() > limit {
            out.push(start..i);
            (start, count) = (i, 0);
        }
        count += t.len();
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Cuts `order` into runs of at most [`BATCH_TOKENS`] tokens (a longer
/// text runs alone).
fn batches(order: &[usize], len: impl Fn(usize) -> usize) -> Vec<&[usize]> {
    let mut out = Vec::new();
    let (mut start, mut tokens) = (0, 0);
    for (k, &i) in order.iter().enumerate() {
        if k > start && tokens + len(i) > BATCH_TOKENS {
            out.push(&order[start..k]);
            (start, tokens) = (k, 0);
        }
        tokens += len(i);
    }
    if start < order.len() {
        out.push(&order[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_products_agree_with_cosines_pair_by_pair() {
        // Unit rows with components of mixed sign, three against five.
        let row = |seed: usize| -> Vec<f32> {
            let v: Vec<f32> = (0..DIM).map(|k| (((seed * 7919 + k * 104_729) % 1000) as f32 - 500.0) / 500.0).collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.into_iter().map(|x| x / norm).collect()
        };
        let left: Vec<f32> = (0..3).flat_map(row).collect();
        let right: Vec<f32> = (3..8).flat_map(row).collect();
        let products = dot_products(&left, &right);
        assert_eq!(products.len(), 15);
        for i in 0..3 {
            for j in 0..5 {
                let want = cosine(&left[i * DIM..(i + 1) * DIM], &right[j * DIM..(j + 1) * DIM]);
                assert!((products[i * 5 + j] - want).abs() < 1e-5, "{i} {j}: {} {want}", products[i * 5 + j]);
            }
        }
        assert!(dot_products(&[], &right).is_empty());
    }

    /// Six sentences with their token ids, first eight components and
    /// cosines from a float32 reference forward pass that reproduces
    /// sentence-transformers (`tests/fixtures/minilm-reference.json`).
    #[test]
    fn vectors_match_the_reference_forward_pass() {
        let reference: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/minilm-reference.json")).unwrap();
        let sentences = reference["sentences"].as_array().unwrap();
        let texts: Vec<&str> = sentences.iter().map(|s| s["text"].as_str().unwrap()).collect();
        let model = Model::bundled().unwrap();
        let vectors = model.encode(&texts).unwrap();
        for (i, sentence) in sentences.iter().enumerate() {
            let ids: Vec<u32> =
                sentence["token_ids"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u32).collect();
            assert_eq!(model.tokens(texts[i]).unwrap(), ids, "{}", texts[i]);
            let row = vectors.row(i);
            assert!((cosine(row, row) - 1.0).abs() < 1e-5);
            for (k, want) in sentence["first8"].as_array().unwrap().iter().enumerate() {
                let want = want.as_f64().unwrap() as f32;
                // Float16 weights: within 1e-3 of the float32 reference.
                assert!((row[k] - want).abs() < 1e-3, "{}: component {k} is {}, want {want}", texts[i], row[k]);
            }
        }
        let matrix = reference["cosine_matrix"].as_array().unwrap();
        for (i, line) in matrix.iter().enumerate() {
            for (j, want) in line.as_array().unwrap().iter().enumerate() {
                let got = cosine(vectors.row(i), vectors.row(j));
                let want = want.as_f64().unwrap() as f32;
                assert!((got - want).abs() < 2e-3, "cosine {i},{j} is {got}, want {want}");
            }
        }
    }

    #[test]
    fn one_text_alone_or_in_a_batch_gives_the_same_vector() {
        let model = Model::bundled().unwrap();
        let texts = [
            "White smoke poured out of the Sistine Chapel chimney.",
            "",
            "Short.",
            "A much longer sentence about the election of a new pope in Rome on Thursday evening.",
        ];
        let together = model.encode(&texts).unwrap();
        for (i, t) in texts.iter().enumerate() {
            let alone = model.encode(&[t]).unwrap();
            assert!(cosine(alone.row(0), together.row(i)) > 0.99999, "{t:?}");
        }
    }

    #[test]
    fn reworded_statements_are_close_and_unrelated_ones_are_not() {
        let model = Model::bundled().unwrap();
        let v = model
            .encode(&[
                "White smoke poured out of the Sistine Chapel chimney on Thursday evening.",
                "On Thursday evening, white smoke emerged from the chimney atop the Sistine Chapel.",
                "The airline said the plane was carrying 242 people when it crashed.",
            ])
            .unwrap();
        assert!(cosine(v.row(0), v.row(1)) > 0.8);
        assert!(cosine(v.row(0), v.row(2)) < 0.3);
    }

    #[test]
    fn hostile_text_encodes_without_panic() {
        let model = Model::bundled().unwrap();
        let long = "word ".repeat(5000);
        let odd = ["\u{0}\u{1b}[2J\u{202e}", "🙂🙃 مرحبا 你好", &long, "\u{fffd}\u{fffd}"];
        let v = model.encode(&odd).unwrap();
        assert_eq!(v.len(), odd.len());
        assert!(v.rows().all(|r| r.iter().all(|x| x.is_finite())));
    }

    #[test]
    fn a_long_run_is_cached_piece_by_piece_and_a_run_cut_short_keeps_its_pieces() {
        let dir = std::env::temp_dir().join(format!("parallax-pieces-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = cache::VectorCache::at(&dir, MODEL_ID);
        let texts: Vec<String> =
            (0..12).map(|i| format!("Sentence number {i} of a long run about the harbour.")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let encoder = Encoder::new(Some(cache)).with_piece_tokens(40);
        // Cut short in the second piece: the first piece is in the cache.
        let cut = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            encoder.encode(&refs, &mut |done, _| assert!(done <= 3, "stopped")).unwrap();
        }));
        assert!(cut.is_err());
        let kept = encoder.uncached(&refs);
        assert!(kept.len() < refs.len() && !kept.is_empty(), "{kept:?}");
        // The cache alone gives what it has; the rest is missing, not made up.
        let partial = encoder.clone().cache_only().encode(&refs, &mut |_, _| {}).unwrap();
        assert_eq!((partial.computed, partial.missing.clone()), (0, kept.clone()));
        // The next run computes only what is missing, and agrees with a run
        // of the model alone.
        let whole = encoder.encode(&refs, &mut |_, _| {}).unwrap();
        assert_eq!((whole.computed, whole.cached), (kept.len(), refs.len() - kept.len()));
        let alone = Encoder::new(None).encode(&refs, &mut |_, _| {}).unwrap();
        assert_eq!(whole.vectors, alone.vectors);
        assert!(encoder.uncached(&refs).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn cosine_in_lanes_is_the_plain_sum() {
        for len in [0, 3, 8, 13, DIM] {
            let a: Vec<f32> = (0..len).map(|i| (i as f32 * 0.7).sin()).collect();
            let b: Vec<f32> = (0..len).map(|i| (i as f32 * 0.3).cos()).collect();
            let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            assert!((cosine(&a, &b) - plain).abs() < 1e-4, "{len}");
        }
    }

    #[test]
    fn pieces_keep_every_text_once_in_order() {
        let tokens: Vec<Vec<u32>> = (0..30).map(|i| vec![0; 5 + i % 7]).collect();
        let cut = pieces(&tokens, 30);
        assert_eq!(cut.first().unwrap().start, 0);
        assert_eq!(cut.last().unwrap().end, tokens.len());
        assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
        assert!(cut.iter().all(|r| r.len() == 1 || tokens[r.clone()].iter().map(Vec::len).sum::<usize>() <= 30));
        assert!(pieces(&[], 30).is_empty());
    }

    #[test]
    fn batches_keep_every_text_once_and_stay_under_the_cap() {
        let order: Vec<usize> = (0..100).collect();
        let len = |i: usize| 10 + i * 7;
        let runs = batches(&order, len);
        assert_eq!(runs.concat(), order);
        for run in &runs {
            assert!(run.len() == 1 || run.iter().map(|&i| len(i)).sum::<usize>() <= BATCH_TOKENS);
        }
        assert!(batches(&[], len).is_empty());
    }
}
