//! The form a compiled template is frozen in: takes nothing and gives the serde shapes that
//! mirror Handlebars' [`Template`](handlebars::template::Template), shared by the build script
//! (which compiles every template of the built-in library and freezes it, see `build.rs`) and
//! by [`super::frozen`] (which thaws one when a contract needs it).
//!
//! Handlebars' own template types cannot be serialised, and two of their parts cannot be
//! named outside the crate: the `Rule` of a path segment such as `../` or `@root`, and the
//! flag that says a block helper stands on a line of its own. This form names both in its
//! own terms ([`Seg::Up`], [`Helper::indent_before_write`]); the thawing side rebuilds them
//! through Handlebars' public constructors.
//!
//! This file is compiled twice, into the build script and into the library, so it uses
//! nothing but `serde`.

use serde::{Deserialize, Serialize};

/// A template: its elements and the line and column each one starts at.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) struct Frozen {
    pub(crate) name: Option<String>,
    pub(crate) elements: Vec<Element>,
    pub(crate) mapping: Vec<(usize, usize)>,
}

/// One element of a template.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) enum Element {
    Raw(String),
    /// `{{{x}}}`: written without escaping.
    Html(Box<Helper>),
    /// `{{x}}`.
    Expression(Box<Helper>),
    /// `{{#x}}…{{/x}}`.
    Block(Box<Helper>),
}

/// A helper call, a path or a block, as Handlebars' `HelperTemplate` holds it.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) struct Helper {
    pub(crate) name: Param,
    pub(crate) params: Vec<Param>,
    pub(crate) hash: Vec<(String, Param)>,
    pub(crate) block_param: Option<BlockParam>,
    pub(crate) template: Option<Frozen>,
    pub(crate) inverse: Option<Frozen>,
    pub(crate) block: bool,
    pub(crate) chain: bool,
    pub(crate) indent_before_write: bool,
}

/// `as |x|` or `as |x y|` after a block helper.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) enum BlockParam {
    Single(Param),
    Pair(Param, Param),
}

/// A helper's name, a parameter or a hash value.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) enum Param {
    Name(String),
    /// A relative path (`a.b`, `../a`, `@root.a`): its segments and the path as written.
    Relative(Vec<Seg>, String),
    /// A local variable (`@index`, `../@first`): how many levels up, its name, as written.
    Local(usize, String, String),
    /// A literal, as JSON text (the JSON value itself is not self-describing in every
    /// serde format).
    Literal(String),
    /// `(helper a b)`.
    Subexpression(Box<Element>),
}

/// One segment of a relative path.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub(crate) enum Seg {
    Named(String),
    /// `../`
    Up,
    /// `@root`
    Root,
}
