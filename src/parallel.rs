//! Work shared out over every core, the results in the order of the input,
//! whatever order the threads finish in: output never depends on timing.

use std::sync::Mutex;

/// Items handed to a thread at a time: enough to make the shared queue
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
/// write or read, a rule to check over a large plan): handed out one at a
/// time.
pub fn map_each<T, R, F>(items: &[T], worth_it: bool, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    map_by(items, 1, worth_it, work)
}

/// `map`, each item lent to change (a file's text, let go once parsed).
pub fn map_mut<T, R, F>(items: &mut [T], worth_it: bool, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(usize, &mut T) -> R + Sync,
{
    let threads = threads(items.len(), CHUNK, worth_it);
    run(numbered(items.chunks_mut(CHUNK), CHUNK), threads, work)
}

fn map_by<T, R, F>(items: &[T], chunk: usize, worth_it: bool, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let threads = threads(items.len(), chunk, worth_it);
    run(numbered(items.chunks(chunk), chunk), threads, work)
}

/// Each chunk with the index of its first item.
fn numbered<C>(chunks: impl Iterator<Item = C>, chunk: usize) -> Vec<(usize, C)> {
    chunks.enumerate().map(|(k, c)| (k * chunk, c)).collect()
}

/// How many threads `items` in chunks of `chunk` are worth.
fn threads(items: usize, chunk: usize, worth_it: bool) -> usize {
    if !worth_it {
        return 1;
    }
    cores().min(items.div_ceil(chunk))
}

/// Every core, or as many as `CTG_THREADS` allows (a machine shared with
/// other work); what is computed never depends on it.
pub fn cores() -> usize {
    cores_allowed(std::env::var("CTG_THREADS").ok().as_deref())
}

/// The threads `CTG_THREADS` allows when it is `asked`: a whole number
/// above 0, else every core.
fn cores_allowed(asked: Option<&str>) -> usize {
    match asked.and_then(|n| n.trim().parse::<usize>().ok()) {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// `work` on every item of `chunks` (each with the index of its first
/// item): on this thread alone, or taken a chunk at a time from a shared
/// queue by `threads` threads, the results put back in order.
fn run<C, R, F>(chunks: Vec<(usize, C)>, threads: usize, work: F) -> Vec<R>
where
    C: IntoIterator + Send,
    R: Send,
    F: Fn(usize, C::Item) -> R + Sync,
{
    let one = |(start, chunk): (usize, C)| {
        let items = chunk.into_iter().enumerate();
        items
            .map(|(i, item)| work(start + i, item))
            .collect::<Vec<R>>()
    };
    if threads <= 1 {
        return chunks.into_iter().flat_map(one).collect();
    }
    let queue = Mutex::new(chunks.into_iter());
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        // The lock is held only to take the next chunk.
                        let next = queue.lock().ok().and_then(|mut queue| queue.next());
                        let Some((start, chunk)) = next else {
                            break;
                        };
                        done.push((start, one((start, chunk))));
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
    done.sort_unstable_by_key(|(start, _)| *start);
    // Sized once: a vector grown by doubling would copy large results again.
    let mut results = Vec::with_capacity(done.iter().map(|(_, r)| r.len()).sum());
    done.into_iter()
        .for_each(|(_, chunk)| results.extend(chunk));
    results
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
        let mut lent = items.clone();
        let old = map_mut(&mut lent, true, |i, n| {
            assert_eq!(i, *n);
            *n *= *n;
            i
        });
        assert_eq!((lent, old), (squares, items));
    }

    /// `CTG_THREADS` caps the threads: a run never starts more than it is
    /// given, and the variable gives its number, or every core for
    /// anything but a whole number above 0.
    #[test]
    fn the_threads_are_capped() {
        let every = std::thread::available_parallelism().map_or(1, |n| n.get());
        for (asked, allowed) in [
            (Some("1"), 1),
            (Some(" 3 "), 3),
            (Some("64"), 64),
            (Some("0"), every),
            (Some("-2"), every),
            (Some("deux"), every),
            (Some(""), every),
            (None, every),
        ] {
            assert_eq!(cores_allowed(asked), allowed, "{asked:?}");
        }
        let items: Vec<usize> = (0..64).collect();
        for threads in [1, 2, 3] {
            let chunks = numbered(items.chunks(1), 1);
            let ids = run(chunks, threads, |_, _: &usize| {
                // Long enough that every thread started takes a chunk.
                std::thread::sleep(std::time::Duration::from_millis(2));
                std::thread::current().id()
            });
            let distinct: std::collections::HashSet<_> = ids.into_iter().collect();
            assert!(distinct.len() <= threads, "{threads} threads: {distinct:?}");
            assert!(
                threads == 1 || distinct.len() > 1,
                "{threads} threads: one worked"
            );
        }
    }
}
