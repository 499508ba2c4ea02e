//! The answer keys the code itself reads, by name. Every other key is the library's business:
//! a stage that needs one of these names it through the constant, so a library that renames a
//! question has one list to check.

/// The answer that dates the agreement (filled by `build` when absent).
pub const AGREEMENT_DATE: &str = "agreement.date";
/// The answer that names the contract's language (`en`, `tr`); its choices are the languages
/// the library is written in.
pub const AGREEMENT_LANGUAGE: &str = "agreement.language";
/// Which language prevails where the two texts of a bilingual contract differ: `en` or `tr`.
pub const AGREEMENT_PREVAILING: &str = "agreement.prevailing";
/// The day work starts: a start in the past, or before the agreement's date, is pointed out.
pub const PROJECT_START: &str = "project.start";
/// The answer that says how the freelancer knows the client.
pub const RELATIONSHIP: &str = "relationship";
/// The relationship of a client who paid late before.
pub const LATE_PAYER: &str = "repeat-late-payer";
/// The client's name: output file names, the PDF subject, letters.
pub const CLIENT_NAME: &str = "client.name";
/// The freelancer's trade, in a library that asks for it: `example --profession` picks by it.
pub const PROFESSION: &str = "freelancer.profession";
/// The prefix of the words a trade gives the clauses (`trade.role`), from the `trades:` table
/// of `library.yaml` for the answer to [`PROFESSION`]: derived, never answered.
pub const TRADE_PREFIX: &str = "trade.";
/// The trade's word that, when a trade gives it, is the contract's title.
pub const TRADE_TITLE: &str = "title";
/// The freelancer's name: the PDF author and subject.
pub const FREELANCER_NAME: &str = "freelancer.name";
/// The project's name: the calendar of a chase.
pub const PROJECT_NAME: &str = "project.name";
/// The ISO 4217 code of the contract's currency.
pub const CURRENCY: &str = "fees.currency";
/// The currency when the answers name none.
pub const DEFAULT_CURRENCY: &str = "USD";
/// The country whose law governs (ISO 3166-1 alpha-2, or `other`).
pub const COUNTRY: &str = "jurisdiction.country";
/// The state, nation or Land within the country.
pub const REGION: &str = "jurisdiction.region";
/// The city or county whose courts hear disputes.
pub const VENUE: &str = "jurisdiction.venue";
/// The `other` profile's free text: "the laws of ...".
pub const LAW: &str = "jurisdiction.law";
/// The `other` profile's free text: the courts.
pub const COURTS: &str = "jurisdiction.courts";
/// Whether the client is a consumer: a person contracting outside any trade or business.
pub const CLIENT_CONSUMER: &str = "client.consumer";
/// The reference rate (percent) that replaces a profile's table for statutory interest.
pub const REFERENCE_RATE: &str = "interest.reference_rate";
/// Whether the contract charges the statutory late-payment interest of its place.
pub const STATUTORY_INTEREST: &str = "interest.statutory";

/// The answers `new` remembers with the freelancer's profile besides the `profile: true`
/// questions, and offers as defaults next time: the trade, and the place whose law governs.
/// Each group is in the order it is asked, and a remembered answer is offered only while the
/// answers before it in its group are the ones saved: a state is offered for the same country,
/// and a city's courts for the same country and state.
pub const REMEMBERED: &[&[&str]] = &[&[PROFESSION], &[COUNTRY, REGION, VENUE, LAW, COURTS]];

/// The answers the jurisdiction profile reads (not the clauses), with the reference rate its
/// statutory interest takes from the answers: a library that declares them uses them even when
/// no clause names them.
pub const PLACE_ANSWERS: &[&str] = &[
    COUNTRY,
    REGION,
    VENUE,
    LAW,
    COURTS,
    CLIENT_CONSUMER,
    REFERENCE_RATE,
];
