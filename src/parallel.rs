//! Work shared out over every core, the results in the order of the input,
//! whatever order the threads finish in: output never depends on timing.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Items handed to a thread at a time: enough to make the shared counter
/// cheap, few enough that the threads finish together.
const CHUNK: usize = 16;

/// `work` applied to every item with its index, in order. The items are
/// shared out over every core when `worth_it` (starting threads costs more
/// than a small plan takes to read); otherwise, and on one core, in turn.
pub fn map<T, R, F>(items: &[T], worth_it: bool, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    map_by(items, CHUNK, worth_it, work)
}

/// `map` for a few items, each a large piece of work (a workbook to
/// write or read): handed out one at a time.
pub fn map_each<T, R, F>(items: &[T], work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    map_by(items, 1, items.len() > 1, work)
}

fn map_by<T, R, F>(items: &[T], chunk: usize, worth_it: bool, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let threads = if worth_it {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(items.len().div_ceil(chunk))
    } else {
        1
    };
    if threads <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| work(i, item))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut chunks: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(chunk, Ordering::Relaxed);
                        let Some(chunk) = items.get(start..(start + chunk).min(items.len())) else {
                            break;
                        };
                        if chunk.is_empty() {
                            break;
                        }
                        let results = chunk
                            .iter()
                            .enumerate()
                            .map(|(i, item)| work(start + i, item))
                            .collect();
                        done.push((start, results));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    chunks.sort_unstable_by_key(|(start, _)| *start);
    chunks
        .into_iter()
        .flat_map(|(_, results)| results)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        let squares = map(&items, true, |i, n| {
            assert_eq!(i, *n);
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert_eq!(map(&items[..3], false, |_, n| *n), [0, 1, 2]);
        assert!(map(&[] as &[usize], true, |_, n| *n).is_empty());
    }
}
