//! Reading plain text (to be written).

use crate::lang::Table;
use crate::lines::Prepared;

pub(crate) fn prepare(_text: &str, _table: &Table) -> Prepared {
    Prepared::default()
}
