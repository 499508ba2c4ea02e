//! The answer keys the code itself reads, by name. Every other key is the library's business:
//! a stage that needs one of these names it through the constant, so a library that renames a
//! question has one list to check.

/// The answer that dates the agreement (filled by `build` when absent).
pub const AGREEMENT_DATE: &str = "agreement.date";
/// The answer that says how the freelancer knows the client.
pub const RELATIONSHIP: &str = "relationship";
/// The relationship of a client who paid late before.
pub const LATE_PAYER: &str = "repeat-late-payer";
/// The client's name: output file names, the PDF subject, letters.
pub const CLIENT_NAME: &str = "client.name";
/// The freelancer's trade, in a library that asks for it: `example --profession` picks by it.
pub const PROFESSION: &str = "freelancer.profession";
/// The freelancer's name: the PDF author and subject.
pub const FREELANCER_NAME: &str = "freelancer.name";
/// The project's name: the calendar of a chase.
pub const PROJECT_NAME: &str = "project.name";
/// The ISO 4217 code of the contract's currency.
pub const CURRENCY: &str = "fees.currency";
/// The currency when the answers name none.
pub const DEFAULT_CURRENCY: &str = "USD";
