//! The core's tests of the whole: the parse of the bundled notes and of generated ones, its rules, the parse in pieces, every line kept, a place found again after a reload. One test binary of modules.

mod common;
mod lossless;
mod parse_rules;
mod parse_seed;
mod parse_split;
mod place_reload;
