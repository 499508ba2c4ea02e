//! clausewright: freelance contracts assembled from a clause library.
//!
//! The pipeline, one stage a module, each a plain function from value to value:
//!
//! ```text
//! library   clause files + questions.yaml  → Library
//! answers   answers.yaml (or interview)    → Answers
//! interview Library + Prompter (terminal)  → Answers
//! assemble  Library + Answers              → Contract
//! render    Contract                       → String (Markdown)
//! layout    Markdown                       → Document (pages of positioned lines)
//! pdf       Document                       → Vec<u8>
//! ```
//!
//! Only [`run`](run/index.html) touches files and terminals.

pub mod error;
pub mod layout;
pub mod pdf;

pub use error::Error;
pub mod answers;
pub mod assemble;
pub mod chase;
pub mod check;
pub mod cli;
pub mod condition;
pub mod holidays;
pub mod ics;
pub mod interest;
pub mod interview;
pub mod jurisdiction;
pub mod letters;
pub mod library;
pub mod output;
pub mod render;
pub mod run;
mod terminal;
