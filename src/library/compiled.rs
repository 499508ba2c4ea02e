//! A clause body's template: takes the body's Handlebars source and gives its [`Template`],
//! compiled at load when the library is checked, or on first use when it is trusted.
//!
//! Checking a library compiles every body, since a body that does not compile is an error to
//! report. The built-in library is checked by the tests and by `check` in CI, byte for byte
//! as it is embedded; a `build` from it renders only the clauses the answers include, in the
//! contract's languages, so it compiles only those (see [`super::built_in`]), and a body
//! the build script compiled already is thawed rather than compiled (see [`super::frozen`]).

use std::borrow::Cow;
use std::fmt;
use std::num::NonZero;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use handlebars::template::{Template, TemplateElement};

/// A body's template, compiled now or when it is first read. Clones share the template, so
/// a clause compiled for one contract is compiled for every copy of the library in the
/// process; they share its American spelling too.
#[derive(Clone)]
pub struct Compiled {
    /// The body as written, compiled on first use when `template` is empty.
    source: Arc<str>,
    template: Arc<OnceLock<Template>>,
    /// The template with its own words in American spelling, made on first use: none when
    /// respelling changes no word of it (the template itself serves).
    american: Arc<OnceLock<Option<Template>>>,
}

impl Compiled {
    /// A template already compiled (and checked) from `source`.
    pub(crate) fn now(source: impl Into<Arc<str>>, template: Template) -> Self {
        Compiled {
            source: source.into(),
            template: Arc::new(OnceLock::from(template)),
            american: Arc::default(),
        }
    }

    /// The template of `source`, compiled when first read. Only for a body known to compile:
    /// one of the built-in library, which the tests load and check in full.
    pub(crate) fn later(source: impl Into<Arc<str>>) -> Self {
        Compiled {
            source: source.into(),
            template: Arc::new(OnceLock::new()),
            american: Arc::default(),
        }
    }

    /// Whether the template has been compiled yet.
    #[must_use]
    pub fn is_compiled(&self) -> bool {
        self.template.get().is_some()
    }

    /// The template with its own words respelled by `respell`. A template the build froze is
    /// thawed afresh and respelled in place (the template as written is then never made,
    /// unless respelling changes nothing); any other is compiled and respelled in a copy.
    pub(crate) fn respelled(&self, respell: Respell) -> &Template {
        self.american
            .get_or_init(|| match super::frozen::thawed(&self.source) {
                Some(mut thawed) => {
                    if changes(&thawed, respell) {
                        respell_in(&mut thawed, respell);
                        Some(thawed)
                    } else {
                        // The template as written, thawed once for both.
                        let _ = self.template.set(thawed);
                        None
                    }
                }
                None => respelled_copy(self.get(), respell),
            })
            .as_ref()
            .unwrap_or_else(|| self.get())
    }

