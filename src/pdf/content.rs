//! Content: takes one laid-out page and the document's [`Glyphs`] and returns the bytes of the
//! page's content stream.
//!
//! printpdf would turn each page into lopdf operations and lopdf would write every operand
//! through `fmt::Write`, each glyph code as two formatted hex bytes: most of the time a
//! contract spent in the PDF stage. This writer writes the same operations directly, in
//! lopdf's syntax: operands each followed by a space, operations separated by a newline,
//! numbers as Rust's shortest decimal that reads back as the same `f32`, text shown with `Tj`
//! when it is one run and `TJ` otherwise. One thing differs: the two-byte glyph codes are
//! written as literal strings, `(…)` with `(`, `)`, `\` and a carriage return escaped, instead
//! of hex: half the bytes, so a page deflates in less time and to fewer bytes. A test renders
//! documents both ways and finds the same objects and, on every page, the same operations.

use std::io::Write as _;

use crate::layout::{Document, Page};

use super::draw::{self, Canvas};
use super::glyphs::Glyphs;
use super::{Font, PdfMeta};

/// The content stream of `page` of `document`.
pub(super) fn page(page: &Page, document: &Document, meta: &PdfMeta, glyphs: &Glyphs) -> Vec<u8> {
    let mut writer = Writer {
        bytes: Vec::with_capacity(64 * page.lines.len() + 1024),
        glyphs,
        font: None,
        shown: None,
        offsets: false,
        items: 0,
    };
    draw::page(page, document, meta, &mut writer);
    writer.bytes
}

/// A [`Canvas`] that writes content-stream bytes.
struct Writer<'a> {
    bytes: Vec<u8>,
    glyphs: &'a Glyphs,
    /// The font text is encoded in.
    font: Option<Font>,
    /// Where the text being shown starts (its `[`), while there is one.
    shown: Option<usize>,
    /// Whether the text being shown has a move.
    offsets: bool,
    /// How many runs and moves the text being shown has.
    items: usize,
}

impl Writer<'_> {
    /// Starts an operation: a newline unless it is the first.
    fn operation(&mut self) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
    }

    /// A number operand, as lopdf writes an `f32`.
    fn number(&mut self, value: f32) {
        self.real(value);
        self.bytes.push(b' ');
    }

    fn real(&mut self, value: f32) {
        if value.is_finite() {
            plain_decimal(zmij::Buffer::new().format_finite(value), &mut self.bytes);
        } else {
            // Never drawn; written as lopdf would. Writing to a Vec cannot fail.
            let _ = write!(self.bytes, "{value}");
        }
    }

    /// One operation of number operands.
    fn numbers(&mut self, values: &[f32], operator: &[u8]) {
        self.operation();
        for &value in values {
            self.number(value);
        }
        self.bytes.extend_from_slice(operator);
    }

    /// Adds an item to the text being shown, opening it if need be.
    fn item(&mut self) {
        if self.shown.is_none() {
            self.operation();
            self.shown = Some(self.bytes.len());
            self.bytes.push(b'[');
        }
        self.items += 1;
    }
}

