//! The atom table: interned atom texts, shared by every scheduler.
//!
//! Atoms are indices into one append-only table. Well-known atoms the VM
//! itself needs are pre-interned in a fixed order from the `ATOMS` list, so
//! `atom::OK` etc. are constants. Limits follow OTP: at most
//! [`MAX_ATOMS`] atoms (then `system_limit`), at most 255 characters each.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Atom(pub u32);

pub const MAX_ATOMS: usize = 1_048_576;
pub const MAX_ATOM_CHARS: usize = 255;

macro_rules! well_known_atoms {
    ($($name:ident = $text:expr),* $(,)?) => {
        const WELL_KNOWN: &[&str] = &[$($text),*];
        well_known_atoms!(@consts 0u32; $($name),*);
    };
    (@consts $n:expr; $name:ident $(, $rest:ident)*) => {
        pub const $name: Atom = Atom($n);
        well_known_atoms!(@consts $n + 1; $($rest),*);
    };
    (@consts $n:expr;) => {};
}

well_known_atoms! {
    FALSE = "false",
    TRUE = "true",
    OK = "ok",
    ERROR = "error",
    EXIT = "exit",
    THROW = "throw",
    UNDEFINED = "undefined",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause",
    UNDEF = "undef",
    BADFUN = "badfun",
    BADARITY = "badarity",
    TIMEOUT_VALUE = "timeout_value",
    NOPROC = "noproc",
    SYSTEM_LIMIT = "system_limit",
    BADMAP = "badmap",
    BADKEY = "badkey",
    BADRECORD = "badrecord",
    NOCATCH = "nocatch",
    EXIT_UPPER = "EXIT",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    ERLANG = "erlang",
    FILE = "file",
    LINE = "line",
    ERROR_INFO = "error_info",
    MODULE = "module",
    ERL_ERTS_ERRORS = "erl_erts_errors",
    INFINITY = "infinity",
    NONODE = "nonode@nohost",
    DOWN = "DOWN",
    PROCESS = "process",
    IO_REQUEST = "io_request",
    IO_REPLY = "io_reply",
    USER = "user",
    MAIN = "main",
    START = "start",
    APPLY = "apply",
    SHORT = "short",
    DECIMALS = "decimals",
    SCIENTIFIC = "scientific",
    COMPACT = "compact",
    LATIN1 = "latin1",
    UNICODE = "unicode",
    UTF8 = "utf8",
    TRAP_EXIT = "trap_exit",
    SAFE = "safe",
    UNSAFE = "unsafe",
    NO_FAIL = "no_fail",
    RESUME = "resume",
    MODULE_INFO = "module_info",
    BEAMZ_NATIVE = "beamz_native",
    NOTALIVE = "notalive",
    ALL = "all",
    VALUE = "value",
    NIF_ERROR = "nif_error",
    UNDEFINED_FUNCTION = "undefined_function",
    ERROR_HANDLER = "error_handler",
    BADFILE = "badfile",
    EXPORTS = "exports",
    FUNCTIONS = "functions",
    ATTRIBUTES = "attributes",
    COMPILE = "compile",
    MD5 = "md5",
    NATIVE = "native",
    CONSTANT = "constant",
    FUN = "fun",
    ARITY = "arity",
    NAME = "name",
    ENV = "env",
    TYPE = "type",
    LOCAL = "local",
    EXTERNAL = "external",
    INDEX = "index",
    NEW_INDEX = "new_index",
    NEW_UNIQ = "new_uniq",
    UNIQ = "uniq",
    PID = "pid",
    REGISTERED_NAME = "registered_name",
    MESSAGES = "messages",
    MESSAGE_QUEUE_LEN = "message_queue_len",
    DICTIONARY = "dictionary",
    GROUP_LEADER = "group_leader",
    STATUS = "status",
    HEAP_SIZE = "heap_size",
    STACK_SIZE = "stack_size",
    REDUCTIONS = "reductions",
    LINKS = "links",
    MONITORS = "monitors",
    CURRENT_FUNCTION = "current_function",
    INITIAL_CALL = "initial_call",
    PRIORITY = "priority",
    RUNNING = "running",
    RUNNABLE = "runnable",
    WAITING = "waiting",
    EXITING = "exiting",
    MONITOR = "monitor",
    LINK = "link",
    DEFAULT = "default",
}

