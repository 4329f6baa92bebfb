/// Converts byte offsets of one text into code-point offsets.
///
/// Offsets come mostly in increasing order (spans are found left to right), so the converter
/// keeps a cursor and counts only the characters between the last offset and the next: a whole
/// document's spans cost one pass over its text. ASCII text needs no counting at all.
pub struct CodePoints<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    cp: usize,
}

impl<'t> CodePoints<'t> {
    pub fn new(text: &'t str) -> CodePoints<'t> {
        CodePoints {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            cp: 0,
        }
    }

    /// The code-point offset of byte offset `byte`, which must be on a char boundary.
    pub fn of(&mut self, byte: usize) -> usize {
        debug_assert!(
            self.text.is_char_boundary(byte),
            "offset {byte} is not on a char boundary"
        );
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            if byte < self.byte / 2 {
                self.byte = 0;
                self.cp = 0;
            } else {
                self.cp -= self.text[byte..self.byte].chars().count();
                self.byte = byte;
                return self.cp;
            }
        }
        self.cp += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.cp
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_multibyte_characters() {
        let text = "a€b😀c";
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.of(0), 0);
        assert_eq!(cp.of(1), 1);
        assert_eq!(cp.of(4), 2);
        assert_eq!(cp.of(9), 4);
        assert_eq!(cp.of(4), 2);
        assert_eq!(cp.of(text.len()), 5);
    }

    proptest! {
        /// Any sequence of offsets, in any order, converts to what a full count gives.
        #[test]
        fn matches_a_full_count(text in "\\PC{0,60}", picks in proptest::collection::vec(0usize..1000, 0..20)) {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut cp = CodePoints::new(&text);
            for p in picks {
                let b = boundaries[p % boundaries.len()];
                prop_assert_eq!(cp.of(b), text[..b].chars().count());
            }
        }
    }
}
