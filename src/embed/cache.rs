//! Sentence vectors kept on disk, so that reopening a set of articles
//! does not run the model again. Vectors are keyed by the model's build
//! ([`super::MODEL_ID`]) and a hash of the exact text encoded.
//!
//! Layout: `<dir>/<model key>/<xx>.vec`, 256 shards chosen by the text
//! hash's low byte. A shard is a header, records sorted by key (key, when
//! it was last used, the vector as float16), and a checksum over all of
//! it. Shards are written whole to a temporary file and renamed over the
//! old one, so a reader never sees half a shard. A shard that is corrupt,
//! truncated or made by another model is ignored (and later replaced); a
//! cache that cannot be read or written never stops an analysis.
//!
//! Vectors are stored as float16 and every vector the analysis uses is
//! rounded the same way (see [`super::round_to_stored`]), so a run from the
//! cache gives exactly what a run of the model gives.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use half::f16;

use super::DIM;
use crate::warning::Warning;

const MAGIC: &[u8; 8] = b"PXVEC001";
const HEADER: usize = 8 + 8 + 4 + 4;
const RECORD: usize = 8 + 4 + DIM * 2;
const SHARDS: usize = 256;

/// Total size of the cache above which the least recently used vectors go.
pub const DEFAULT_CAP_BYTES: u64 = 512 << 20;

/// A stable 64-bit hash of a text (FNV-1a), the key of its vector.
pub fn text_key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The vector cache of one model build, in one folder.
#[derive(Clone, Debug)]
pub struct VectorCache {
    root: PathBuf,
    model: String,
    cap_bytes: u64,
}

/// One record: when it was last used (seconds since 1970) and the vector.
#[derive(Clone)]
struct Record {
    used: u32,
    vector: Vec<u16>,
}

type Shard = HashMap<u64, Record>;

impl VectorCache {
    /// The cache in parallax's cache folder ([`crate::folders::cache`];
    /// `$XDG_CACHE_HOME/parallax/vectors` on Linux), beside the page
    /// cache's `pages`, if there is one.
    pub fn in_user_cache(model: &str) -> Option<VectorCache> {
        Some(VectorCache::at(crate::folders::cache()?.join("vectors"), model))
    }

    /// A cache kept under `root` (tests use a scratch folder).
    pub fn at(root: impl Into<PathBuf>, model: &str) -> VectorCache {
        VectorCache { root: root.into(), model: model.to_string(), cap_bytes: DEFAULT_CAP_BYTES }
    }

    pub fn with_cap(mut self, cap_bytes: u64) -> VectorCache {
        self.cap_bytes = cap_bytes;
        self
    }

    fn model_dir(&self) -> PathBuf {
        self.root.join(format!("{:016x}", text_key(&self.model)))
    }

    fn shard_path(&self, shard: usize) -> PathBuf {
        self.model_dir().join(format!("{shard:02x}.vec"))
    }

    /// The stored vectors of `keys` that the cache has (as float32), and a
    /// warning for each shard that was there but could not be used.
    pub fn get(&self, keys: &[u64]) -> (HashMap<u64, Vec<f32>>, Vec<Warning>) {
        // Shards are read and decoded in parallel: a reopened pile of a
        // thousand articles reads some 50,000 vectors.
        let read = crate::par::map(&by_shard(keys), |(shard, wanted)| self.read_wanted(*shard, wanted));
        let mut found = HashMap::with_capacity(keys.len());
        let mut notes = Vec::new();
        for shard in read {
            match shard {
                Ok(vectors) => found.extend::<Vec<(u64, Vec<f32>)>>(vectors),
                Err(note) => notes.push(note),
            }
        }
        (found, notes)
    }