struct Table {
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, Atom>,
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            names: Vec::with_capacity(4096),
            index: HashMap::with_capacity(4096),
        };
        for name in WELL_KNOWN {
            debug_assert!(!t.index.contains_key(*name), "duplicate well-known atom");
            let a = Atom(t.names.len() as u32);
            t.names.push((*name).into());
            t.index.insert((*name).into(), a);
        }
        RwLock::new(t)
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum AtomError {
    /// More than 255 characters.
    TooLong,
    /// The table holds `MAX_ATOMS` atoms.
    TableFull,
}

/// Atoms the VM itself may still create once programs filled the table
/// (module loading, its own internal names): a program that exhausts the
/// atom table gets `system_limit` and can still load the code that
/// reports it. (OTP aborts the whole node instead.)
pub const SYSTEM_RESERVE: usize = 1 << 16;

/// Intern `name` (UTF-8 text), creating the atom if needed; at most
/// [`MAX_ATOMS`] atoms.
pub fn intern(name: &str) -> Result<Atom, AtomError> {
    intern_upto(name, MAX_ATOMS)
}

/// [`intern`] for the code loader and the VM's own names: may use the
/// [`SYSTEM_RESERVE`] past [`MAX_ATOMS`].
pub fn intern_system(name: &str) -> Result<Atom, AtomError> {
    intern_upto(name, MAX_ATOMS + SYSTEM_RESERVE)
}

fn intern_upto(name: &str, cap: usize) -> Result<Atom, AtomError> {
    if name.chars().count() > MAX_ATOM_CHARS {
        return Err(AtomError::TooLong);
    }
    if let Some(a) = lookup(name) {
        return Ok(a);
    }
    let mut t = table().write().unwrap_or_else(|e| e.into_inner());
    if let Some(a) = t.index.get(name) {
        return Ok(*a);
    }
    if t.names.len() >= cap {
        return Err(AtomError::TableFull);
    }
    let a = Atom(t.names.len() as u32);
    t.names.push(name.into());
    t.index.insert(name.into(), a);
    Ok(a)
}

/// Intern a name known to be valid (VM-internal names). Falls back to
/// `undefined` if the table is full rather than panicking.
pub fn intern_static(name: &str) -> Atom {
    intern_system(name).unwrap_or(UNDEFINED)
}

/// The atom for `name` if it exists (`list_to_existing_atom`).
pub fn lookup(name: &str) -> Option<Atom> {
    let t = table().read().unwrap_or_else(|e| e.into_inner());
    t.index.get(name).copied()
}

/// The text of an atom. Atoms are never removed, so the text is `'static`
/// in practice; we return an owned copy to keep the lock short.
pub fn name(a: Atom) -> String {
    let t = table().read().unwrap_or_else(|e| e.into_inner());
    t.names
        .get(a.0 as usize)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Call `f` with the atom's text without copying it.
pub fn with_name<R>(a: Atom, f: impl FnOnce(&str) -> R) -> R {
    let t = table().read().unwrap_or_else(|e| e.into_inner());
    f(t.names.get(a.0 as usize).map(|s| &**s).unwrap_or(""))
}

/// Compare two atoms' texts as OTP orders atoms (by code point; UTF-8
/// byte order is code point order), under one read of the table and
/// without copying either text.
pub fn cmp_names(a: Atom, b: Atom) -> std::cmp::Ordering {
    let t = table().read().unwrap_or_else(|e| e.into_inner());
    let name = |x: Atom| {
        t.names
            .get(x.0 as usize)
            .map(|s| s.as_bytes())
            .unwrap_or(b"")
    };
    name(a).cmp(name(b))
}

pub fn count() -> usize {
    table()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .names
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_are_stable() {
        assert_eq!(name(FALSE), "false");
        assert_eq!(name(TRUE), "true");
        assert_eq!(intern("ok").unwrap(), OK);
        assert_eq!(name(EXIT_UPPER), "EXIT");
    }

    #[test]
    fn length_limit() {
        let ok = "a".repeat(255);
        assert!(intern(&ok).is_ok());
        let long = "a".repeat(256);
        assert_eq!(intern(&long), Err(AtomError::TooLong));
        // characters, not bytes
        let uni: String = "ä".repeat(255);
        assert!(intern(&uni).is_ok());
    }
}
