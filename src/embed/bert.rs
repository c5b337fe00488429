//! The forward pass of a BERT encoder (all-MiniLM-L6-v2: 6 layers, 384
//! wide, 12 heads), written on candle's matrix product. Several sentences
//! run as one packed batch: every token of every sentence is one row of
//! the dense layers (no padding, so no work on pad tokens), and attention
//! stays within each sentence. Mean pooling and L2 normalisation then give
//! what sentence-transformers' `encode` gives.
//!
//! candle does the four matrix products per layer (multi-threaded `gemm`);
//! the element-wise steps (bias, GELU, layer norm, attention over a few
//! dozen tokens) run on plain slices, in parallel with rayon, because
//! candle's own GELU runs on one thread and was a fifth of the time. Those
//! loops are compiled for AVX-512 and AVX2 as well as plain x86-64, and the
//! widest the CPU has is chosen at run time ([`simd`]): that halved their
//! time. gemm's AVX-512 kernels (its `x86-v4` feature) are chosen the same way.

use candle_core::{DType, Device, Tensor};
use rayon::prelude::*;
use std::collections::HashMap;

/// The model's shape, from its configuration.
pub const HIDDEN: usize = 384;
const HEADS: usize = 12;
const HEAD_DIM: usize = HIDDEN / HEADS;
const INTERMEDIATE: usize = 1536;
const LAYERS: usize = 6;
pub const MAX_POSITIONS: usize = 512;
const LAYER_NORM_EPS: f32 = 1e-12;
const WORD_TABLE: &str = "embeddings.word_embeddings.weight";

/// Why the weights could not be used.
#[derive(Debug)]
pub struct WeightsError(pub String);

impl std::fmt::Display for WeightsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A dense layer: `x W^T + b`, with `W^T` kept as a contiguous candle tensor.
struct Dense {
    weight_t: Tensor,
    bias: Vec<f32>,
    outputs: usize,
}

struct Norm {
    gain: Vec<f32>,
    bias: Vec<f32>,
}

struct Layer {
    /// Query, key and value projections fused into one product.
    qkv: Dense,
    attention_out: Dense,
    attention_norm: Norm,
    intermediate: Dense,
    output: Dense,
    output_norm: Norm,
}

/// The weights of the encoder, in float32.
pub struct Bert {
    /// The token table stays float16 (a third of the weights): only the
    /// rows of the tokens read are widened.
    word: Vec<half::f16>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    vocab: usize,
}

/// Reads tensors by name, checking each one's shape.
struct TensorSource(HashMap<String, Tensor>);

impl TensorSource {
    fn take(&self, name: &str, shape: &[usize]) -> Result<Tensor, WeightsError> {
        let t = self.0.get(name).cloned().ok_or_else(|| WeightsError(format!("the model has no tensor {name}")))?;
        if t.dims() != shape {
            return Err(WeightsError(format!("tensor {name} has shape {:?}, expected {shape:?}", t.dims())));
        }
        t.to_dtype(DType::F32).map_err(candle_error)
    }

    /// The token table in float16, and its number of rows (the vocabulary).
    fn word_table(&self) -> Result<(Vec<half::f16>, usize), WeightsError> {
        let table =
            self.0.get(WORD_TABLE).ok_or_else(|| WeightsError(format!("the model has no tensor {WORD_TABLE}")))?;
        match table.dims() {
            &[rows, HIDDEN] => {
                let values = table.flatten_all().and_then(|t| t.to_vec1::<half::f16>()).map_err(candle_error)?;
                Ok((values, rows))
            }
            dims => Err(WeightsError(format!("tensor {WORD_TABLE} has shape {dims:?}, expected [_, {HIDDEN}]"))),
        }
    }

