//! The topics as the study side knows them: noting the day each is
//! opened, and `s`, a topic not looked at for long drawn at random.

use super::super::{App, Tone};
use daynotes_core::outline::NodeId;
use daynotes_core::review::revisit;

impl App {
    /// Notes that the topic `id` shows was opened today.
    pub(in crate::app) fn note_seen(&mut self, id: NodeId) {
        if id.section_index().is_some() || id.topic_index().is_none() {
            return;
        }
        let (Some(t), d) = (id.topic_index(), id.day_index()) else {
            return;
        };
        let rule = &self.study.deck.settings.rule;
        let Some(key) = daynotes_core::review::topic_key(&self.notebook, d, t, rule) else {
            return;
        };
        let today = self.review_today();
        self.study.deck.saw_key(&key, today);
    }

    /// `s`: a topic not looked at for long, drawn at random.
    pub(in crate::app) fn revisit(&mut self) {
        self.ensure_deck();
        let today = self.review_today();
        let weights = revisit::weights(&self.study.deck, today);
        let roll = self.study.rng.u64(..);
        let Some(i) = revisit::pick(&weights, roll) else {
            return self.say("no topics to revisit", Tone::Info);
        };
        let when = revisit::age(&self.study.deck, i, today);
        let node = self.study.deck.topics[i].node;
        self.select_node(node);
        self.say(format!("revisit: {when}"), Tone::Info);
    }
}
