use super::*;

fn text_of(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) => s.text.as_str(),
            Inline::HardBreak => "\n",
        })
        .collect()
}

#[test]
fn escapes_are_drawn_literally_and_styles_tracked() {
    let parsed = parse("# Title\n\nAcme Ltd\\. \\*Acme\\* \\<b\\> **bold** *it*\n").unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Title"));
    let Block::Para(p) = &parsed.blocks[1] else {
        panic!("paragraph expected")
    };
    assert_eq!(text_of(&p.inlines), "Acme Ltd. *Acme* <b> bold it");
    let styles: Vec<Style> = p
        .inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Text(s) => Some(s.style),
            Inline::HardBreak => None,
        })
        .collect();
    assert_eq!(
        styles,
        [Style::Regular, Style::Bold, Style::Regular, Style::Italic]
    );
}

#[test]
fn lists_quotes_tables_and_keep_marks() {
    let md = "1. one\n2. two\n   - nested\n\n> quoted\n\n| A | B |\n| --- | ---: |\n| x | 1 |\n\n\
              <!-- keep-together -->\n\n<!-- signatures -->\n\nsig\n\n<!-- end signatures -->\n\n\
              <!-- end keep-together -->\n";
    let parsed = parse(md).unwrap();
    let kinds: Vec<String> = parsed
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => format!(
                "{}:{}:{}:{}",
                text_of(&p.inlines),
                p.list_depth,
                p.marker.clone().unwrap_or_default(),
                p.quote_depth
            ),
            Block::Table(t) => format!("table {} {}", t.head.len(), t.rows.len()),
            Block::Rule => "rule".into(),
            Block::KeepStart => "keep".into(),
            Block::KeepEnd => "end".into(),
            Block::SignStart => "signatures".into(),
            Block::SignEnd => "end signatures".into(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "one:1:1.:0",
            "two:1:2.:0",
            "nested:2:–:0",
            "quoted:0::1",
            "table 2 1",
            "keep",
            "signatures",
            "sig:0::0",
            "end signatures",
            "end"
        ]
    );
}

#[test]
fn missing_glyph_names_line_and_word() {
    let err = parse("# T\n\nHello 中文 world\n").unwrap_err();
    assert_eq!(
        err,
        Missing {
            character: '中',
            line: 3,
            word: "中文".into()
        }
    );
}