    fn vector(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, WeightsError> {
        self.take(name, shape)?.flatten_all().and_then(|t| t.to_vec1::<f32>()).map_err(candle_error)
    }

    fn norm(&self, prefix: &str) -> Result<Norm, WeightsError> {
        Ok(Norm {
            gain: self.vector(&format!("{prefix}.weight"), &[HIDDEN])?,
            bias: self.vector(&format!("{prefix}.bias"), &[HIDDEN])?,
        })
    }

    /// One or more projections with the same input, fused side by side.
    fn dense(&self, prefixes: &[String], inputs: usize, outputs: usize) -> Result<Dense, WeightsError> {
        let mut weights = Vec::new();
        let mut bias = Vec::new();
        for prefix in prefixes {
            weights.push(self.take(&format!("{prefix}.weight"), &[outputs, inputs])?);
            bias.extend(self.vector(&format!("{prefix}.bias"), &[outputs])?);
        }
        let weight_t =
            Tensor::cat(&weights, 0).and_then(|w| w.t()).and_then(|w| w.contiguous()).map_err(candle_error)?;
        Ok(Dense { weight_t, bias, outputs: outputs * prefixes.len() })
    }
}

fn candle_error(e: candle_core::Error) -> WeightsError {
    WeightsError(format!("model weights: {e}"))
}

impl Bert {
    /// Loads the weights from a safetensors buffer (float16 or float32).
    pub fn load(safetensors: &[u8]) -> Result<Bert, WeightsError> {
        let tensors = candle_core::safetensors::load_buffer(safetensors, &Device::Cpu).map_err(candle_error)?;
        // Widening to float32 and laying out the products' weights is a
        // tenth of a second on one core: every tensor, then every layer, in parallel.
        let tensors = tensors
            .into_par_iter()
            .map(|(name, t)| match name.as_str() {
                WORD_TABLE => t.to_dtype(DType::F16).map(|t| (name, t)),
                _ => t.to_dtype(DType::F32).map(|t| (name, t)),
            })
            .collect::<Result<HashMap<_, _>, _>>()
            .map_err(candle_error)?;
        let source = TensorSource(tensors);
        let (word, vocab) = source.word_table()?;
        let position = source.vector("embeddings.position_embeddings.weight", &[MAX_POSITIONS, HIDDEN])?;
        let token_type = source.vector("embeddings.token_type_embeddings.weight", &[2, HIDDEN])?;
        let embedding_norm = source.norm("embeddings.LayerNorm")?;
        let layers = (0..LAYERS).into_par_iter().map(|i| Layer::load(&source, i)).collect::<Result<_, _>>()?;
        Ok(Bert { word, position, token_type, embedding_norm, layers, vocab })
    }

    /// Number of token ids the model knows.
    pub fn vocab(&self) -> usize {
        self.vocab
    }

    /// Sentence vectors (mean-pooled, L2-normalised) for token id
    /// sequences that each start with [CLS] and end with [SEP] and hold at
    /// most [`MAX_POSITIONS`] ids, all below [`Bert::vocab`].
    pub fn encode(&self, sequences: &[&[u32]]) -> Result<Vec<Vec<f32>>, WeightsError> {
        let batch = Batch::new(sequences);
        let mut hidden = self.embed(sequences);
        for layer in &self.layers {
            hidden = layer.forward(hidden, &batch)?;
        }
        Ok(batch.pool(&hidden))
    }

    fn embed(&self, sequences: &[&[u32]]) -> Vec<f32> {
        let rows: Vec<(u32, usize)> =
            sequences.iter().flat_map(|s| s.iter().enumerate().map(|(p, &id)| (id, p))).collect();
        let mut hidden = vec![0.0f32; rows.len() * HIDDEN];
        hidden.par_chunks_mut(HIDDEN).zip(rows.par_iter()).for_each(|(row, &(id, position))| {
            let mut word = [0.0f32; HIDDEN];
            half::slice::HalfFloatSliceExt::convert_to_f32_slice(
                &self.word[id as usize * HIDDEN..][..HIDDEN],
                &mut word,
            );
            let pos = &self.position[position * HIDDEN..][..HIDDEN];
            for (i, value) in row.iter_mut().enumerate() {
                *value = word[i] + pos[i] + self.token_type[i];
            }
            self.embedding_norm.apply(row);
        });
        hidden
    }
}

impl Layer {
    fn load(source: &TensorSource, index: usize) -> Result<Layer, WeightsError> {
        let p = format!("encoder.layer.{index}");
        let qkv = ["query", "key", "value"].map(|n| format!("{p}.attention.self.{n}"));
        Ok(Layer {
            qkv: source.dense(&qkv, HIDDEN, HIDDEN)?,
            attention_out: source.dense(&[format!("{p}.attention.output.dense")], HIDDEN, HIDDEN)?,
            attention_norm: source.norm(&format!("{p}.attention.output.LayerNorm"))?,
            intermediate: source.dense(&[format!("{p}.intermediate.dense")], HIDDEN, INTERMEDIATE)?,
            output: source.dense(&[format!("{p}.output.dense")], INTERMEDIATE, HIDDEN)?,
            output_norm: source.norm(&format!("{p}.output.LayerNorm"))?,
        })
    }

