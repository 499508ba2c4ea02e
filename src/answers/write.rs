//! Writing: [`Answers`] back out as a commented answers file that `build` reads again.

use super::Answers;
use crate::library::Library;
use crate::model::Language;

impl Answers {
    /// The answers as a commented answers file, in the library's question order, except that
    /// keys under one top-level key stay together: `freelancer.profession`, asked after the
    /// relationship, is written with the other `freelancer` keys (a YAML mapping may not hold
    /// `freelancer:` twice). A section's heading comes before the first top-level key it starts,
    /// never inside another section's mapping: `profession` stays under `# You` with the other
    /// `freelancer` keys, and `# The relationship` heads `relationship:`. A section all of whose
    /// keys go on with an earlier section's mapping has no heading.
    #[must_use]
    pub fn to_yaml(&self, library: &Library) -> String {
        self.to_yaml_in(library, Language::En)
    }

    /// [`Answers::to_yaml`] with its own comment in `language` (the section headings are the
    /// library's, in its language).
    #[must_use]
    pub fn to_yaml_in(&self, library: &Library, language: Language) -> String {
        let answered = library
            .file_order()
            .into_iter()
            .filter_map(|(section, question)| {
                let value = self.values.get(&question.key)?;
                Some((
                    section,
                    library.sections[section].title.as_str(),
                    question.key.as_str(),
                    value,
                ))
            });
        let mut out = String::new();
        let mut open: Vec<&str> = Vec::new();
        let mut headed: Vec<usize> = Vec::new();
        for (section, title, key, value) in answered {
            let segments: Vec<&str> = key.split('.').collect();
            // A key that goes on with the top-level mapping written last belongs under its
            // heading, whichever section asked it.
            let starts_top_level = open.first() != segments.first();
            if starts_top_level && !headed.contains(&section) {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!("# {title}\n"));
                headed.push(section);
            }
            let parents = &segments[..segments.len() - 1];
            let common = open.iter().zip(parents).take_while(|(a, b)| a == b).count();
            open.truncate(common);
            for (depth, parent) in parents.iter().enumerate().skip(common) {
                out.push_str(&format!("{}{parent}:\n", "  ".repeat(depth)));
                open.push(parent);
            }
            out.push_str(&format!(
                "{}{}:{}\n",
                "  ".repeat(parents.len()),
                segments[segments.len() - 1],
                value.to_yaml_after_key(parents.len())
            ));
        }
        if self.late_payer_applied {
            out.push_str(match language {
                Language::En => {
                    "\n# Rates were already multiplied for a repeat late payer; building this file again\n# keeps them as they are.\n"
                }
                Language::Tr => {
                    "\n# Ücretler, daha önce geç ödeme yapmış bir müşteri için zaten çarpıldı; bu dosyadan\n# sözleşme yeniden oluşturulduğunda oldukları gibi kalır.\n"
                }
            });
            out.push_str("clausewright:\n  late_payer_applied: true\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::answers::parse;
    use crate::library;
    use crate::model::Language;

    #[test]
    fn a_heading_never_falls_inside_another_sections_mapping() {
        let library = library::built_in().unwrap();
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/first-time-us.yaml"
        ))
        .unwrap();
        let answers = parse("first-time-us.yaml", &text, &library).unwrap();
        let written = answers.to_yaml_in(&library, Language::En);
        // `freelancer.profession` is asked in "The relationship" but written with the other
        // `freelancer` keys, under "You"; "The relationship" heads `relationship:`.
        assert!(
            written.contains(
                "  address: \"418 South Sixth Street, Suite 3, Springfield, IL 62701, USA\"\n  \
                 profession: \"web-design\"\n"
            ),
            "{written}"
        );
        assert!(
            written.contains("\n# The relationship\nrelationship: \"first-time\"\n"),
            "{written}"
        );
        // Every heading starts a top-level key, never an indented one.
        let lines: Vec<&str> = written.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].starts_with("# ") && !pair[1].is_empty() && !pair[1].starts_with('#') {
                assert!(!pair[1].starts_with(' '), "{pair:?} in\n{written}");
            }
        }
        assert_eq!(written.matches("# The relationship\n").count(), 1);
        assert_eq!(parse("again.yaml", &written, &library).unwrap(), answers);
    }

    #[test]
    fn a_mapping_asked_in_parts_is_written_whole_at_every_level() {
        let declarations = "title: Test Agreement
sections:
  - title: First
    questions:
      - { key: a.b.c, type: text, prompt: C }
  - title: Second
    questions:
      - { key: a.x, type: text, prompt: X }
      - { key: e, type: text, prompt: E }
  - title: Third
    questions:
      - { key: a.b.d, type: text, prompt: D }
";
        let files = [library::SourceFile {
            relative: "library.yaml".into(),
            display: "library.yaml".into(),
            text: declarations.into(),
        }];
        let library = library::load(&files).into_library().unwrap();
        let text = "a:\n  b:\n    c: one\n    d: three\n  x: two\ne: four\n";
        let answers = parse("a.yaml", text, &library).unwrap();
        let written = answers.to_yaml(&library);
        // `a.b` is written once, though its keys were asked in two sections with `a.x` between
        // them; "Third" starts no top-level key, so it has no heading of its own.
        assert_eq!(
            written,
            "# First\na:\n  b:\n    c: \"one\"\n    d: \"three\"\n  x: \"two\"\n\n# Second\ne: \"four\"\n"
        );
        assert_eq!(parse("again.yaml", &written, &library).unwrap(), answers);
    }
}