    /// Stores `entries` and marks `used` (keys read from the cache) as used
    /// now, then trims the cache to its cap. Errors come back as warnings.
    pub fn put(&self, entries: &[(u64, &[f32])], used: &[u64]) -> Vec<Warning> {
        if let Err(e) = fs::create_dir_all(self.model_dir()) {
            return vec![Warning::model(Some(&self.model_dir()), format!("vector cache not written: {e}"))];
        }
        let now = now();
        let by_shard = changes_by_shard(entries, used);
        let written = crate::par::map(&by_shard, |(shard, changes)| {
            self.apply(*shard, changes, now)
                .err()
                .map(|e| Warning::model(Some(&self.shard_path(*shard)), format!("vector cache not written: {e}")))
        });
        let mut notes: Vec<Warning> = written.into_iter().flatten().collect();
        notes.extend(self.trim());
        notes
    }

    /// Rewrites one shard with `changes` (a shard that cannot be read is
    /// replaced by what this run has).
    fn apply(&self, shard: usize, changes: &[(u64, Change)], now: u32) -> std::io::Result<()> {
        let mut records = self.read_shard(shard).unwrap_or_default();
        for (key, change) in changes {
            match change {
                Change::Store(vector) => {
                    records.insert(*key, Record { used: now, vector: to_stored(vector) });
                }
                Change::Touch => {
                    if let Some(r) = records.get_mut(key) {
                        r.used = now;
                    }
                }
            }
        }
        self.write_shard(shard, &records)
    }

    fn read_shard(&self, shard: usize) -> Result<Shard, Warning> {
        let path = self.shard_path(shard);
        let Some(bytes) = self.shard_bytes(&path)? else { return Ok(Shard::new()) };
        decode_shard(&bytes, text_key(&self.model)).ok_or_else(|| damaged(&path))
    }

    /// The vectors of `wanted` keys that one shard holds, as float32, read
    /// without decoding the records no one asked for.
    fn read_wanted(&self, shard: usize, wanted: &[u64]) -> Result<Vec<(u64, Vec<f32>)>, Warning> {
        let path = self.shard_path(shard);
        let Some(bytes) = self.shard_bytes(&path)? else { return Ok(Vec::new()) };
        let records = shard_records(&bytes, text_key(&self.model)).ok_or_else(|| damaged(&path))?;
        let wanted: std::collections::HashSet<u64> = wanted.iter().copied().collect();
        Ok(records
            .chunks_exact(RECORD)
            .filter_map(|rec| {
                let key = u64::from_le_bytes(rec[..8].try_into().unwrap());
                wanted.contains(&key).then(|| {
                    let bits: Vec<u16> = rec[12..].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
                    (key, to_f32(&bits))
                })
            })
            .collect())
    }