    fn forward(&self, hidden: Vec<f32>, batch: &Batch) -> Result<Vec<f32>, WeightsError> {
        let qkv = self.qkv.apply(&hidden, HIDDEN)?;
        let context = batch.attention(&qkv);
        let mut attended = self.attention_out.apply(&context, HIDDEN)?;
        add_and_norm(&mut attended, &hidden, &self.attention_norm);
        let mut inner = self.intermediate.apply(&attended, HIDDEN)?;
        // In chunks, so that the loop over each is vectorised.
        inner.par_chunks_mut(4096).for_each(|chunk| simd(|| chunk.iter_mut().for_each(|v| *v = gelu(*v))));
        let mut out = self.output.apply(&inner, INTERMEDIATE)?;
        add_and_norm(&mut out, &attended, &self.output_norm);
        Ok(out)
    }
}

impl Dense {
    /// `rows x inputs` in, `rows x outputs` out.
    fn apply(&self, input: &[f32], inputs: usize) -> Result<Vec<f32>, WeightsError> {
        let rows = input.len() / inputs;
        let x = Tensor::from_slice(input, (rows, inputs), &Device::Cpu).map_err(candle_error)?;
        let y = x.matmul(&self.weight_t).and_then(|y| y.flatten_all()).and_then(|y| y.to_vec1::<f32>());
        let mut y = y.map_err(candle_error)?;
        y.par_chunks_mut(self.outputs * 16).for_each(|rows| {
            simd(|| {
                for row in rows.chunks_mut(self.outputs) {
                    for (v, b) in row.iter_mut().zip(&self.bias) {
                        *v += b;
                    }
                }
            })
        });
        Ok(y)
    }
}

impl Norm {
    #[inline(always)]
    fn apply(&self, row: &mut [f32]) {
        let n = row.len() as f32;
        let mean = row.iter().sum::<f32>() / n;
        let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
        let scale = 1.0 / (variance + LAYER_NORM_EPS).sqrt();
        for ((v, g), b) in row.iter_mut().zip(&self.gain).zip(&self.bias) {
            *v = (*v - mean) * scale * g + b;
        }
    }
}

/// `out = norm(out + residual)`, row by row.
fn add_and_norm(out: &mut [f32], residual: &[f32], norm: &Norm) {
    out.par_chunks_mut(HIDDEN * 16).zip(residual.par_chunks(HIDDEN * 16)).for_each(|(rows, residuals)| {
        simd(|| {
            for (row, res) in rows.chunks_mut(HIDDEN).zip(residuals.chunks(HIDDEN)) {
                for (v, r) in row.iter_mut().zip(res) {
                    *v += r;
                }
                norm.apply(row);
            }
        })
    });
}

/// Runs `work` compiled for the widest vector instructions the CPU has
/// (AVX-512, AVX2 with FMA, or plain x86-64): the loops above are written
/// to vectorise, and the default target only has SSE2. Functions `work`
/// calls are `#[inline(always)]` so that they are compiled the same way.
#[inline(always)]
fn simd<R>(work: impl FnOnce() -> R) -> R {
    pulp::Arch::new().dispatch(work)
}

/// BERT's GELU, the exact form: `x/2 (1 + erf(x/sqrt 2))`.
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function, within 1e-6 in float arithmetic (Numerical
/// Recipes' `erfcc`, a Chebyshev fit of erfc, with [`exp`] below). GELU runs on every
/// intermediate value of every layer, a fifth of all the arithmetic
/// after the matrix products: a library erf in double precision took
/// three times the instructions.
#[inline(always)]
fn erf(x: f32) -> f32 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_2
        + t * (1.000_023_7
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_204 + t * (1.488_516 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    (1.0 - t * exp(poly)).copysign(x)
}

/// `e^x` to float precision for the arguments [`erf`] and the attention's
/// softmax give (x <= 0):
/// `2^(x log2 e)` as a power of two times a polynomial on [-1/2, 1/2].
#[inline(always)]
fn exp(x: f32) -> f32 {
    let power = (x.max(-87.0) * std::f32::consts::LOG2_E).min(127.0);
    // Rounded by adding and taking away 1.5 * 2^23 (|power| < 2^22): the
    // library's roundf is a call, which keeps the loop from vectorising.
    let whole = (power + ROUNDING) - ROUNDING;
    let f = power - whole;
    let fraction = 1.0
        + f * (std::f32::consts::LN_2
            + f * (0.240_226_5 + f * (0.055_504_11 + f * (0.009_618_13 + f * (0.001_333_36 + f * 0.000_154_03)))));
    f32::from_bits(((whole as i32 + 127) << 23) as u32) * fraction
}

const ROUNDING: f32 = 12_582_912.0;

/// Where each sentence's rows start in a packed batch.
struct Batch {
    starts: Vec<usize>,
}

impl Batch {
    fn new(sequences: &[&[u32]]) -> Batch {
        let mut starts = vec![0];
        for s in sequences {
            starts.push(starts.last().unwrap() + s.len());
        }
        Batch { starts }
    }

    fn sentences(&self) -> impl IndexedParallelIterator<Item = std::ops::Range<usize>> + '_ {
        self.starts.par_windows(2).map(|w| w[0]..w[1])
    }

    /// Scaled dot-product attention of every head, within each sentence.
    /// `qkv` holds, per row, the query, key and value of all heads.
    fn attention(&self, qkv: &[f32]) -> Vec<f32> {
        let rows = *self.starts.last().unwrap();
        let mut context = vec![0.0f32; rows * HIDDEN];
        let mut per_sentence: Vec<&mut [f32]> = Vec::new();
        let mut rest = context.as_mut_slice();
        for w in self.starts.windows(2) {
            let (head, tail) = rest.split_at_mut((w[1] - w[0]) * HIDDEN);
            per_sentence.push(head);
            rest = tail;
        }
        per_sentence.into_par_iter().zip(self.sentences()).for_each(|(out, range)| {
            simd(|| attend(&qkv[range.start * 3 * HIDDEN..range.end * 3 * HIDDEN], out));
        });
        context
    }

    /// Mean of each sentence's rows, L2-normalised.
    fn pool(&self, hidden: &[f32]) -> Vec<Vec<f32>> {
        self.sentences()
            .map(|range| {
                let n = range.len().max(1) as f32;
                let mut mean = vec![0.0f32; HIDDEN];
                for row in hidden[range.start * HIDDEN..range.end * HIDDEN].chunks(HIDDEN) {
                    for (m, v) in mean.iter_mut().zip(row) {
                        *m += v;
                    }
                }
                let norm = mean.iter().map(|m| (m / n) * (m / n)).sum::<f32>().sqrt().max(1e-12);
                mean.iter_mut().for_each(|m| *m = *m / n / norm);
                mean
            })
            .collect()
    }
}

/// The dot product of two head vectors, summed in eight lanes: a plain
/// float sum must keep its order, so it does not vectorise.
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    for (a, b) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for lane in 0..8 {
            lanes[lane] += a[lane] * b[lane];
        }
    }
    let rest: f32 = a.chunks_exact(8).remainder().iter().zip(b.chunks_exact(8).remainder()).map(|(a, b)| a * b).sum();
    lanes.iter().sum::<f32>() + rest
}

