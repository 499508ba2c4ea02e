//! A line being typed: its text and cursor, and what each editing key does to them, as
//! readline does it (bash, psql, Python's prompt), so that hands used to a shell work here.
//! The keys are mapped to [`Edit`]s by the field (`field.rs`); this is the text alone.

/// What an editing key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
    /// Types a character at the cursor.
    Insert(char),
    /// Backspace, Ctrl-H: the character before the cursor.
    DeleteBack,
    /// Delete, Ctrl-D: the character under the cursor.
    DeleteForward,
    /// Ctrl-U: everything before the cursor.
    KillToStart,
    /// Ctrl-K: everything from the cursor on.
    KillToEnd,
    /// Ctrl-W: back to the space before the cursor's word (`foo/bar baz` loses `baz`, then
    /// `foo/bar `).
    KillSpacedWordBack,
    /// Alt-Backspace, Ctrl-Backspace: back to the start of the word, letters and digits only
    /// (`foo/bar` loses `bar`).
    KillWordBack,
    /// Alt-D, Ctrl-Delete: to the end of the next word.
    KillWordForward,
    /// Ctrl-Y: types back what was last cut.
    Yank,
    /// Ctrl-A, Home.
    Start,
    /// Ctrl-E, End.
    End,
    /// Ctrl-B, Left.
    Back,
    /// Ctrl-F, Right.
    Forward,
    /// Alt-B, Ctrl-Left: to the start of the word.
    WordBack,
    /// Alt-F, Ctrl-Right: to the end of the word.
    WordForward,
}

