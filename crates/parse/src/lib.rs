//! # unprog-parse: the programme of work, from layout or plain text
//!
//! Turns the [`unprog_extract::Layout`] of a UN programme of work — or the
//! plain text another tool extracted from one — into a [`Programme`].

pub mod model;

pub use model::{
    AgendaItem, Day, Event, Footnote, Language, Programme, Reference, Session, Slot, Source,
    SourceKind, SubItem, Topic, Weekday, SCHEMA_VERSION,
};