/// Attention for one sentence: `qkv` is `len x 3*HIDDEN`, `out` `len x HIDDEN`.
#[inline(always)]
fn attend(qkv: &[f32], out: &mut [f32]) {
    let len = qkv.len() / (3 * HIDDEN);
    let scale = 1.0 / (HEAD_DIM as f32).sqrt();
    let mut weights = vec![0.0f32; len];
    for head in 0..HEADS {
        let offset = head * HEAD_DIM;
        for i in 0..len {
            let query = &qkv[i * 3 * HIDDEN + offset..][..HEAD_DIM];
            let mut max = f32::NEG_INFINITY;
            for (j, w) in weights.iter_mut().enumerate() {
                let key = &qkv[j * 3 * HIDDEN + HIDDEN + offset..][..HEAD_DIM];
                *w = dot(query, key) * scale;
                max = max.max(*w);
            }
            let mut total = 0.0;
            for w in weights.iter_mut() {
                *w = exp(*w - max);
                total += *w;
            }
            let row = &mut out[i * HIDDEN + offset..][..HEAD_DIM];
            let inverse = 1.0 / total;
            for (j, w) in weights.iter().enumerate() {
                let value = &qkv[j * 3 * HIDDEN + 2 * HIDDEN + offset..][..HEAD_DIM];
                let w = w * inverse;
                for (o, v) in row.iter_mut().zip(value) {
                    *o += w * v;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_and_gelu_agree_with_double_precision() {
        let reference_erf = |x: f64| libm::erf(x);
        for i in -4000..=4000 {
            let x = i as f32 / 400.0;
            let want = reference_erf(f64::from(x)) as f32;
            assert!((erf(x) - want).abs() < 1e-6, "erf({x}) = {}, want {want}", erf(x));
            let gelu_want =
                (0.5 * f64::from(x) * (1.0 + reference_erf(f64::from(x) / std::f64::consts::SQRT_2))) as f32;
            assert!((gelu(x) - gelu_want).abs() < 2e-6 * (1.0 + x.abs()), "gelu({x})");
        }
        for x in [-1e30f32, -100.0, 100.0, 1e30] {
            assert!(erf(x).is_finite() && gelu(x).is_finite(), "{x}");
        }
        assert!(erf(0.0).abs() < 1e-6);
    }

    #[test]
    fn exp_is_close_where_erf_uses_it() {
        for i in 0..=1700 {
            let x = -(i as f32) / 20.0;
            let want = f64::from(x).exp();
            let got = f64::from(exp(x));
            // Rounding x log2 e to a float costs about |x| * 1e-7 relative.
            let bound = (2e-7 + 1e-7 * f64::from(x.abs())) * want;
            assert!((got - want).abs() <= bound, "exp({x}) = {got}, want {want}");
        }
    }
}
