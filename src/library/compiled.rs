//! A clause body's template: takes the body's Handlebars source and gives its [`Template`],
//! compiled at load when the library is checked, or on first use when it is trusted.
//!
//! Checking a library compiles every body, since a body that does not compile is an error to
//! report. The built-in library is checked by the tests and by `check` in CI, byte for byte
//! as it is embedded; a `build` from it renders only the clauses the answers include, in the
//! contract's languages, so it compiles only those (see [`super::built_in`]).

use std::fmt;
use std::ops::{Deref, DerefMut};
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
    pub(crate) fn now(source: &str, template: Template) -> Self {
        Compiled {
            source: source.into(),
            template: Arc::new(OnceLock::from(template)),
        }
    }

    /// The template of `source`, compiled when first read. Only for a body known to compile:
    /// one of the built-in library, which the tests load and check in full.
    pub(crate) fn later(source: &str) -> Self {
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
            super::fold::compile(&self.source).unwrap_or_else(|error| {
                panic!(
                    "a built-in clause body does not compile (the tests check every one): {error}"
                )
            })
        })
    }
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