impl Canvas for Writer<'_> {
    fn fill_gray(&mut self, level: f32) {
        self.numbers(&[level], b"g");
    }

    fn stroke_gray(&mut self, level: f32) {
        self.numbers(&[level], b"G");
    }

    fn line_width(&mut self, width: f32) {
        self.numbers(&[width], b"w");
    }

    fn butt_caps(&mut self) {
        self.operation();
        self.bytes.extend_from_slice(b"0 J");
    }

    fn begin_text(&mut self) {
        self.operation();
        self.bytes.extend_from_slice(b"BT");
    }

    fn end_text(&mut self) {
        self.operation();
        self.bytes.extend_from_slice(b"ET");
    }

    fn move_text(&mut self, x: f32, y: f32) {
        self.numbers(&[x, y], b"Td");
    }

    fn text_matrix(&mut self, matrix: [f32; 6]) {
        self.numbers(&matrix, b"Tm");
    }

    fn font(&mut self, font: Font, size: f32) {
        self.font = Some(font);
        self.operation();
        self.bytes.push(b'/');
        // The resource names are six capitals: nothing to escape.
        self.bytes.extend_from_slice(font.id().as_bytes());
        self.bytes.push(b' ');
        self.number(size);
        self.bytes.extend_from_slice(b"Tf");
    }

    fn text(&mut self, run: &str) {
        self.item();
        self.bytes.push(b'(');
        for c in run.chars() {
            let code = self.font.map_or(0, |font| self.glyphs.code(font, c));
            for byte in code.to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => self.bytes.extend_from_slice(&[b'\\', byte]),
                    // A bare carriage return would be read as an end of line.
                    b'\r' => self.bytes.extend_from_slice(b"\\r"),
                    _ => self.bytes.push(byte),
                }
            }
        }
        self.bytes.push(b')');
    }

    fn offset(&mut self, thousandths: f32) {
        self.item();
        // A number after another item in an array is set apart by a space.
        if self.items > 1 {
            self.bytes.push(b' ');
        }
        self.real(thousandths);
        self.offsets = true;
    }

    fn show(&mut self) {
        let Some(start) = self.shown.take() else {
            return;
        };
        if self.items == 1 && !self.offsets {
            // One run: `<…> Tj` instead of `[<…>] TJ`.
            self.bytes.remove(start);
            self.bytes.extend_from_slice(b" Tj");
        } else {
            self.bytes.extend_from_slice(b"] TJ");
        }
        self.items = 0;
        self.offsets = false;
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.numbers(&[from.0, from.1], b"m");
        self.numbers(&[to.0, to.1], b"l");
        self.operation();
        self.bytes.push(b'S');
    }
}

