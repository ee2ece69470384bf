//! A hit's place as `search` prints it, made from parts kept between hits:
//! a large file's hits come by the hundred thousand, mostly many to a day
//! and several to a topic, so the day's name and the topic's are each made
//! (and made safe) once, not once a hit.
//!
//! ```text
//! 8.23 › 2.服务器发送事件SSE › 特点
//! └day┘   └──── topic ────┘   └ sections, each made safe on its own
//! ```

use super::{clean, push_number};
use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;
use daynotes_core::search::Hit;

/// The last place made, and the parts of it kept for the next.
#[derive(Default)]
pub struct Places {
    /// The place of `(source, node)`: the names of
    /// [`daynotes_core::search::place_names`] made safe and joined by ` › `, or
    /// the file's name outside every day.
    last: Option<(usize, Option<NodeId>)>,
    text: String,
    /// Day `d`'s name, made safe.
    day: Option<usize>,
    day_name: String,
    /// Topic `(d, t)`'s name (`n.title`), made safe.
    topic: Option<(usize, usize)>,
    topic_name: String,
    /// That topic's section titles, made safe, by index (where each is
    /// in `title_text`): each made when
    /// a place first needs it.
    titles: Vec<Option<(usize, usize)>>,
    /// The titles of `titles`, end to end: one buffer, not a string each.
    title_text: String,
    /// The sections from a hit's own up to the topic.
    path: Vec<usize>,
    scratch: String,
}

impl Places {
    /// The place of `hit`, made again only when it
    /// is not the place of the hit before.
    pub fn of(&mut self, nb: &Notebook, hit: &Hit) -> &str {
        let key = (hit.source, hit.node);
        if self.last != Some(key) {
            self.last = Some(key);
            self.text.clear();
            self.make(nb, hit);
        }
        &self.text
    }

    fn make(&mut self, nb: &Notebook, hit: &Hit) {
        let Some(node) = hit.node else {
            self.text.push_str(&clean(&nb.sources[hit.source].path));
            return;
        };
        let d = node.day_index();
        let Some(day) = nb.days.get(d) else {
            return;
        };
        if self.day != Some(d) {
            self.day = Some(d);
            self.day_name.clear();
            let name = &mut self.scratch;
            name.clear();
            day.name().push_to(name);
            self.day_name.push_str(&clean(name));
        }
        self.text.push_str(&self.day_name);
        let Some(t) = node.topic_index() else {
            return;
        };
        let Some(topic) = day.topics.get(t) else {
            return;
        };
        if self.topic != Some((d, t)) {
            self.topic = Some((d, t));
            let name = &mut self.scratch;
            name.clear();
            if let Some(n) = topic.number {
                push_number(name, n as usize);
                name.push('.');
            }
            name.push_str(topic.title());
            self.topic_name.clear();
            self.topic_name.push_str(" › ");
            self.topic_name.push_str(&clean(name));
            self.titles.clear();
            self.title_text.clear();
        }
        self.text.push_str(&self.topic_name);
        let Some(k) = node.section_index() else {
            return;
        };
        // As `section_path` walks them, without a list made each time.
        let sections = topic.sections();
        self.path.clear();
        let mut at = Some(k);
        while let Some(i) = at.filter(|&i| i < sections.len()) {
            self.path.push(i);
            at = sections[i].parent();
        }
        if self.titles.len() < sections.len() {
            self.titles.resize(sections.len(), None);
        }
        for &i in self.path.iter().rev() {
            let (from, to) = match self.titles[i] {
                Some(at) => at,
                None => {
                    let from = self.title_text.len();
                    self.title_text
                        .push_str(&clean(topic.section_title(&sections[i])));
                    let at = (from, self.title_text.len());
                    self.titles[i] = Some(at);
                    at
                }
            };
            self.text.push_str(" › ");
            self.text.push_str(&self.title_text[from..to]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::search::{Index, Matcher, Query};

    /// Every line's place made from kept parts is the place made whole,
    /// in notes of every shape: the hits of one day, topic and section
    /// follow each other, then others, then a day's hits again after a
    /// section (the parts must not outlive their day or topic).
    /// A place made whole from [`daynotes_core::search::place_names`].
    fn whole_place(nb: &Notebook, h: &Hit) -> String {
        match h.node {
            None => clean(&nb.sources[h.source].path).into_owned(),
            Some(node) => daynotes_core::search::place_names(nb, node)
                .iter()
                .map(|name| clean(name).into_owned())
                .collect::<Vec<_>>()
                .join(" › "),
        }
    }

    #[test]
    fn kept_parts_make_the_same_place() {
        let mut notebooks = super::super::notes_of_every_shape();
        let text = daynotes_core::generate::markdown_notes(200_000, 3);
        notebooks.push(daynotes_core::load::from_text("gen.md", text));
        let m = Matcher::new(&Query::regex(".")).unwrap();
        for nb in &notebooks {
            let hits = Index::streaming(nb).search(nb, &m);
            assert!(!hits.is_empty());
            let mut places = Places::default();
            for h in &hits {
                assert_eq!(places.of(nb, h), whole_place(nb, h));
            }
        }
    }
}
