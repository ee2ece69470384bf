//! The candidate shapes a file's rules take: as day lines, or as groups
//! of days above them.

use crate::parse::heading::Shape;

/// What a candidate line of an accepted shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A day line.
    Day,
    /// A group of days (a week's range above its days): outside every day,
    /// like a year line.
    Group,
}

/// The most shapes taken from one file.
pub(super) const MOST_ACCEPTED: usize = 8;

/// Candidate shapes taken as day lines or groups, a few at most (fixed
/// size, so that rules stay a small copied value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accepted {
    shapes: [Shape; MOST_ACCEPTED],
    /// Bit `i`: `shapes[i]` is a group.
    groups: u8,
    len: u8,
}

impl Accepted {
    pub(super) fn push(&mut self, shape: Shape, role: Role) {
        let i = usize::from(self.len);
        if i < MOST_ACCEPTED {
            self.shapes[i] = shape;
            if role == Role::Group {
                self.groups |= 1 << i;
            }
            self.len += 1;
        }
    }

    /// What a line of `shape` is, when its shape is taken.
    pub fn role(&self, shape: Shape) -> Option<Role> {
        let i = self.shapes[..usize::from(self.len)]
            .iter()
            .position(|s| *s == shape)?;
        Some(if self.groups & (1 << i) != 0 {
            Role::Group
        } else {
            Role::Day
        })
    }

    /// True when no shape is taken.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}