    /// Whether [`Compiled::respelled`] has been made yet.
    fn is_respelled(&self) -> bool {
        self.american.get().is_some()
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
pub(crate) fn compile_all(templates: &[&Compiled], respell: Option<Respell>) {
    let pending: Vec<&Compiled> = templates
        .iter()
        .copied()
        .filter(|t| match respell {
            Some(_) => !t.is_respelled(),
            None => !t.is_compiled(),
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, NonZero::get);
    let workers = cores.min(pending.len());
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(template) = pending.get(next.fetch_add(1, Ordering::Relaxed)) {
            match respell {
                Some(respell) => template.respelled(respell),
                None => template.get(),
            };
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

/// Respells the library's own words (the literal text of a template, never an inserted
/// value): `format::american`, passed in by the renderer.
pub(crate) type Respell = for<'a> fn(&'a str) -> Cow<'a, str>;

/// `template` with its own words respelled, in a copy; none when no word changes.
fn respelled_copy(template: &Template, respell: Respell) -> Option<Template> {
    changes(template, respell).then(|| {
        let mut copy = template.clone();
        respell_in(&mut copy, respell);
        copy
    })
}

/// Whether `respell` changes any of the template's own words: its literal text and that of
/// its blocks, never a value.
fn changes(template: &Template, respell: Respell) -> bool {
    template.elements.iter().any(|element| match element {
        TemplateElement::RawString(text) => matches!(respell(text), Cow::Owned(_)),
        TemplateElement::HelperBlock(block) => block
            .template
            .iter()
            .chain(block.inverse.iter())
            .any(|inner| changes(inner, respell)),
        _ => false,
    })
}

/// Respells the template's own words in place (see [`changes`]).
fn respell_in(template: &mut Template, respell: Respell) {
    for element in &mut template.elements {
        match element {
            TemplateElement::RawString(text) => {
                if let Cow::Owned(changed) = respell(text) {
                    *text = changed;
                }
            }
            TemplateElement::HelperBlock(block) => {
                for inner in block.template.iter_mut().chain(block.inverse.iter_mut()) {
                    respell_in(inner, respell);
                }
            }
            _ => {}
        }
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
        compile_all(&all, None);
        for (template, source) in later.iter().zip(sources) {
            assert!(template.is_compiled(), "{source}");
            assert_eq!(
                format!("{:?}", template.elements),
                format!("{:?}", Template::compile(source).unwrap().elements)
            );
        }
    }

    fn shout(text: &str) -> Cow<'_, str> {
        if text.contains("colour") {
            Cow::Owned(text.replace("colour", "color"))
        } else {
            Cow::Borrowed(text)
        }
    }

    #[test]
    fn respelling_changes_the_own_words_of_a_template_and_never_a_value() {
        let source = "The colour {{colour}}{{#if x}} in colour{{else}}grey{{/if}}.";
        let compiled = Compiled::later(source);
        let american = compiled.respelled(shout);
        let mut expected = Template::compile(source).unwrap();
        let TemplateElement::RawString(first) = &mut expected.elements[0] else {
            panic!("{:?}", expected.elements)
        };
        *first = "The color ".into();
        let TemplateElement::HelperBlock(block) = &mut expected.elements[2] else {
            panic!("{:?}", expected.elements)
        };
        let inner = block.template.as_mut().unwrap();
        let TemplateElement::RawString(text) = &mut inner.elements[0] else {
            panic!("{:?}", inner.elements)
        };
        *text = " in color".into();
        assert_eq!(
            format!("{:?}", american.elements),
            format!("{:?}", expected.elements)
        );
        // The template as written is unchanged, and a clone shares the respelling.
        assert!(format!("{:?}", compiled.elements).contains("The colour "));
        assert!(compiled.clone().is_respelled());
    }

    /// A respelling that changes many words: every "the" becomes "THE".
    fn loud(text: &str) -> Cow<'_, str> {
        if text.contains("the") {
            Cow::Owned(text.replace("the", "THE"))
        } else {
            Cow::Borrowed(text)
        }
    }

    #[test]
    fn every_built_in_template_respelled_as_it_thaws_is_the_compiled_one_respelled() {
        let mut changed = 0;
        for text in super::super::frozen::texts() {
            let thawed = Compiled::later(text);
            let compiled = super::super::fold::compile(text).unwrap();
            let expected = respelled_copy(&compiled, loud);
            changed += usize::from(expected.is_some());
            let expected = expected.as_ref().unwrap_or(&compiled);
            let got = thawed.respelled(loud);
            assert_eq!(
                format!("{:?}", got.elements),
                format!("{:?}", expected.elements),
                "{text}"
            );
            assert_eq!(got.mapping, expected.mapping, "{text}");
        }
        assert!(changed > 50, "{changed}");
    }

    #[test]
    fn a_template_respelling_does_not_change_is_its_own_respelling() {
        let compiled = Compiled::later("Grey {{colour}} text.");
        let american: &Template = compiled.respelled(shout);
        assert!(std::ptr::eq(american, std::ptr::from_ref(&*compiled)));
    }
}
