//! Writing: [`Answers`] back out as a commented answers file that `build` reads again.

use super::Answers;
use crate::library::Library;

impl Answers {
    /// The answers as a commented answers file, in the library's question order.
    #[must_use]
    pub fn to_yaml(&self, library: &Library) -> String {
        let mut out = String::new();
        let mut open: Vec<&str> = Vec::new();
        for section in &library.sections {
            let mut wrote_heading = false;
            for question in &section.questions {
                let Some(value) = self.values.get(&question.key) else {
                    continue;
                };
                if !wrote_heading {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&format!("# {}\n", section.title));
                    wrote_heading = true;
                }
                let segments: Vec<&str> = question.key.split('.').collect();
                let parents = &segments[..segments.len() - 1];
                let common = open.iter().zip(parents).take_while(|(a, b)| a == b).count();
                open.truncate(common);
                for (depth, parent) in parents.iter().enumerate().skip(common) {
                    out.push_str(&format!("{}{parent}:\n", "  ".repeat(depth)));
                    open.push(parent);
                }
                out.push_str(&format!(
                    "{}{}: {}\n",
                    "  ".repeat(parents.len()),
                    segments[segments.len() - 1],
                    value.to_yaml()
                ));
            }
        }
        if self.late_payer_applied {
            out.push_str(
                "\n# Rates were already multiplied for a repeat late payer; building this file again\n# keeps them as they are.\nclausewright:\n  late_payer_applied: true\n",
            );
        }
        out
    }
}
