//! Data parallelism for the pipeline stages. Results always come back in
//! input order, so a parallel run gives exactly what a sequential one does.

use rayon::prelude::*;

/// Below this many items the thread hand-off costs more than it saves.
const MIN_PARALLEL: usize = 8;

/// Maps `f` over `items`, in parallel when there are enough of them.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < MIN_PARALLEL { items.iter().map(f).collect() } else { items.par_iter().map(f).collect() }
}

/// Maps `f` over `0..n`, in parallel when `n` is large enough.
pub fn map_range<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    if n < MIN_PARALLEL { (0..n).map(f).collect() } else { (0..n).into_par_iter().map(f).collect() }
}

/// Maps `f` over owned `items`, in parallel when there are enough of them.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < MIN_PARALLEL { items.into_iter().map(f).collect() } else { items.into_par_iter().map(f).collect() }
}

/// Runs `first` and `second`, side by side when a thread is free.
pub fn join<A: Send, B: Send>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B + Send) -> (A, B) {
    rayon::join(first, second)
}
