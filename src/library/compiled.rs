//! A clause body's template: takes the body's Handlebars source and gives its [`Template`],
//! compiled at load when the library is checked, or on first use when it is trusted.
//!
//! Checking a library compiles every body, since a body that does not compile is an error to
//! report. The built-in library is checked by the tests and by `check` in CI, byte for byte
//! as it is embedded; a `build` from it renders only the clauses the answers include, in the
//! contract's languages, so it compiles only those (see [`super::built_in`]), and a body
//! the build script compiled already is thawed rather than compiled (see [`super::frozen`]).

use std::fmt;
use std::num::NonZero;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use handlebars::template::Template;

/// A body's template, compiled now or when it is first read. Clones share the template, so
/// a clause compiled for one contract is compiled for every copy of the library in the
/// process; a clone that changes its template (American spelling) gets its own copy first.
#[derive(Clone)]
pub struct Compiled {
    /// The body as written, compiled on first use when `template` is empty.
    source: Arc<str>,
    template: Arc<OnceLock<Template>>,
}

impl Compiled {
    /// A template already compiled (and checked) from `source`.
    pub(crate) fn now(source: impl Into<Arc<str>>, template: Template) -> Self {
        Compiled {
            source: source.into(),
            template: Arc::new(OnceLock::from(template)),
        }
    }

    /// The template of `source`, compiled when first read. Only for a body known to compile:
    /// one of the built-in library, which the tests load and check in full.
    pub(crate) fn later(source: impl Into<Arc<str>>) -> Self {
        Compiled {
            source: source.into(),
            template: Arc::new(OnceLock::new()),
        }
    }

    /// Whether the template has been compiled yet.
    #[must_use]
    pub fn is_compiled(&self) -> bool {
        self.template.get().is_some()
    }

    fn get(&self) -> &Template {
        self.template.get_or_init(|| {
            super::frozen::compile(&self.source).unwrap_or_else(|error| {
                panic!(
                    "a built-in clause body does not compile (the tests check every one): {error}"
                )
            })
        })
    }
}

/// Compiles (or thaws) each of `templates` not compiled yet, on as many cores as the machine
/// has: the first contract a process renders needs all its clauses' templates at once. A
/// template another thread is compiling is waited for, not compiled twice.
pub(crate) fn compile_all(templates: &[&Compiled]) {
    let pending: Vec<&Compiled> = templates
        .iter()
        .copied()
        .filter(|t| !t.is_compiled())
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, NonZero::get);
    let workers = cores.min(pending.len());
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(template) = pending.get(next.fetch_add(1, Ordering::Relaxed)) {
            template.get();
        }
    };
    if workers < 2 {
        work();
        return;
    }
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
}

impl Deref for Compiled {
    type Target = Template;

    fn deref(&self) -> &Template {
        self.get()
    }
}

impl DerefMut for Compiled {
    fn deref_mut(&mut self) -> &mut Template {
        self.get();
        Arc::make_mut(&mut self.template)
            .get_mut()
            .expect("the template was compiled by the line above")
    }
}

impl fmt::Debug for Compiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.template.get() {
            Some(template) => template.fmt(f),
            None => f.write_str("Compiled(later)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_template_compiles_on_first_read_as_a_template_compiled_now() {
        let source = "The Client pays {{money fees.total}} within {{words payment.due_days}} days.";
        let later = Compiled::later(source);
        assert!(!later.is_compiled());
        let now = Compiled::now(source, Template::compile(source).unwrap());
        assert_eq!(
            format!("{:?}", later.elements),
            format!("{:?}", now.elements)
        );
        assert!(later.is_compiled());
    }

    #[test]
    fn compile_all_compiles_every_pending_template_as_one_read_would() {
        let sources = [
            "First {{a}} clause.",
            "Second {{#if b}}yes{{else}}no{{/if}} clause.",
            "Third clause without a tag.",
        ];
        let later: Vec<Compiled> = sources.iter().map(|s| Compiled::later(*s)).collect();
        let already = Compiled::later("Fourth {{d}}.");
        already.get();
        let mut all: Vec<&Compiled> = later.iter().collect();
        all.push(&already);
        compile_all(&all);
        for (template, source) in later.iter().zip(sources) {
            assert!(template.is_compiled(), "{source}");
            assert_eq!(
                format!("{:?}", template.elements),
                format!("{:?}", Template::compile(source).unwrap().elements)
            );
        }
    }

    #[test]
    fn clones_share_one_compilation_until_one_is_changed() {
        let later = Compiled::later("Prose {{x}} and more prose after it.");
        let mut copy = later.clone();
        assert_eq!(later.elements.len(), 3);
        assert!(copy.is_compiled(), "compiled once for both");
        copy.elements.pop();
        assert_eq!(copy.elements.len(), 2);
        assert_eq!(later.elements.len(), 3, "the change stays in the copy");
    }
}
