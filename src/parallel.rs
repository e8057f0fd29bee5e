//! Spreads the work of loading a large file over the machine's cores (two here): pure
//! per-item work split into chunks, and reading a file overlapped with building from it.
//! Both give exactly the result of doing the same work in order on one thread.

use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;

/// Below this many items a second thread costs more than it saves.
const MIN_ITEMS_PER_THREAD: usize = 4096;
/// Items handed from the reader to the builder at a time.
const BATCH_ITEMS: usize = 1024;
/// Batches the reader may be ahead of the builder.
const BATCHES_IN_FLIGHT: usize = 8;

/// `items.iter().map(f).collect()`, with the items split into one chunk per core.
pub fn map_in_parallel<T, U, F>(items: &[T], f: F) -> Vec<U>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync,
{
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let threads = cores.min(items.len() / MIN_ITEMS_PER_THREAD).max(1);
    if threads == 1 {
        return items.iter().map(&f).collect();
    }
    let chunk_len = items.len().div_ceil(threads);
    let mut chunks = items.chunks(chunk_len);
    let first = chunks.next().unwrap_or_default();
    let f = &f;
    thread::scope(|scope| {
        let others: Vec<_> = chunks
            .map(|chunk| {
                let work = move || chunk.iter().map(f).collect::<Vec<U>>();
                (chunk, thread::Builder::new().spawn_scoped(scope, work))
            })
            .collect();
        let mut mapped: Vec<U> = Vec::with_capacity(items.len());
        mapped.extend(first.iter().map(f));
        for (chunk, handle) in others {
            match handle {
                Ok(handle) => match handle.join() {
                    Ok(part) => mapped.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                // No thread to be had: this one does the chunk.
                Err(_) => mapped.extend(chunk.iter().map(f)),
            }
        }
        mapped
    })
}

/// Frees `value` on a thread of its own, so that whoever let go of it need not wait (freeing a
/// hundred thousand strings takes tens of milliseconds). Frees it here if no thread can start.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = thread::Builder::new()
        .name("free memory".to_owned())
        .spawn(move || drop(value));
}

/// Where a reader puts the items it has read, for the builder on the other thread.
pub struct ItemSender<T> {
    batch: Vec<T>,
    channel: Option<SyncSender<Vec<T>>>,
    /// Without a second thread, everything is kept for the builder to take afterwards.
    kept: Option<Vec<T>>,
}

/// The builder stopped taking items (it gave up on the file).
#[derive(Debug)]
pub struct BuilderStopped;

impl<T> ItemSender<T> {
    /// Hands over one item; `Err` once the builder has stopped, so the reader can stop too.
    pub fn send(&mut self, item: T) -> Result<(), BuilderStopped> {
        if let Some(kept) = &mut self.kept {
            kept.push(item);
            return Ok(());
        }
        self.batch.push(item);
        if self.batch.len() >= BATCH_ITEMS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), BuilderStopped> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ITEMS));
        match &self.channel {
            Some(channel) => channel.send(full).map_err(|_| BuilderStopped),
            None => Err(BuilderStopped),
        }
    }
}

/// Runs `read` on this thread and `build` on another, `build` taking the items `read` sends
/// in the order they were sent while `read` goes on reading. Returns both results.
pub fn read_while_building<T, R, B, Build>(
    read: impl FnOnce(&mut ItemSender<T>) -> R,
    build: Build,
) -> (R, B)
where
    T: Send,
    B: Send,
    Build: FnOnce(&mut dyn Iterator<Item = T>) -> B + Send,
{
    thread::scope(|scope| {
        let (channel, receiver): (SyncSender<Vec<T>>, Receiver<Vec<T>>) =
            sync_channel(BATCHES_IN_FLIGHT);
        // `build` goes to the thread once it exists, so that it is still here if none can be made.
        let (build_sender, build_receiver) = sync_channel::<Build>(1);
        let spawned = thread::Builder::new()
            .name("file-builder".to_owned())
            .spawn_scoped(scope, move || {
                let build = build_receiver.recv().ok()?;
                Some(build(&mut receiver.into_iter().flatten()))
            });
        let handle = match spawned {
            Ok(handle) => match build_sender.send(build) {
                Ok(()) => handle,
                Err(returned) => return read_then_build(read, returned.0),
            },
            Err(_) => return read_then_build(read, build),
        };
        let mut sender = ItemSender {
            batch: Vec::with_capacity(BATCH_ITEMS),
            channel: Some(channel),
            kept: None,
        };
        let read_result = read(&mut sender);
        let _ = sender.flush();
        // Closing the channel ends the builder's items.
        drop(sender);
        match handle.join() {
            Ok(Some(built)) => (read_result, built),
            Ok(None) => unreachable!("the builder always receives its work"),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// [`read_while_building`] on one thread.
fn read_then_build<T, R, B>(
    read: impl FnOnce(&mut ItemSender<T>) -> R,
    build: impl FnOnce(&mut dyn Iterator<Item = T>) -> B,
) -> (R, B) {
    let mut sender = ItemSender {
        batch: Vec::new(),
        channel: None,
        kept: Some(Vec::new()),
    };
    let read_result = read(&mut sender);
    let items = sender.kept.take().unwrap_or_default();
    (read_result, build(&mut items.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parallel_map_keeps_the_order_of_the_items() {
        let items: Vec<u64> = (0..20_000).collect();
        let doubled = map_in_parallel(&items, |item| item * 2);
        assert_eq!(
            doubled,
            items.iter().map(|item| item * 2).collect::<Vec<_>>()
        );
        assert_eq!(
            map_in_parallel(&[] as &[u64], |item| *item),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn the_builder_gets_every_item_in_the_order_it_was_read() {
        let (read_count, built) = read_while_building(
            |sender| {
                for item in 0..5_000_u32 {
                    sender.send(item).expect("the builder takes everything");
                }
                5_000
            },
            |items| items.collect::<Vec<u32>>(),
        );
        assert_eq!(read_count, 5_000);
        assert_eq!(built, (0..5_000).collect::<Vec<_>>());
    }

    #[test]
    fn a_builder_that_stops_stops_the_reader() {
        let (sent, built) = read_while_building(
            |sender| {
                (0..1_000_000_u32)
                    .take_while(|item| sender.send(*item).is_ok())
                    .count()
            },
            |items| items.take(10).sum::<u32>(),
        );
        assert_eq!(built, 45);
        assert!(
            sent < 1_000_000,
            "the reader went on after the builder stopped"
        );
    }

    #[test]
    fn one_thread_gives_the_same_result() {
        let (read_count, built) = read_then_build(
            |sender| {
                for item in 0..3_u32 {
                    let _ = sender.send(item);
                }
                3
            },
            |items| items.collect::<Vec<u32>>(),
        );
        assert_eq!((read_count, built), (3, vec![0, 1, 2]));
    }
}
