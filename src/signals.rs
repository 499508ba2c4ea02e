//! Signals: takes SIGINT, SIGTERM and SIGHUP and returns whether one arrived while files were
//! being written.
//!
//! Outside a write the signals keep their default action (the process ends at once: nothing is
//! half-written). While [`Writing`] is alive a signal is only recorded, so the write in progress
//! can remove its temporary files, restore what it replaced and report exit code 130.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The two flags the signal handlers share with the writer.
struct Flags {
    /// True outside a write: a signal then runs its default action.
    idle: Arc<AtomicBool>,
    /// Set by any of the signals.
    caught: Arc<AtomicBool>,
    /// How many writes are under way (tests write from several threads).
    writers: Mutex<usize>,
}

fn flags() -> &'static Flags {
    static FLAGS: OnceLock<Flags> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let flags = Flags {
            idle: Arc::new(AtomicBool::new(true)),
            caught: Arc::new(AtomicBool::new(false)),
            writers: Mutex::new(0),
        };
        #[cfg(unix)]
        let signals = [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ];
        #[cfg(not(unix))]
        let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
        for signal in signals {
            // Registration fails only for signals that cannot be caught; these three can. If it
            // ever failed, the signal would keep its default action, which loses no file either.
            let _ = signal_hook::flag::register_conditional_default(signal, flags.idle.clone());
            let _ = signal_hook::flag::register(signal, flags.caught.clone());
        }
        flags
    })
}

/// While alive, a signal is recorded instead of ending the process. Writers ask
/// [`Writing::interrupted`] between steps.
pub(crate) struct Writing(());

impl Writing {
    /// Starts recording signals.
    pub(crate) fn start() -> Self {
        let flags = flags();
        let mut writers = flags
            .writers
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *writers == 0 {
            flags.caught.store(false, Ordering::SeqCst);
        }
        *writers += 1;
        flags.idle.store(false, Ordering::SeqCst);
        Writing(())
    }

    /// Whether a signal arrived since [`Writing::start`].
    #[allow(clippy::unused_self)] // Only a live guard can be asked.
    pub(crate) fn interrupted(&self) -> bool {
        flags().caught.load(Ordering::SeqCst)
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        let flags = flags();
        let mut writers = flags
            .writers
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *writers = writers.saturating_sub(1);
        if *writers == 0 {
            flags.idle.store(true, Ordering::SeqCst);
        }
    }
}

/// Held by every test that writes or raises a signal, so a signal raised by one test is never
/// seen by another test's write.
#[cfg(test)]
pub(crate) static TEST_LOCK: Mutex<()> = Mutex::new(());

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_signal_during_a_write_is_recorded_not_fatal() {
        let _serial = TEST_LOCK
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let writing = Writing::start();
        assert!(!writing.interrupted());
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        assert!(
            writing.interrupted(),
            "the write is told, the process lives on"
        );
        drop(writing);
        let again = Writing::start();
        assert!(!again.interrupted(), "each write starts afresh");
    }
}
