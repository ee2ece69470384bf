//! Anki's text import (File › Import of a `.txt`): a note a line, its
//! columns separated by tabs, with the header lines Anki reads to know
//! them. The models are Anki's stock ones (a text import cannot bring its
//! own), which every collection has; the guid column lets a second import
//! update the notes of the first.
//!
//! ```text
//! #separator:tab
//! #html:true
//! #guid column:1
//! #notetype column:2
//! #deck column:3
//! #tags column:6   (⇥ below: a tab)
//! dn3f2a… ⇥ Basic ⇥ study-notes ⇥ tcp握手 ⇥ TCP三次握手是… ⇥ 2025-08-22
//! ```

use std::io::{self, Write};

use super::AnkiNote;

/// Writes `notes` as Anki's text import.
pub fn write(notes: &[AnkiNote], w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "#separator:tab")?;
    writeln!(w, "#html:true")?;
    writeln!(w, "#guid column:1")?;
    writeln!(w, "#notetype column:2")?;
    writeln!(w, "#deck column:3")?;
    writeln!(w, "#tags column:6")?;
    for n in notes {
        let columns = [
            n.guid.as_str(),
            n.model.stock_name(),
            n.deck.as_str(),
            n.fields[0].as_str(),
            n.fields[1].as_str(),
            &n.tags.join(" "),
        ];
        let line: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
        writeln!(w, "{}", line.join("\t"))?;
    }
    Ok(())
}

/// A column as Anki's reader takes it: in double quotes (doubled inside)
/// when it holds a tab, a quote or a line end, or starts with `#`.
fn quoted(s: &str) -> String {
    if s.contains(['\t', '"', '\n', '\r']) || s.starts_with('#') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_with_tabs_or_quotes_are_quoted() {
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(quoted("a\tb"), "\"a\tb\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quoted("#not a header"), "\"#not a header\"");
    }
}
