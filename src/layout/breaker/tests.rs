use super::*;

fn plain(text: &str) -> Vec<Inline> {
    vec![Inline::Text(Span {
        text: text.to_owned(),
        style: Style::Regular,
        link: None,
    })]
}

fn measure(width: f32) -> Measure {
    Measure {
        width,
        size: 11.0,
        align: Align::Justify,
        hyphenate: Some(Language::English),
    }
}

fn line_text(line: &SetLine) -> String {
    line.fragments
        .iter()
        .map(|f| f.text.as_str())
        .collect::<String>()
}

/// Rejoins the words of set lines the way a reader would.
fn rejoin(lines: &[SetLine]) -> Vec<String> {
    let mut text = String::new();
    for line in lines {
        let t = line_text(line);
        match line.end {
            LineEnd::Hyphen => text.push_str(t.strip_suffix('-').expect("hyphen")),
            LineEnd::Join => text.push_str(&t),
            LineEnd::Space | LineEnd::Last => {
                text.push_str(&t);
                text.push(' ');
            }
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn justified_lines_fill_the_measure_and_the_last_is_ragged() {
    let text = "The Client shall pay a non-refundable deposit of fifty percent of the total \
                    fee before work begins, and the balance within fourteen days of delivery of \
                    the final files, failing which interest accrues at the statutory rate.";
    let lines = set(&plain(text), &measure(200.0));
    assert!(lines.len() > 2);
    for line in &lines[..lines.len() - 1] {
        let extent = line.extent();
        assert!(
            (extent - 200.0).abs() < 0.05,
            "{extent} {:?}",
            line_text(line)
        );
    }
    assert!(lines.last().expect("lines").extent() < 200.0);
    assert_eq!(rejoin(&lines), text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn long_words_are_split_and_nothing_overflows() {
    let url = "https://example.com/a/very/long/path/that/goes/on/and/on/and/on/forever.html";
    let number = "1234567890".repeat(8);
    let text = format!("see {url} and {number} end");
    let lines = set(&plain(&text), &measure(120.0));
    for line in &lines {
        assert!(line.extent() <= 120.0 + 1e-3, "{}", line_text(line));
    }
    assert_eq!(rejoin(&lines), text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn hard_breaks_end_lines() {
    let mut inlines = plain("Signature: ____");
    inlines.push(Inline::HardBreak);
    inlines.extend(plain("Name: Jane Doe"));
    let lines = set(&inlines, &measure(300.0));
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    assert_eq!(texts, ["Signature: ____", "Name: Jane Doe"]);
    assert_eq!(lines[0].end, LineEnd::Last);
}

#[test]
fn spaces_stay_even_in_narrow_justified_columns() {
    // A narrow measure is where a greedy breaker opens rivers; total fit with
    // hyphenation keeps every justified space within twice its natural width.
    let text = "If the Client does not respond to a request for approval, feedback or \
                    materials within ten business days, the Designer may treat the deliverable \
                    as approved, invoice the corresponding milestone and reschedule the \
                    remaining work, and any resulting delay does not extend the Designer's \
                    obligations or reduce the fees payable under this agreement.";
    let space = face(Style::Regular).width(" ", 11.0);
    for width in [150.0, 200.0, 260.0] {
        let lines = set(&plain(text), &measure(width));
        for line in &lines[..lines.len() - 1] {
            for pair in line.fragments.windows(2) {
                let gap = pair[1].x - (pair[0].x + pair[0].width) + space;
                assert!(
                    gap < space * 2.0 && gap > space * 0.65,
                    "uneven line at {width}: {:?}",
                    line_text(line)
                );
            }
        }
    }
}

/// The word cut at its hyphenation points: `söz-leş-me-si`.
fn hyphenated(word: &str, language: Language) -> String {
    let mut out = String::new();
    let mut from = 0;
    let mut points = Vec::new();
    break_points(word, Some(language), true, &mut points);
    for (at, gap) in points {
        if gap == Gap::Hyphen {
            out.push_str(&word[from..at]);
            out.push('-');
            from = at;
        }
    }
    out.push_str(&word[from..]);
    out
}

#[test]
fn turkish_words_break_between_syllables() {
    // Turkish syllables begin with at most one consonant: a consonant between two vowels
    // opens the next syllable, two consonants part between them, and of three the first
    // two stay behind, loanwords included (the TDK's rules on dividing words at the end
    // of a line: "kont-rol", "Türk-çe").
    for (word, expected) in [
        ("sözleşmesi", "söz-leş-me-si"),
        ("illüstrasyonları", "il-lüst-ras-yon-la-rı"),
        ("kontrol", "kont-rol"),
        ("yükümlülüklerini", "yü-küm-lü-lük-le-ri-ni"),
        ("İSTANBUL’daki", "İS-TAN-BUL’daki"),
        ("ISPARTA", "IS-PAR-TA"),
        ("bildirimde", "bil-di-rim-de"),
    ] {
        assert_eq!(hyphenated(word, Language::Turkish), expected);
    }
    // English patterns know nothing of Turkish syllables.
    assert_ne!(
        hyphenated("yükümlülüklerini", Language::English),
        "yü-küm-lü-lük-le-ri-ni"
    );
    assert_eq!(hyphenated("agreement", Language::English), "agree-ment");
}

/// The chunks' texts (without hyphenation unless `hyphenate`).
fn chunk_texts(text: &str, hyphenate: bool) -> Vec<String> {
    let measure = Measure {
        hyphenate: hyphenate.then_some(Language::English),
        ..measure(400.0)
    };
    let mut words = Words::default();
    chunks(&plain(text), &measure, &mut words)
        .iter()
        .map(|c| words.text[c.start..c.end].to_owned())
        .collect()
}

#[test]
fn numbers_stay_with_what_they_count_and_references_with_their_numbers() {
    assert_eq!(
        chunk_texts(
            "within fifteen (15) business days under section 3 or call +1 312 555 0142 now",
            false
        ),
        [
            "within",
            "fifteen",
            "(15) business",
            "days",
            "under",
            "section 3",
            "or",
            "call",
            "+1 312 555 0142",
            "now",
        ]
    );
    // A number ending a sentence or a clause does not hold on to the next word.
    assert_eq!(
        chunk_texts("in 2026. The fee, 2 March, and 12.400,00 TL", false),
        [
            "in",
            "2026.",
            "The",
            "fee,",
            "2",
            "March,",
            "and",
            "12.400,00 TL"
        ]
    );
}

#[test]
fn the_last_word_of_a_paragraph_is_never_hyphenated() {
    let text = "Each party signs this Agreement and the Agreement";
    let pieces = chunk_texts(text, true);
    // Inside the paragraph the word may hyphenate; at its end it stays whole.
    assert!(
        pieces.iter().filter(|p| p.as_str() == "Agree").count() == 1,
        "{pieces:?}"
    );
    assert_eq!(pieces.last().map(String::as_str), Some("Agreement"));
    for width in (60..200).step_by(3) {
        let lines = set(&plain(text), &measure(width as f32));
        let last = lines.last().unwrap();
        assert!(
            line_text(last).split_whitespace().last() == Some("Agreement"),
            "{width}: {:?}",
            lines.iter().map(line_text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_email_address_breaks_after_the_at_sign_or_a_dot_only() {
    let mut points = Vec::new();
    break_points(
        "maya.lindqvist@prairie-pixel.studio",
        None,
        true,
        &mut points,
    );
    let points: Vec<usize> = points.into_iter().map(|(at, _)| at).collect();
    // After "maya.", after "@", after "prairie-pixel.": never before a dot or after a hyphen.
    assert_eq!(points, [5, 15, 29]);
}

#[test]
fn tied_digit_groups_too_long_for_half_a_line_break_between_groups() {
    // Tying these made one word wider than the line, broken inside with the space lost.
    let text = "0000011187923691499345408346747260498994551509526961101118214070537169 \
                330978751551 52674977307880558836";
    for width in [120.0, 200.0, 300.0] {
        let lines = set(&plain(text), &measure(width));
        assert_eq!(
            rejoin(&lines),
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            "{width}"
        );
    }
}