/// Writes `shortest`, a decimal in zmij's notation (`-1.5e-7`, `72.0`), to `out` as Rust's
/// `Display` writes an `f32` (`-0.00000015`, `72`): the same digits, without an exponent or a
/// trailing `.0`. zmij finds the shortest digits that read back as the number in a fraction of
/// the time `Display` takes; where two shortest candidates are equally near the number, the
/// two may round the last digit differently, and both read back as the same `f32`.
fn plain_decimal(shortest: &str, out: &mut Vec<u8>) {
    let (negative, shortest) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest),
    };
    let (mantissa, exponent) = match shortest.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (shortest, 0),
    };
    let mut digits: Vec<u8> = Vec::with_capacity(mantissa.len());
    let mut point = mantissa.len();
    for (at, byte) in mantissa.bytes().enumerate() {
        if byte == b'.' {
            point = at;
        } else {
            digits.push(byte);
        }
    }
    // Where the decimal point falls among the digits kept.
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    let point = count(point) + exponent - count(leading);
    digits.drain(..leading);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if negative {
        out.push(b'-');
    }
    let length = count(digits.len());
    if digits.is_empty() {
        out.push(b'0');
    } else if point <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-point) as usize));
        out.extend_from_slice(&digits);
    } else if point >= length {
        out.extend_from_slice(&digits);
        out.extend(std::iter::repeat_n(b'0', (point - length) as usize));
    } else {
        let split = point as usize;
        out.extend_from_slice(&digits[..split]);
        out.push(b'.');
        out.extend_from_slice(&digits[split..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Style;

    fn writer(glyphs: &Glyphs) -> Writer<'_> {
        Writer {
            bytes: Vec::new(),
            glyphs,
            font: None,
            shown: None,
            offsets: false,
            items: 0,
        }
    }

    fn regular() -> Font {
        Font {
            style: Style::Regular,
            fallback: false,
        }
    }

    #[test]
    fn operations_are_written_in_lopdf_syntax() {
        let font = regular();
        let glyphs = Glyphs::with_codes(font, &[('a', 0x41), ('b', 0x142)]);
        let mut w = writer(&glyphs);
        w.fill_gray(0.0);
        w.butt_caps();
        w.begin_text();
        w.move_text(72.0, 700.25);
        w.font(font, 10.5);
        w.text("ab");
        w.show();
        w.text("a");
        w.offset(-250.5);
        w.text("b");
        w.offset(3.0);
        w.show();
        w.end_text();
        w.stroke_gray(0.5);
        w.line_width(0.1);
        w.line((1.0, 2.0), (-3.5, 1e-6));
        let expected = "0 g\n0 J\nBT\n72 700.25 Td\n/CWREGU 10.5 Tf\n(\0A\u{1}B) Tj\n\
             [(\0A) -250.5(\u{1}B) 3] TJ\nET\n0.5 G\n0.1 w\n1 2 m\n-3.5 0.000001 l\nS";
        assert_eq!(String::from_utf8(w.bytes).unwrap(), expected);
    }

    #[test]
    fn codes_that_are_delimiters_or_a_carriage_return_are_escaped_and_read_back() {
        let font = regular();
        let codes = [
            ('a', 0x28),
            ('b', 0x29),
            ('c', 0x5C),
            ('d', 0x0D),
            ('e', 0x0A),
            ('f', 0x280D),
        ];
        let glyphs = Glyphs::with_codes(font, &codes);
        let mut w = writer(&glyphs);
        w.font(font, 10.0);
        w.text("abcdef");
        w.show();
        assert_eq!(
            w.bytes,
            b"/CWREGU 10 Tf\n(\0\\(\0\\)\0\\\\\0\\r\0\n\\(\\r) Tj".to_vec()
        );
        let content = lopdf::content::Content::decode(&w.bytes).unwrap();
        let shown = &content.operations[1];
        assert_eq!(shown.operator, "Tj");
        let lopdf::Object::String(bytes, _) = &shown.operands[0] else {
            panic!("a string: {:?}", shown.operands);
        };
        let expected: Vec<u8> = codes
            .iter()
            .flat_map(|&(_, code)| code.to_be_bytes())
            .collect();
        assert_eq!(bytes, &expected);
    }

    #[test]
    fn numbers_are_written_as_display_writes_them_and_read_back_exactly() {
        let plain = |value: f32| {
            let mut out = Vec::new();
            plain_decimal(zmij::Buffer::new().format_finite(value), &mut out);
            String::from_utf8(out).unwrap()
        };
        for (value, written) in [
            (72.0, "72"),
            (700.25, "700.25"),
            (-250.5, "-250.5"),
            (0.1, "0.1"),
            (0.0, "0"),
            (-0.0, "-0"),
            (1e-6, "0.000001"),
            (-1.5e-7, "-0.00000015"),
            (1e20, "100000000000000000000"),
            (123_456.79, "123456.79"),
        ] {
            assert_eq!(plain(value), written, "{value:e}");
        }
        // Every 9973rd bit pattern, and every point on a grid of 1/64 over the page.
        let patterns = (0..=u32::MAX).step_by(9973).map(f32::from_bits);
        let grid = (-64_000..64_000).map(|k| k as f32 / 64.0);
        for value in patterns.chain(grid).filter(|v| v.is_finite()) {
            let written = plain(value);
            let display = value.to_string();
            assert_eq!(
                written.parse::<f32>().unwrap().to_bits(),
                value.to_bits(),
                "{display}"
            );
            // The same digits, except where two shortest candidates are equally near: then
            // the last digit may be rounded the other way.
            let (w, d) = (written.as_bytes(), display.as_bytes());
            assert_eq!(w.len(), d.len(), "{display}: {written}");
            let last = w.len() - 1;
            assert_eq!(w[..last], d[..last], "{display}: {written}");
            assert!(w[last].abs_diff(d[last]) <= 1, "{display}: {written}");
        }
    }

    #[test]
    fn a_lone_move_is_shown_with_tj_and_characters_never_drawn_are_notdef() {
        let glyphs = Glyphs::with_codes(regular(), &[('a', 1)]);
        let mut w = writer(&glyphs);
        w.offset(-12.0);
        w.show();
        w.font(
            Font {
                style: Style::Italic,
                fallback: false,
            },
            9.0,
        );
        w.text("a");
        w.show();
        assert_eq!(
            String::from_utf8(w.bytes).unwrap(),
            "[-12] TJ\n/CWITAL 9 Tf\n(\0\0) Tj"
        );
    }
}
