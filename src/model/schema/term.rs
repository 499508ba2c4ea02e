//! Business terms: the part a declared answer plays in the contract, as the term lint reads it.
//!
//! A question of `library.yaml` names its term with `term: silence-days`; the lint finds each
//! term's answer through that name, never through a key written in code, so a library of one's
//! own with keys of its own gets the same findings. Each term takes one [`Type`], checked when
//! the library loads.

use std::fmt;

use serde::Deserialize;

use super::Type;

/// The part an answer plays in the contract's business terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Term {
    /// Whether the freelancer may end the work when the client goes silent.
    KillFee,
    /// Business days of silence before the freelancer may warn that it will end the work.
    SilenceDays,
    /// The cancellation fee, a percent of the unearned fee.
    CancellationFee,
    /// The deposit, a percent of the fee (100 means the whole fee in advance).
    Deposit,
    /// Whether overdue amounts carry interest.
    Interest,
    /// The interest on overdue amounts, a percent a month.
    InterestPerMonth,
    /// Days the client has to pay an invoice.
    PaymentDays,
    /// Business days the client has to review a delivery.
    ReviewDays,
    /// The day work starts.
    Start,
    /// The fee for the work in the scope.
    Fee,
    /// The hourly rate.
    HourlyRate,
    /// Whether the freelancer is an individual, a sole trader or a company.
    FreelancerKind,
    /// The freelancer's business or company name.
    FreelancerBusiness,
    /// The freelancer's name.
    FreelancerName,
    /// The freelancer's postal address.
    FreelancerAddress,
    /// The freelancer's email address.
    FreelancerEmail,
    /// The freelancer's phone number.
    FreelancerPhone,
    /// The client's name.
    ClientName,
    /// The client's postal address.
    ClientAddress,
    /// The client's email address.
    ClientEmail,
    /// The client's phone number.
    ClientPhone,
    /// The services, described in words.
    Services,
    /// The services, as a list of deliverables, each with its price (the list's first money
    /// field).
    Scope,
    /// The day the last deliverable is due.
    Delivery,
    /// The milestones, each with its date and payment (the list's first date and money
    /// fields).
    Milestones,
    /// The project's short name.
    ProjectName,
    /// The credit line on the finished work.
    CreditLine,
}

impl Term {
    /// Every term, in declaration order.
    pub const ALL: [Term; 27] = [
        Term::KillFee,
        Term::SilenceDays,
        Term::CancellationFee,
        Term::Deposit,
        Term::Interest,
        Term::InterestPerMonth,
        Term::PaymentDays,
        Term::ReviewDays,
        Term::Start,
        Term::Fee,
        Term::HourlyRate,
        Term::FreelancerKind,
        Term::FreelancerBusiness,
        Term::FreelancerName,
        Term::FreelancerAddress,
        Term::FreelancerEmail,
        Term::FreelancerPhone,
        Term::ClientName,
        Term::ClientAddress,
        Term::ClientEmail,
        Term::ClientPhone,
        Term::Services,
        Term::Scope,
        Term::Delivery,
        Term::Milestones,
        Term::ProjectName,
        Term::CreditLine,
    ];

    /// The type an answer playing this term must have.
    #[must_use]
    pub fn ty(self) -> Type {
        match self {
            Term::KillFee | Term::Interest => Type::Bool,
            Term::SilenceDays | Term::PaymentDays | Term::ReviewDays => Type::Integer,
            Term::CancellationFee | Term::Deposit | Term::InterestPerMonth => Type::Percent,
            Term::Start | Term::Delivery => Type::Date,
            Term::Fee | Term::HourlyRate => Type::Money,
            Term::FreelancerKind => Type::Choice,
            Term::FreelancerBusiness
            | Term::FreelancerName
            | Term::FreelancerAddress
            | Term::ClientName
            | Term::ClientAddress
            | Term::Services
            | Term::ProjectName
            | Term::CreditLine => Type::Text,
            Term::FreelancerEmail | Term::ClientEmail => Type::Email,
            Term::FreelancerPhone | Term::ClientPhone => Type::Phone,
            Term::Scope | Term::Milestones => Type::List,
        }
    }

    /// The name written in `library.yaml` (`silence-days`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Term::KillFee => "kill-fee",
            Term::SilenceDays => "silence-days",
            Term::CancellationFee => "cancellation-fee",
            Term::Deposit => "deposit",
            Term::Interest => "interest",
            Term::InterestPerMonth => "interest-per-month",
            Term::PaymentDays => "payment-days",
            Term::ReviewDays => "review-days",
            Term::Start => "start",
            Term::Fee => "fee",
            Term::HourlyRate => "hourly-rate",
            Term::FreelancerKind => "freelancer-kind",
            Term::FreelancerBusiness => "freelancer-business",
            Term::FreelancerName => "freelancer-name",
            Term::FreelancerAddress => "freelancer-address",
            Term::FreelancerEmail => "freelancer-email",
            Term::FreelancerPhone => "freelancer-phone",
            Term::ClientName => "client-name",
            Term::ClientAddress => "client-address",
            Term::ClientEmail => "client-email",
            Term::ClientPhone => "client-phone",
            Term::Services => "services",
            Term::Scope => "scope",
            Term::Delivery => "delivery",
            Term::Milestones => "milestones",
            Term::ProjectName => "project-name",
            Term::CreditLine => "credit-line",
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_reads_back_from_its_name() {
        for term in Term::ALL {
            let read: Term = serde_saphyr::from_str(term.name()).unwrap();
            assert_eq!(read, term);
        }
    }
}