    /// A shard file's bytes; `None` when there is no such shard yet.
    fn shard_bytes(&self, path: &Path) -> Result<Option<Vec<u8>>, Warning> {
        match fs::read(path) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Warning::model(Some(path), format!("vector cache not read: {e}; ignored"))),
        }
    }

    fn write_shard(&self, shard: usize, records: &Shard) -> std::io::Result<()> {
        let path = self.shard_path(shard);
        let bytes = encode_shard(records, text_key(&self.model));
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut file = fs::File::create(&tmp)?;
        // No fsync: it cost a second on a first run (one per shard), and a
        // shard cut short by a crash fails its checksum and is ignored.
        file.write_all(&bytes)?;
        fs::rename(&tmp, &path).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }

    /// Keeps the cache under its cap: other models' folders go first, then
    /// this model's least recently used records.
    fn trim(&self) -> Vec<Warning> {
        let mut notes = Vec::new();
        let total = dir_size(&self.root);
        if total <= self.cap_bytes {
            return notes;
        }
        let own = self.model_dir();
        if let Ok(entries) = fs::read_dir(&self.root) {
            for entry in entries.flatten() {
                if entry.path() != own && entry.path().is_dir() {
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
        let own_size = dir_size(&own);
        if own_size <= self.cap_bytes {
            return notes;
        }
        // Keep the most recently used records, three quarters of the cap.
        let keep_records = (self.cap_bytes / 4 * 3) as usize / RECORD;
        let shards: Vec<(usize, Shard)> = (0..SHARDS).filter_map(|s| self.read_shard(s).ok().map(|r| (s, r))).collect();
        let mut ages: Vec<(u32, u64)> = shards.iter().flat_map(|(_, r)| r.iter().map(|(k, x)| (x.used, *k))).collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        let kept: std::collections::HashSet<u64> = ages.iter().take(keep_records).map(|(_, k)| *k).collect();
        for (shard, mut records) in shards {
            let before = records.len();
            records.retain(|k, _| kept.contains(k));
            if records.len() != before {
                if let Err(e) = self.write_shard(shard, &records) {
                    notes.push(Warning::model(Some(&self.shard_path(shard)), format!("vector cache not written: {e}")));
                }
            }
        }
        notes
    }
}

/// One change to a shard: a vector to store, or a stored one used again.
enum Change<'a> {
    Store(&'a [f32]),
    Touch,
}

/// The changes of one `put`, by shard, in shard order.
fn changes_by_shard<'a>(entries: &[(u64, &'a [f32])], used: &[u64]) -> Vec<(usize, Vec<(u64, Change<'a>)>)> {
    let mut per_shard: HashMap<usize, Vec<(u64, Change<'a>)>> = HashMap::new();
    for &(key, vector) in entries {
        per_shard.entry(shard_of(key)).or_default().push((key, Change::Store(vector)));
    }
    for &key in used {
        per_shard.entry(shard_of(key)).or_default().push((key, Change::Touch));
    }
    let mut out: Vec<_> = per_shard.into_iter().collect();
    out.sort_by_key(|(shard, _)| *shard);
    out
}

fn shard_of(key: u64) -> usize {
    (key % SHARDS as u64) as usize
}

fn by_shard(keys: &[u64]) -> Vec<(usize, Vec<u64>)> {
    let mut map: HashMap<usize, Vec<u64>> = HashMap::new();
    for &k in keys {
        map.entry(shard_of(k)).or_default().push(k);
    }
    let mut out: Vec<_> = map.into_iter().collect();
    out.sort_by_key(|(s, _)| *s);
    out
}

/// A stored vector (float16 bits) as float32, converted in vector
/// instructions where the CPU has them (exactly as one by one).
fn to_f32(stored: &[u16]) -> Vec<f32> {
    use half::slice::{HalfBitsSliceExt, HalfFloatSliceExt};
    let mut out = vec![0.0f32; stored.len()];
    stored.reinterpret_cast::<f16>().convert_to_f32_slice(&mut out);
    out
}

/// A vector as it is stored: float16 bits.
fn to_stored(vector: &[f32]) -> Vec<u16> {
    vector.iter().map(|&x| f16::from_f32(x).to_bits()).collect()
}

fn now() -> u32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    u32::try_from(secs).unwrap_or(u32::MAX)
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash ^= u64::from_le_bytes(word);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn encode_shard(records: &Shard, model: u64) -> Vec<u8> {
    let mut keys: Vec<&u64> = records.keys().collect();
    keys.sort_unstable();
    let mut out = Vec::with_capacity(HEADER + keys.len() * RECORD + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&model.to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    out.extend_from_slice(&(DIM as u32).to_le_bytes());
    for key in keys {
        let r = &records[key];
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&r.used.to_le_bytes());
        for h in &r.vector {
            out.extend_from_slice(&h.to_le_bytes());
        }
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

fn decode_shard(bytes: &[u8], model: u64) -> Option<Shard> {
    let records = shard_records(bytes, model)?;
    let mut shard = Shard::with_capacity(records.len() / RECORD);
    for rec in records.chunks_exact(RECORD) {
        let key = u64::from_le_bytes(rec[..8].try_into().unwrap());
        let used = u32::from_le_bytes(rec[8..12].try_into().unwrap());
        let vector = rec[12..].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        shard.insert(key, Record { used, vector });
    }
    Some(shard)
}

/// The records of a shard's bytes, once its magic, checksum, model and
/// length are checked; `None` for a damaged or foreign shard.
fn shard_records(bytes: &[u8], model: u64) -> Option<&[u8]> {
    let body_len = bytes.len().checked_sub(8)?;
    let (body, sum) = bytes.split_at(body_len);
    if body.len() < HEADER || &body[..8] != MAGIC || checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    let word = |at: usize| u32::from_le_bytes(body[at..at + 4].try_into().unwrap());
    if u64::from_le_bytes(body[8..16].try_into().ok()?) != model || word(20) as usize != DIM {
        return None;
    }
    let count = word(16) as usize;
    if body.len() != HEADER + count.checked_mul(RECORD)? {
        return None;
    }
    Some(&body[HEADER..])
}

fn damaged(path: &Path) -> Warning {
    Warning::model(Some(path), "not a vector cache of this model, or damaged; ignored")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn vector(seed: f32) -> Vec<f32> {
        (0..DIM).map(|i| ((i as f32 + seed) * 0.37).sin() / 10.0).collect()
    }

    #[test]
    fn stored_vectors_come_back_rounded_to_float16() {
        let dir = scratch("roundtrip");
        let cache = VectorCache::at(&dir, "model-a");
        let (a, b) = (vector(1.0), vector(2.0));
        assert!(cache.put(&[(text_key("a"), &a), (text_key("b"), &b)], &[]).is_empty());
        let (got, notes) = cache.get(&[text_key("a"), text_key("b"), text_key("c")]);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(got.len(), 2);
        let want: Vec<f32> = a.iter().map(|&x| f16::from_f32(x).to_f32()).collect();
        assert_eq!(got[&text_key("a")], want);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn another_model_sees_nothing_and_a_damaged_shard_is_ignored_with_a_note() {
        let dir = scratch("foreign");
        let cache = VectorCache::at(&dir, "model-a");
        let key = text_key("a");
        cache.put(&[(key, &vector(1.0))], &[]);
        let other = VectorCache::at(&dir, "model-b");
        assert!(other.get(&[key]).0.is_empty());
        // Damage the shard: the cache says so and carries on.
        let path = cache.shard_path(shard_of(key));
        let mut bytes = fs::read(&path).unwrap();
        bytes[HEADER + 20] ^= 0xff;
        fs::write(&path, &bytes).unwrap();
        let (got, notes) = cache.get(&[key]);
        assert!(got.is_empty());
        assert_eq!(notes.len(), 1, "{notes:?}");
        // A foreign file in its place is ignored too, then replaced.
        fs::write(&path, b"not a cache").unwrap();
        assert!(cache.get(&[key]).0.is_empty());
        cache.put(&[(key, &vector(1.0))], &[]);
        assert_eq!(cache.get(&[key]).0.len(), 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_cap_keeps_the_cache_small() {
        let dir = scratch("cap");
        // Room for about 40 records (and the shards' headers).
        let cap = (RECORD * 40 + SHARDS * (HEADER + 8)) as u64;
        let cache = VectorCache::at(&dir, "model-a").with_cap(cap);
        let vectors: Vec<(u64, Vec<f32>)> = (0..200).map(|i| (text_key(&i.to_string()), vector(i as f32))).collect();
        let entries: Vec<(u64, &[f32])> = vectors.iter().map(|(k, v)| (*k, v.as_slice())).collect();
        assert!(cache.put(&entries, &[]).is_empty());
        assert!(dir_size(&dir) <= cap, "{} > {cap}", dir_size(&dir));
        let keys: Vec<u64> = vectors.iter().map(|(k, _)| *k).collect();
        let kept = cache.get(&keys).0.len();
        assert!((10..=40).contains(&kept), "{kept}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unwritable_cache_is_a_note_not_an_error() {
        let cache = VectorCache::at("/proc/parallax-no-such-dir", "model-a");
        let notes = cache.put(&[(1, &vector(1.0))], &[]);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(cache.get(&[1]).0.is_empty());
    }
}
