//! Line ends as the file had them. toml_edit writes `\n`; a file saved
//! with `\r\n`, or with both (a file edited on two systems), gets back the
//! end each of its lines had, and a new line the end of the line before it.

use similar::{DiffTag, TextDiff};

/// The edited text (`\n` ends) with the line ends of `before` put back.
pub fn restore(before: &str, after: &str) -> String {
    if !before.contains("\r\n") {
        return after.to_string();
    }
    let old_ends: Vec<&str> = before
        .split_inclusive('\n')
        .map(|line| if line.ends_with("\r\n") { "\r\n" } else { "\n" })
        .collect();
    let normalised = before.replace("\r\n", "\n");
    let diff = TextDiff::from_lines(&normalised, after);
    let new_lines: Vec<&str> = after.split_inclusive('\n').collect();
    let mut ends = vec![None; new_lines.len()];
    let mut last_end = old_ends.first().copied().unwrap_or("\n");
    for op in diff.ops() {
        let (tag, old, new) = op.as_tag_tuple();
        for (offset, slot) in ends[new.clone()].iter_mut().enumerate() {
            // A kept or rewritten line keeps its end; a new one takes the
            // end of the line before it.
            let end = match tag {
                DiffTag::Equal | DiffTag::Replace if offset < old.len() => {
                    old_ends.get(old.start + offset).copied()
                }
                _ => None,
            };
            let end = end.unwrap_or(last_end);
            last_end = end;
            *slot = Some(end);
        }
        if let Some(end) = old.clone().last().and_then(|i| old_ends.get(i)) {
            last_end = end;
        }
    }
    let mut out = String::with_capacity(after.len() + new_lines.len());
    for (line, end) in new_lines.iter().zip(ends) {
        match line.strip_suffix('\n') {
            Some(content) => {
                out.push_str(content);
                out.push_str(end.unwrap_or("\n"));
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::restore;

    #[test]
    fn each_line_keeps_its_own_end() {
        let before = "a = 1\r\nb = 2\nc = 3\r\n";
        let after = "a = 1\nb = 2\nx = 9\nc = 3\n";
        assert_eq!(restore(before, after), "a = 1\r\nb = 2\nx = 9\nc = 3\r\n");
    }

    #[test]
    fn a_file_without_crlf_is_left_alone() {
        assert_eq!(restore("a = 1\n", "a = 2\n"), "a = 2\n");
    }

    #[test]
    fn a_changed_line_keeps_the_end_of_the_line_it_replaces() {
        let before = "a = 1\r\nb = 2\n";
        assert_eq!(restore(before, "a = 1\nb = 3\n"), "a = 1\r\nb = 3\n");
    }
}
