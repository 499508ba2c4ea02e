//! Email drafts: takes a letter's addresses, subject, date, plain-text body and (optionally)
//! its PDF, and returns an RFC 5322 message (`.eml`) that mail programs open as a draft to
//! review and send.
//!
//! Built with `mail-builder`, never by hand: it encodes non-ASCII names and subjects
//! (RFC 2047), folds long headers, and picks a transfer encoding for the body. The message is
//! marked `X-Unsent: 1`, which Outlook reads as "open as a draft"; Thunderbird and Apple Mail
//! open the file as a message that can be edited and sent as new. The same inputs give the
//! same bytes: the date, the Message-ID and the MIME boundary are derived from the inputs.

use mail_builder::MessageBuilder;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

/// One party of the email: a display name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The name shown beside the address.
    pub name: String,
    /// The email address.
    pub email: String,
}

/// What a draft is made of.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    /// The sender: the freelancer.
    pub from: Party,
    /// The recipient: the client's contact person, else the client.
    pub to: Party,
    /// The subject line, as plain text.
    pub subject: String,
    /// The date and time of the message, in seconds since 1970 (UTC).
    pub unix_seconds: i64,
    /// A value unique to this letter (client, step, date), from which the Message-ID and the
    /// MIME boundary are made.
    pub unique: String,
    /// The body, as plain text.
    pub text: &'a str,
    /// The PDF letter to attach: its file name and bytes.
    pub attachment: Option<(String, &'a [u8])>,
}

/// The draft as the bytes of an `.eml` file.
#[must_use]
pub fn message(draft: &Draft<'_>) -> Vec<u8> {
    let domain = draft
        .from
        .email
        .rsplit_once('@')
        .map_or("clausewright.invalid", |(_, domain)| domain);
    let mut builder = MessageBuilder::new()
        .from((draft.from.name.clone(), draft.from.email.clone()))
        .to((draft.to.name.clone(), draft.to.email.clone()))
        .subject(draft.subject.clone())
        .date(draft.unix_seconds)
        .message_id(format!("{}@{domain}", draft.unique))
        .header("X-Unsent", Raw::new("1"));
    let text = MimePart::new("text/plain", draft.text.to_owned());
    builder = match &draft.attachment {
        Some((name, bytes)) => builder.body(MimePart::new(
            ContentType::new("multipart/mixed")
                .attribute("boundary", format!("=_clausewright_{}", draft.unique)),
            vec![
                text,
                MimePart::new("application/pdf", bytes.to_vec()).attachment(name.clone()),
            ],
        )),
        None => builder.body(text),
    };
    builder
        .write_to_vec()
        .expect("writing to a Vec<u8> cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::{MessageParser, MimeHeaders as _};

    fn draft<'a>(text: &'a str, pdf: Option<&'a [u8]>) -> Draft<'a> {
        Draft {
            from: Party {
                name: "Maya Lindqvist".into(),
                email: "maya@prairiepixel.example".into(),
            },
            to: Party {
                name: "Ayşe Yılmaz, \"Northwind\" <Ltd>".into(),
                email: "ayse@northwind.example".into(),
            },
            subject: "Statement of account: invoice 2026-014, €3,208.42 due".into(),
            unix_seconds: 1_773_133_200,
            unique: "northwind-payment-resend-2026-03-10".into(),
            text,
            attachment: pdf.map(|bytes| ("northwind-payment-resend.pdf".to_owned(), bytes)),
        }
    }

    #[test]
    fn a_draft_parses_back_with_what_went_in() {
        let text = "Dear Ayşe Yılmaz,\n\nThe balance is €3,208.42.\n\nYours sincerely,\n";
        let pdf = b"%PDF-1.7\n\x00\x01binary\n%%EOF\n";
        let bytes = message(&draft(text, Some(pdf)));
        assert_eq!(
            bytes,
            message(&draft(text, Some(pdf))),
            "the same bytes each time"
        );
        let parsed = MessageParser::default().parse(&bytes).unwrap();
        let from = parsed.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Maya Lindqvist"));
        assert_eq!(from.address(), Some("maya@prairiepixel.example"));
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.name(), Some("Ayşe Yılmaz, \"Northwind\" <Ltd>"));
        assert_eq!(to.address(), Some("ayse@northwind.example"));
        assert_eq!(
            parsed.subject(),
            Some("Statement of account: invoice 2026-014, €3,208.42 due")
        );
        assert_eq!(parsed.date().unwrap().to_timestamp(), 1_773_133_200);
        assert_eq!(
            parsed.message_id(),
            Some("northwind-payment-resend-2026-03-10@prairiepixel.example")
        );
        // Lines end in CRLF on the wire, as RFC 5322 requires.
        assert_eq!(
            parsed.body_text(0).as_deref(),
            Some(text.replace('\n', "\r\n").as_str())
        );
        let attachment = parsed.attachment(0).unwrap();
        assert_eq!(
            attachment.attachment_name(),
            Some("northwind-payment-resend.pdf")
        );
        assert_eq!(attachment.contents(), pdf);
        let head = String::from_utf8_lossy(&bytes);
        assert!(head.contains("X-Unsent: 1\r\n"), "{head}");
        assert!(
            bytes.is_ascii(),
            "headers and body are encoded for transport"
        );
    }

    #[test]
    fn without_a_pdf_the_draft_is_the_text_alone() {
        let bytes = message(&draft("Hello,\n", None));
        let parsed = MessageParser::default().parse(&bytes).unwrap();
        assert_eq!(parsed.attachment_count(), 0);
        assert_eq!(parsed.body_text(0).as_deref(), Some("Hello,\r\n"));
    }
}