/// The text typed so far and where the cursor is, in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    chars: Vec<char>,
    cursor: usize,
    /// What the last cut removed, for Ctrl-Y.
    cut: Vec<char>,
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub(crate) fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        Line {
            cursor: chars.len(),
            chars,
            cut: Vec::new(),
        }
    }

    /// The text.
    pub(crate) fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The characters, for drawing.
    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The cursor: how many characters are before it.
    pub(crate) fn cursor(&self) -> usize {
        self.cursor
    }

    /// Applies `edit`.
    pub(crate) fn apply(&mut self, edit: Edit) {
        let at = self.cursor;
        match edit {
            Edit::Insert(c) => {
                self.chars.insert(at, c);
                self.cursor += 1;
            }
            Edit::DeleteBack if at > 0 => {
                self.chars.remove(at - 1);
                self.cursor -= 1;
            }
            Edit::DeleteForward if at < self.chars.len() => {
                self.chars.remove(at);
            }
            Edit::KillToStart => self.cut(0, at),
            Edit::KillToEnd => self.cut(at, self.chars.len()),
            Edit::KillSpacedWordBack => {
                let start = self.back_over(at, char::is_whitespace);
                let start = self.back_over(start, |c| !c.is_whitespace());
                self.cut(start, at);
            }
            Edit::KillWordBack => self.cut(self.word_start(at), at),
            Edit::KillWordForward => self.cut(at, self.word_end(at)),
            Edit::Yank => {
                let cut = self.cut.clone();
                self.chars.splice(at..at, cut.iter().copied());
                self.cursor += cut.len();
            }
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = self.chars.len(),
            Edit::Back => self.cursor = at.saturating_sub(1),
            Edit::Forward => self.cursor = (at + 1).min(self.chars.len()),
            Edit::WordBack => self.cursor = self.word_start(at),
            Edit::WordForward => self.cursor = self.word_end(at),
            Edit::DeleteBack | Edit::DeleteForward => {}
        }
    }

    /// Removes `start..end`, keeping it for Ctrl-Y when it is not empty; the cursor goes to
    /// `start`.
    fn cut(&mut self, start: usize, end: usize) {
        if start < end {
            self.cut = self.chars.drain(start..end).collect();
        }
        self.cursor = start;
    }

    /// The position before the run of characters that `is` holds for, ending at `at`.
    fn back_over(&self, mut at: usize, is: impl Fn(char) -> bool) -> usize {
        while at > 0 && is(self.chars[at - 1]) {
            at -= 1;
        }
        at
    }

    /// The position after the run of characters that `is` holds for, starting at `at`.
    fn forward_over(&self, mut at: usize, is: impl Fn(char) -> bool) -> usize {
        while at < self.chars.len() && is(self.chars[at]) {
            at += 1;
        }
        at
    }

    /// The start of the word before `at`: back over anything that is not a letter or digit,
    /// then over letters and digits.
    fn word_start(&self, at: usize) -> usize {
        let at = self.back_over(at, |c| !c.is_alphanumeric());
        self.back_over(at, char::is_alphanumeric)
    }

    /// The end of the word after `at`.
    fn word_end(&self, at: usize) -> usize {
        let at = self.forward_over(at, |c| !c.is_alphanumeric());
        self.forward_over(at, char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` after `edits`, with `|` where the cursor is.
    fn after(text: &str, cursor: usize, edits: &[Edit]) -> String {
        let mut line = Line::new(text);
        line.cursor = cursor;
        for edit in edits {
            line.apply(*edit);
        }
        let mut shown: Vec<char> = line.chars().to_vec();
        shown.insert(line.cursor(), '|');
        shown.into_iter().collect()
    }

    #[test]
    fn typing_and_deleting_a_character() {
        assert_eq!(after("Mya", 1, &[Edit::Insert('a')]), "Ma|ya");
        assert_eq!(after("Maya", 4, &[Edit::DeleteBack]), "May|");
        assert_eq!(after("Maya", 0, &[Edit::DeleteBack]), "|Maya");
        assert_eq!(after("Maya", 0, &[Edit::DeleteForward]), "|aya");
        assert_eq!(after("Maya", 4, &[Edit::DeleteForward]), "Maya|");
        assert_eq!(
            after("Şahin", 5, &[Edit::Back, Edit::Back, Edit::Insert('ı')]),
            "Şahı|in"
        );
    }

    #[test]
    fn ctrl_u_and_ctrl_k_cut_to_either_end_and_ctrl_y_puts_it_back() {
        assert_eq!(after("Lena Hoffmann", 5, &[Edit::KillToStart]), "|Hoffmann");
        assert_eq!(after("Lena Hoffmann", 4, &[Edit::KillToEnd]), "Lena|");
        assert_eq!(
            after(
                "Lena Hoffmann",
                5,
                &[Edit::KillToStart, Edit::End, Edit::Insert(' '), Edit::Yank]
            ),
            "Hoffmann Lena |"
        );
        assert_eq!(after("", 0, &[Edit::KillToStart, Edit::Yank]), "|");
    }

    #[test]
    fn ctrl_w_cuts_back_to_a_space_and_alt_backspace_to_a_word_boundary() {
        let path = "cd ~/contracts/acme  ";
        assert_eq!(after(path, 21, &[Edit::KillSpacedWordBack]), "cd |");
        assert_eq!(after(path, 21, &[Edit::KillWordBack]), "cd ~/contracts/|");
        assert_eq!(
            after(path, 21, &[Edit::KillWordBack, Edit::KillWordBack]),
            "cd ~/|"
        );
        assert_eq!(after("İş Bankası", 10, &[Edit::KillWordBack]), "İş |");
        assert_eq!(after("one two", 0, &[Edit::KillSpacedWordBack]), "|one two");
        assert_eq!(
            after("one two three", 4, &[Edit::KillWordForward]),
            "one | three"
        );
    }

    #[test]
    fn ctrl_a_ctrl_e_and_word_moves() {
        assert_eq!(
            after("Maya Lindqvist", 7, &[Edit::Start]),
            "|Maya Lindqvist"
        );
        assert_eq!(after("Maya Lindqvist", 0, &[Edit::End]), "Maya Lindqvist|");
        assert_eq!(
            after("Maya Lindqvist", 14, &[Edit::WordBack]),
            "Maya |Lindqvist"
        );
        assert_eq!(
            after("Maya Lindqvist", 0, &[Edit::WordForward]),
            "Maya| Lindqvist"
        );
        assert_eq!(
            after(
                "ab",
                0,
                &[Edit::Back, Edit::Forward, Edit::Forward, Edit::Forward]
            ),
            "ab|"
        );
    }
}
