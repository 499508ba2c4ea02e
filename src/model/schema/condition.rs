//! The `when` condition language: takes a condition's text and returns a parsed [`Condition`],
//! which is type-checked against the declarations and evaluated against the answers.
//!
//! ```text
//! condition  := or
//! or         := and ("or" and)*
//! and        := unary ("and" unary)*
//! unary      := "not" unary | comparison
//! comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand)?
//! operand    := key | "string" | number | true | false | "(" condition ")"
//! ```
//!
//! A bare key is true when it is answered and is not `false`, zero or empty.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Question, Type};
use crate::model::value::Value;

/// A parsed condition, with the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The source text, as written in the file.
    pub source: String,
    expr: Expr,
}

/// A problem in a condition, at a byte offset of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    /// Byte offset in the condition's text.
    pub offset: usize,
    /// How many bytes the problem spans (at least one).
    pub len: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Operand(Operand),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Operand, Op, Operand),
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Key {
        name: String,
        offset: usize,
    },
    Literal {
        value: Literal,
        offset: usize,
        len: usize,
    },
    Group(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
enum Literal {
    Text(String),
    Number(Decimal),
    Bool(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    fn is_ordering(self) -> bool {
        !matches!(self, Op::Eq | Op::Ne)
    }

    fn holds(self, ordering: Ordering) -> bool {
        match self {
            Op::Eq => ordering == Ordering::Equal,
            Op::Ne => ordering != Ordering::Equal,
            Op::Lt => ordering == Ordering::Less,
            Op::Le => ordering != Ordering::Greater,
            Op::Gt => ordering == Ordering::Greater,
            Op::Ge => ordering != Ordering::Less,
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// The most tokens a condition may hold: a tree of at most this many nodes, so evaluating and
/// dropping it never recurses deeper than this.
pub const MAX_TOKENS: usize = 256;
/// The deepest nesting of `(` and `not` a condition may have: the parser recurses once a level.
pub const MAX_DEPTH: usize = 32;

/// The condition of a `defaults:` entry written without `when:`: it always holds.
const ALWAYS: &str = "true == true";

impl Condition {
    /// The condition that always holds: that of a default given without `when:`, the last
    /// of a question's `defaults:`.
    ///
    /// # Panics
    /// Never: `true == true` is a valid condition (a test parses it).
    #[must_use]
    pub fn always() -> Self {
        Condition::parse(ALWAYS).expect("`true == true` parses")
    }

    /// Whether this is [`Condition::always`]: the default it guards is the one left when no
    /// other applies.
    #[must_use]
    pub fn is_always(&self) -> bool {
        self.source == ALWAYS
    }

    /// Parses a condition.
    pub fn parse(source: &str) -> Result<Self, ConditionError> {
        let tokens = tokenize(source)?;
        if let Some(token) = tokens.get(MAX_TOKENS) {
            return Err(ConditionError {
                offset: token.offset,
                len: token.len,
                message: format!(
                    "a condition holds at most {MAX_TOKENS} words, values and operators; split it into declared keys"
                ),
            });
        }
        let mut parser = Parser {
            tokens: &tokens,
            position: 0,
            end: source.len(),
            depth: 0,
        };
        let expr = parser.or()?;
        if let Some(token) = parser.peek() {
            return Err(ConditionError {
                offset: token.offset,
                len: token.len,
                message: format!(
                    "unexpected `{}` after a complete condition",
                    token.text(source)
                ),
            });
        }
        Ok(Self {
            source: source.to_owned(),
            expr,
        })
    }

    /// Every key the condition reads, with its byte offset.
    #[must_use]
    pub fn keys(&self) -> Vec<(&str, usize)> {
        let mut keys = Vec::new();
        collect_keys(&self.expr, &mut keys);
        keys
    }

    /// Type-checks the condition: every key declared, every comparison between compatible types.
    #[must_use]
    pub fn check<'a>(&self, lookup: impl Fn(&str) -> Option<&'a Question>) -> Vec<ConditionError> {
        let mut errors = Vec::new();
        check_expr(&self.expr, &lookup, &mut errors);
        errors
    }

    /// Evaluates the condition; an unanswered key is false and equal to nothing.
    #[must_use]
    pub fn eval<'a>(&self, lookup: impl Fn(&str) -> Option<&'a Value>) -> bool {
        eval_expr(&self.expr, &lookup)
    }

    /// The keys whose answers make the condition hold or fail as it stands, each once, in
    /// order: what a summary names to say why a clause was left out (`relationship` for
    /// `relationship != "first-time"`; only `credit.line` for `credit.line and x` when
    /// `credit.line` is unanswered).
    #[must_use]
    pub fn deciding_keys<'a>(&self, lookup: impl Fn(&str) -> Option<&'a Value>) -> Vec<&str> {
        let mut keys = Vec::new();
        deciding_keys(&self.expr, &lookup, &mut keys);
        let mut seen = std::collections::BTreeSet::new();
        keys.retain(|key| seen.insert(*key));
        keys
    }
}

/// The keys whose answers decide `expr`'s value as it stands, in order: of an `and` that
/// fails, the parts that fail; of an `or` that holds, the parts that hold; of anything else,
/// every key it reads.
fn deciding_keys<'e, 'a>(
    expr: &'e Expr,
    lookup: &dyn Fn(&str) -> Option<&'a Value>,
    keys: &mut Vec<&'e str>,
) {
    let all = |expr: &'e Expr, keys: &mut Vec<&'e str>| {
        let mut found = Vec::new();
        collect_keys(expr, &mut found);
        keys.extend(found.into_iter().map(|(key, _)| key));
    };
    match expr {
        Expr::Operand(Operand::Group(inner)) | Expr::Not(inner) => {
            deciding_keys(inner, lookup, keys);
        }
        Expr::And(a, b) | Expr::Or(a, b) => {
            let is_and = matches!(expr, Expr::And(..));
            let (held_a, held_b) = (eval_expr(a, lookup), eval_expr(b, lookup));
            // The parts whose value is the whole's: they alone decide it.
            let deciding = |held: bool| held != is_and;
            if deciding(held_a) || deciding(held_b) {
                for (part, held) in [(a, held_a), (b, held_b)] {
                    if deciding(held) {
                        deciding_keys(part, lookup, keys);
                    }
                }
            } else {
                deciding_keys(a, lookup, keys);
                deciding_keys(b, lookup, keys);
            }
        }
        Expr::Operand(_) | Expr::Compare(..) => all(expr, keys),
    }
}

fn collect_keys<'e>(expr: &'e Expr, keys: &mut Vec<(&'e str, usize)>) {
    let operand = |operand: &'e Operand, keys: &mut Vec<(&'e str, usize)>| match operand {
        Operand::Key { name, offset } => keys.push((name, *offset)),
        Operand::Group(inner) => collect_keys(inner, keys),
        Operand::Literal { .. } => {}
    };
    match expr {
        Expr::Operand(o) => operand(o, keys),
        Expr::Not(inner) => collect_keys(inner, keys),
        Expr::And(a, b) | Expr::Or(a, b) => {
            collect_keys(a, keys);
            collect_keys(b, keys);
        }
        Expr::Compare(a, _, b) => {
            operand(a, keys);
            operand(b, keys);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum TokenKind {
    Key(String),
    Text(String),
    Number(Decimal),
    True,
    False,
    And,
    Or,
    Not,
    Op(Op),
    Open,
    Close,
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    offset: usize,
    len: usize,
}

impl Token {
    fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.offset..self.offset + self.len]
    }
}

#[allow(clippy::too_many_lines)] // one arm per token kind reads best as one match
fn tokenize(source: &str) -> Result<Vec<Token>, ConditionError> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => {
                i += 1;
                TokenKind::Open
            }
            b')' => {
                i += 1;
                TokenKind::Close
            }
            b'=' | b'!' | b'<' | b'>' => {
                let next = bytes.get(i + 1).copied();
                let (op, len) = match (c, next) {
                    (b'=', Some(b'=')) => (Op::Eq, 2),
                    (b'!', Some(b'=')) => (Op::Ne, 2),
                    (b'<', Some(b'=')) => (Op::Le, 2),
                    (b'>', Some(b'=')) => (Op::Ge, 2),
                    (b'<', _) => (Op::Lt, 1),
                    (b'>', _) => (Op::Gt, 1),
                    (b'=', _) => {
                        return Err(ConditionError {
                            offset: start,
                            len: 1,
                            message: "`=` is not an operator; compare with `==`".into(),
                        });
                    }
                    _ => {
                        return Err(ConditionError {
                            offset: start,
                            len: 1,
                            message: "`!` is not an operator; negate with `not`".into(),
                        });
                    }
                };
                i += len;
                TokenKind::Op(op)
            }
            b'"' => {
                let close = source[i + 1..].find('"').ok_or(ConditionError {
                    offset: start,
                    len: source.len() - start,
                    message: "this string has no closing `\"`".into(),
                })?;
                let text = source[i + 1..i + 1 + close].to_owned();
                i += close + 2;
                TokenKind::Text(text)
            }
            b'0'..=b'9' | b'-' => {
                let mut end = i + 1;
                while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
                    end += 1;
                }
                let text = &source[i..end];
                let number = Decimal::from_str(text).map_err(|_| ConditionError {
                    offset: start,
                    len: end - start,
                    message: format!("`{text}` is not a number"),
                })?;
                i = end;
                TokenKind::Number(number)
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let mut end = i + 1;
                while end < bytes.len()
                    && (bytes[end].is_ascii_alphanumeric()
                        || matches!(bytes[end], b'_' | b'.' | b'-'))
                {
                    end += 1;
                }
                let word = &source[i..end];
                i = end;
                match word {
                    "and" => TokenKind::And,
                    "or" => TokenKind::Or,
                    "not" => TokenKind::Not,
                    "true" => TokenKind::True,
                    "false" => TokenKind::False,
                    _ => TokenKind::Key(word.to_owned()),
                }
            }
            _ => {
                let ch = source[i..].chars().next().unwrap_or('?');
                let hint = match ch {
                    '&' => "; write `and`",
                    '|' => "; write `or`",
                    '\'' => "; strings take double quotes",
                    _ => "",
                };
                return Err(ConditionError {
                    offset: start,
                    len: ch.len_utf8(),
                    message: format!("unexpected character `{ch}`{hint}"),
                });
            }
        };
        tokens.push(Token {
            kind,
            offset: start,
            len: i - start,
        });
    }
    Ok(tokens)
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Parser<'t> {
    tokens: &'t [Token],
    position: usize,
    end: usize,
    /// How many `(` and `not` enclose the current token.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position)
    }

    fn next_is(&self, kind: &TokenKind) -> bool {
        self.peek().is_some_and(|t| &t.kind == kind)
    }

    /// Enters one level of nesting at `token`, refusing to go past [`MAX_DEPTH`].
    fn enter(&mut self, token: &Token) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ConditionError {
                offset: token.offset,
                len: token.len,
                message: format!(
                    "conditions nest at most {MAX_DEPTH} deep (each `(` and `not` is a level)"
                ),
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ConditionError> {
        let mut left = self.and()?;
        while self.next_is(&TokenKind::Or) {
            self.position += 1;
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut left = self.unary()?;
        while self.next_is(&TokenKind::And) {
            self.position += 1;
            let right = self.unary()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ConditionError> {
        if let Some(not) = self.peek().filter(|t| t.kind == TokenKind::Not).cloned() {
            self.position += 1;
            self.enter(&not)?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        let left = self.operand()?;
        if let Some(Token {
            kind: TokenKind::Op(op),
            ..
        }) = self.peek()
        {
            let op = *op;
            self.position += 1;
            let right = self.operand()?;
            return Ok(Expr::Compare(left, op, right));
        }
        Ok(Expr::Operand(left))
    }

    fn operand(&mut self) -> Result<Operand, ConditionError> {
        let Some(token) = self.peek().cloned() else {
            return Err(ConditionError {
                offset: self.end,
                len: 1,
                message: "the condition ends where a key or value was expected".into(),
            });
        };
        self.position += 1;
        let literal = |value| Operand::Literal {
            value,
            offset: token.offset,
            len: token.len,
        };
        Ok(match token.kind {
            TokenKind::Key(name) => Operand::Key {
                name,
                offset: token.offset,
            },
            TokenKind::Text(text) => literal(Literal::Text(text)),
            TokenKind::Number(number) => literal(Literal::Number(number)),
            TokenKind::True => literal(Literal::Bool(true)),
            TokenKind::False => literal(Literal::Bool(false)),
            TokenKind::Open => {
                self.enter(&token)?;
                let inner = self.or()?;
                self.depth -= 1;
                if !self.next_is(&TokenKind::Close) {
                    return Err(ConditionError {
                        offset: token.offset,
                        len: 1,
                        message: "this `(` is never closed".into(),
                    });
                }
                self.position += 1;
                Operand::Group(Box::new(inner))
            }
            _ => {
                return Err(ConditionError {
                    offset: token.offset,
                    len: token.len,
                    message: "expected a key or a value here".into(),
                });
            }
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Types

/// The kind of value a condition operand has, for type checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Date,
    Bool,
    List,
}

impl Kind {
    fn of(ty: Type) -> Self {
        match ty {
            Type::Text | Type::Email | Type::Phone | Type::Choice => Kind::Text,
            Type::Money | Type::Percent | Type::Integer => Kind::Number,
            Type::Date => Kind::Date,
            Type::Bool => Kind::Bool,
            Type::List => Kind::List,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number => "a number",
            Kind::Date => "a date",
            Kind::Bool => "true or false",
            Kind::List => "a list",
        }
    }
}

fn check_expr<'a>(
    expr: &Expr,
    lookup: &dyn Fn(&str) -> Option<&'a Question>,
    errors: &mut Vec<ConditionError>,
) {
    match expr {
        Expr::Operand(operand) => match operand {
            Operand::Key { name, offset } => {
                if lookup(name).is_none() {
                    errors.push(undeclared(name, *offset));
                }
            }
            Operand::Group(inner) => check_expr(inner, lookup, errors),
            Operand::Literal { offset, len, .. } => errors.push(ConditionError {
                offset: *offset,
                len: *len,
                message: "a value alone is not a condition; compare it with a key".into(),
            }),
        },
        Expr::Not(inner) => check_expr(inner, lookup, errors),
        Expr::And(a, b) | Expr::Or(a, b) => {
            check_expr(a, lookup, errors);
            check_expr(b, lookup, errors);
        }
        Expr::Compare(left, op, right) => check_comparison(left, *op, right, lookup, errors),
    }
}

fn undeclared(name: &str, offset: usize) -> ConditionError {
    ConditionError {
        offset,
        len: name.len(),
        message: format!("`{name}` is not declared in library.yaml"),
    }
}

/// One side of a comparison: a declared key, or a literal with its kind and place.
type Side<'a, 'o> = Result<&'a Question, (Kind, &'o Literal, usize, usize)>;

fn check_comparison<'a, 'o>(
    left: &'o Operand,
    op: Op,
    right: &'o Operand,
    lookup: &dyn Fn(&str) -> Option<&'a Question>,
    errors: &mut Vec<ConditionError>,
) {
    let mut side = |operand: &'o Operand| -> Option<Side<'a, 'o>> {
        match operand {
            Operand::Key { name, offset } => {
                if let Some(question) = lookup(name) {
                    Some(Ok(question))
                } else {
                    errors.push(undeclared(name, *offset));
                    None
                }
            }
            Operand::Literal { value, offset, len } => {
                let kind = match value {
                    Literal::Text(_) => Kind::Text,
                    Literal::Number(_) => Kind::Number,
                    Literal::Bool(_) => Kind::Bool,
                };
                Some(Err((kind, value, *offset, *len)))
            }
            Operand::Group(inner) => {
                errors.push(ConditionError {
                    offset: 0,
                    len: 1,
                    message: "a parenthesised condition cannot be compared".into(),
                });
                check_expr(inner, lookup, errors);
                None
            }
        }
    };
    let (Some(l), Some(r)) = (side(left), side(right)) else {
        return;
    };
    if let Some(list) = [&l, &r].into_iter().find_map(|side| match side {
        Ok(question) if question.ty == Type::List => Some(question),
        _ => None,
    }) {
        errors.push(ConditionError {
            offset: 0,
            len: 1,
            message: format!(
                "`{}` is a list, which cannot be compared; write `{}` alone to test whether it has any {}",
                list.key, list.key, list.item
            ),
        });
        return;
    }
    match (l, r) {
        (Err((_, _, offset, len)), Err(_)) => errors.push(ConditionError {
            offset,
            len,
            message: "this compares two values; one side must be a key".into(),
        }),
        (Ok(a), Ok(b)) => {
            let (ka, kb) = (Kind::of(a.ty), Kind::of(b.ty));
            if ka != kb {
                errors.push(ConditionError {
                    offset: 0,
                    len: 1,
                    message: format!(
                        "`{}` is {} but `{}` is {}; they cannot be compared",
                        a.key,
                        ka.name(),
                        b.key,
                        kb.name()
                    ),
                });
            } else if op.is_ordering() && matches!(ka, Kind::Text | Kind::Bool) {
                errors.push(ordering_error(a, op, 0));
            }
        }
        (Ok(question), Err((kind, literal, offset, len)))
        | (Err((kind, literal, offset, len)), Ok(question)) => {
            check_key_against_literal(question, op, kind, literal, offset, len, errors);
        }
    }
}

fn ordering_error(question: &Question, op: Op, offset: usize) -> ConditionError {
    ConditionError {
        offset,
        len: 1,
        message: format!(
            "`{}` is {}; `{}` only compares numbers and dates",
            question.key,
            Kind::of(question.ty).name(),
            op.symbol()
        ),
    }
}

fn check_key_against_literal(
    question: &Question,
    op: Op,
    kind: Kind,
    literal: &Literal,
    offset: usize,
    len: usize,
    errors: &mut Vec<ConditionError>,
) {
    let expected = Kind::of(question.ty);
    let fits = match (expected, literal) {
        (Kind::Date, Literal::Text(text)) => text.parse::<jiff::civil::Date>().is_ok(),
        _ => expected == kind,
    };
    if !fits {
        let shown = match literal {
            Literal::Text(text) => format!("\"{text}\""),
            Literal::Number(number) => number.to_string(),
            Literal::Bool(b) => b.to_string(),
        };
        let wanted = if expected == Kind::Date {
            "a date written \"YYYY-MM-DD\"".to_owned()
        } else {
            expected.name().to_owned()
        };
        errors.push(ConditionError {
            offset,
            len,
            message: format!(
                "`{}` is a {} and cannot be compared with {shown}; expected {wanted}",
                question.key, question.ty
            ),
        });
        return;
    }
    if op.is_ordering() && matches!(expected, Kind::Text | Kind::Bool) {
        errors.push(ordering_error(question, op, offset));
        return;
    }
    if let (Type::Choice, Literal::Text(text)) = (question.ty, literal)
        && !question.choices.iter().any(|c| &c.value == text)
    {
        let allowed: Vec<String> = question
            .choices
            .iter()
            .map(|c| format!("\"{}\"", c.value))
            .collect();
        errors.push(ConditionError {
            offset,
            len,
            message: format!(
                "\"{text}\" is not a choice of `{}`; the choices are {}",
                question.key,
                allowed.join(", ")
            ),
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

fn eval_expr<'a>(expr: &Expr, lookup: &dyn Fn(&str) -> Option<&'a Value>) -> bool {
    match expr {
        Expr::Operand(Operand::Key { name, .. }) => lookup(name).is_some_and(Value::is_truthy),
        Expr::Operand(Operand::Group(inner)) => eval_expr(inner, lookup),
        Expr::Operand(Operand::Literal { value, .. }) => match value {
            Literal::Bool(b) => *b,
            Literal::Number(n) => !n.is_zero(),
            Literal::Text(t) => !t.is_empty(),
        },
        Expr::Not(inner) => !eval_expr(inner, lookup),
        Expr::And(a, b) => eval_expr(a, lookup) && eval_expr(b, lookup),
        Expr::Or(a, b) => eval_expr(a, lookup) || eval_expr(b, lookup),
        Expr::Compare(left, op, right) => {
            let (Some(l), Some(r)) = (resolve(left, lookup), resolve(right, lookup)) else {
                return *op == Op::Ne;
            };
            compare(&l, &r).is_some_and(|ordering| op.holds(ordering))
        }
    }
}

#[derive(Debug)]
enum Resolved {
    Text(String),
    Number(Decimal),
    Date(jiff::civil::Date),
    Bool(bool),
}

fn resolve<'a>(operand: &Operand, lookup: &dyn Fn(&str) -> Option<&'a Value>) -> Option<Resolved> {
    match operand {
        // A list is never compared (the type check refuses it); it resolves to nothing.
        Operand::Key { name, .. } => lookup(name).and_then(|value| match value {
            Value::Text(t) => Some(Resolved::Text(t.clone())),
            Value::Number(n) => Some(Resolved::Number(*n)),
            Value::Integer(i) => Some(Resolved::Number(Decimal::from(*i))),
            Value::Date(d) => Some(Resolved::Date(*d)),
            Value::Bool(b) => Some(Resolved::Bool(*b)),
            Value::List(_) => None,
        }),
        Operand::Literal { value, .. } => Some(match value {
            Literal::Text(t) => Resolved::Text(t.clone()),
            Literal::Number(n) => Resolved::Number(*n),
            Literal::Bool(b) => Resolved::Bool(*b),
        }),
        Operand::Group(inner) => Some(Resolved::Bool(eval_expr(inner, lookup))),
    }
}

fn compare(left: &Resolved, right: &Resolved) -> Option<Ordering> {
    match (left, right) {
        (Resolved::Text(a), Resolved::Text(b)) => Some(a.cmp(b)),
        (Resolved::Number(a), Resolved::Number(b)) => Some(a.cmp(b)),
        (Resolved::Date(a), Resolved::Date(b)) => Some(a.cmp(b)),
        (Resolved::Date(a), Resolved::Text(b)) => {
            b.parse::<jiff::civil::Date>().ok().map(|b| a.cmp(&b))
        }
        (Resolved::Text(a), Resolved::Date(b)) => {
            a.parse::<jiff::civil::Date>().ok().map(|a| a.cmp(b))
        }
        (Resolved::Bool(a), Resolved::Bool(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
