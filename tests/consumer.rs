//! A consumer client (`client.consumer`): the contract keeps the rights the law gives a consumer
//! (UK: Consumer Rights Act 2015, ss. 49, 57 and 62): no "only remedy" for defects, a liability
//! cap never below the price, no business wording, no invoice deemed accepted by silence.

use clausewright::model::Value;

use crate::trades::{build, built_in};

/// The GB consumer example's answers, and the same answers for a business client.
fn consumer_and_business() -> (String, String) {
    let library = built_in();
    let path = crate::support::root().join("examples/gb-consumer.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let consumer = clausewright::answers::parse("gb-consumer.yaml", &text, &library).unwrap();
    let mut business = consumer.clone();
    business.set("client.consumer", Value::Bool(false));
    (build(&library, consumer), build(&library, business))
}

#[test]
fn a_consumer_keeps_its_remedies_and_a_business_gets_the_business_terms() {
    let (consumer, business) = consumer_and_business();
    // Business terms, each absent from the consumer's contract.
    for business_term in [
        "is the Client’s only remedy for a Deliverable that falls short",
        "is limited to the total amount that the Client has paid the Designer under this Agreement.",
        "even if that loss was foreseeable",
        "uses it in its business",
        "the laws that apply to its business",
        "is accepted by the Client as correct and is payable in full",
        "The Client may not hold back or deduct any other amount from a payment.",
        "the fees of collection agencies and lawyers",
        "if its own procedures need anything other than these invoices",
    ] {
        assert!(business.contains(business_term), "{business_term}");
        assert!(!consumer.contains(business_term), "{business_term}");
    }
    for consumer_term in [
        "This is in addition to the rights that the law gives the Client as a consumer, as section 15 provides.",
        "is limited to the greater of the Fee and the total amount that the Client has paid the Designer under this Agreement.",
        "it is responsible for the loss or damage that the Client suffers as a foreseeable result",
        "or takes away any right that the law gives the Client as a consumer, including its rights under the Consumer Rights Act 2015.",
        "publishes the Deliverable or puts it to the use for which it was made, other than to test it.",
        "with its reasons, as soon as it can, and pays the part it does not dispute by the due date.",
    ] {
        assert!(
            consumer.contains(consumer_term),
            "{consumer_term}\n{consumer}"
        );
        assert!(!business.contains(consumer_term), "{consumer_term}");
    }
}
