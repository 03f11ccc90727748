//! `prim_file`, natively: the file operations OTP implements as NIFs
//! (erts `prim_file_nif.c`), answered at the level of `prim_file`'s
//! exported functions, which is where OTP's `file_server`,
//! `file_io_server` and `raw_file_io` call them. With these, OTP's own
//! `file` module works unmodified: `file:read_file/1` through the file
//! server, `file:open/2` through a `file_io_server` process, raw files
//! directly.
//!
//! An open file is `{file_descriptor, prim_file, Id}`, `Id` indexing
//! [`FILES`]. Reads go through a per-file read-ahead buffer (what
//! `read_line/1` needs); any other operation first gives the unread part
//! back by seeking. Errors are `{error, Posix}` with erts' atom names.

use super::{Bif, Exc};
use crate::bif::code_path::file_name;
use crate::process::Process;
use crate::term::{atom, Term};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Mutex, OnceLock};

type R = Result<Term, Exc>;

struct OpenFile {
    file: File,
    /// Read ahead, not yet returned: `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
}

impl OpenFile {
    /// Give the read-ahead back: the OS position becomes the logical one.
    fn unread(&mut self) -> std::io::Result<()> {
        let left = (self.buf.len() - self.pos) as i64;
        self.buf.clear();
        self.pos = 0;
        if left > 0 {
            self.file.seek(SeekFrom::Current(-left))?;
        }
        Ok(())
    }

    fn fill(&mut self, want: usize) -> std::io::Result<usize> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + want, 0);
        let n = self.file.read(&mut self.buf[old..])?;
        self.buf.truncate(old + n);
        Ok(n)
    }
}

static NEXT_ID: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);

fn files() -> &'static Mutex<HashMap<i64, OpenFile>> {
    static F: OnceLock<Mutex<HashMap<i64, OpenFile>>> = OnceLock::new();
    F.get_or_init(|| Mutex::new(HashMap::new()))
}

fn with_file<T>(fd: Term, f: impl FnOnce(&mut OpenFile) -> T) -> Result<T, Exc> {
    let id = fd_id(fd).ok_or_else(Exc::badarg)?;
    let mut t = files().lock().unwrap_or_else(|e| e.into_inner());
    let of = t.get_mut(&id).ok_or_else(Exc::badarg)?;
    Ok(f(of))
}

fn fd_id(fd: Term) -> Option<i64> {
    if !fd.is_tuple() || fd.tuple_arity() != 3 {
        return None;
    }
    let id = fd.element(2);
    let tag_ok = fd.element(0) == Term::atom(atom::intern_static("file_descriptor"))
        && fd.element(1) == Term::atom(atom::intern_static("prim_file"));
    (tag_ok && id.is_small()).then(|| id.small_value())
}

/// erts' name for an OS error (`erl_errno_id`).
fn posix(e: &std::io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(1) => "eperm",
        Some(2) => "enoent",
        Some(4) => "eintr",
        Some(5) => "eio",
        Some(6) => "enxio",
        Some(9) => "ebadf",
        Some(11) => "eagain",
        Some(12) => "enomem",
        Some(13) => "eacces",
        Some(16) => "ebusy",
        Some(17) => "eexist",
        Some(18) => "exdev",
        Some(19) => "enodev",
        Some(20) => "enotdir",
        Some(21) => "eisdir",
        Some(22) => "einval",
        Some(23) => "enfile",
        Some(24) => "emfile",
        Some(26) => "etxtbsy",
        Some(27) => "efbig",
        Some(28) => "enospc",
        Some(29) => "espipe",
        Some(30) => "erofs",
        Some(31) => "emlink",
        Some(32) => "epipe",
        Some(36) => "enametoolong",
        // ENOTEMPTY: erts reports a non-empty directory as eexist.
        Some(39) => "eexist",
        Some(40) => "eloop",
        Some(95) => "enotsup",
        Some(122) => "edquot",
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => "enoent",
            std::io::ErrorKind::PermissionDenied => "eacces",
            std::io::ErrorKind::AlreadyExists => "eexist",
            std::io::ErrorKind::InvalidInput => "einval",
            _ => "eio",
        },
    }
}

fn err(p: &mut Process, e: &std::io::Error) -> Term {
    err_atom(p, posix(e))
}

fn err_atom(p: &mut Process, name: &'static str) -> Term {
    let r = Term::atom(atom::intern_static(name));
    p.heap.tuple(&[Term::atom(atom::ERROR), r])
}

fn ok_with(p: &mut Process, t: Term) -> Term {
    p.heap.tuple(&[Term::atom(atom::OK), t])
}

fn ok() -> Term {
    Term::atom(atom::OK)
}

fn result(p: &mut Process, r: std::io::Result<()>) -> Term {
    match r {
        Ok(()) => ok(),
        Err(e) => err(p, &e),
    }
}

fn bytes(t: Term) -> Result<Vec<u8>, Exc> {
    crate::bif::binaries::iolist_bytes(t)
}

// ---- whole files and directories --------------------------------------------

fn read_file1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    Ok(match std::fs::read(&name) {
        Ok(b) => {
            let bin = p.heap.binary(&b);
            ok_with(p, bin)
        }
        Err(e) => err(p, &e),
    })
}

fn write_file2(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let data = bytes(a[1])?;
    let r = std::fs::write(&name, data);
    Ok(result(p, r))
}

fn names(p: &mut Process, dir: &str) -> Term {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut items = Vec::new();
            for e in rd {
                match e {
                    Ok(e) => items.push(p.heap.string(&e.file_name().to_string_lossy())),
                    Err(e) => return err(p, &e),
                }
            }
            let l = p.heap.list(&items);
            ok_with(p, l)
        }
        Err(e) => err(p, &e),
    }
}

fn list_dir1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    Ok(names(p, &name))
}

fn make_dir1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let r = std::fs::create_dir(&name);
    Ok(result(p, r))
}

fn del_dir1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let r = std::fs::remove_dir(&name);
    Ok(result(p, r))
}

fn delete1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    // unlink(2) on a directory is EISDIR on Linux; erts says eperm.
    if std::fs::symlink_metadata(&name).is_ok_and(|m| m.is_dir()) {
        return Ok(err_atom(p, "eperm"));
    }
    let r = std::fs::remove_file(&name);
    Ok(result(p, r))
}

fn rename2(p: &mut Process, a: &[Term]) -> R {
    let from = file_name(a[0])?;
    let to = file_name(a[1])?;
    let r = std::fs::rename(&from, &to);
    Ok(result(p, r))
}

fn get_cwd0(p: &mut Process, _a: &[Term]) -> R {
    Ok(match std::env::current_dir() {
        Ok(d) => {
            let s = p.heap.string(&d.to_string_lossy());
            ok_with(p, s)
        }
        Err(e) => err(p, &e),
    })
}

fn get_cwd1(p: &mut Process, _a: &[Term]) -> R {
    Ok(err_atom(p, "enotsup"))
}

fn set_cwd1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let r = std::env::set_current_dir(&name);
    Ok(result(p, r))
}

fn read_link1(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    Ok(match std::fs::read_link(&name) {
        Ok(t) => {
            let s = p.heap.string(&t.to_string_lossy());
            ok_with(p, s)
        }
        Err(e) => err(p, &e),
    })
}

fn make_link2(p: &mut Process, a: &[Term]) -> R {
    let from = file_name(a[0])?;
    let to = file_name(a[1])?;
    let r = std::fs::hard_link(&from, &to);
    Ok(result(p, r))
}

fn make_symlink2(p: &mut Process, a: &[Term]) -> R {
    let from = file_name(a[0])?;
    let to = file_name(a[1])?;
    let r = std::os::unix::fs::symlink(&from, &to);
    Ok(result(p, r))
}

fn altname1(p: &mut Process, _a: &[Term]) -> R {
    Ok(err_atom(p, "enotsup"))
}

// ---- file_info ----------------------------------------------------------------

/// `#file_info{}` of `file.hrl`; times as `{time, local | universal |
/// posix}` asks (local time is UTC here).
fn file_info(p: &mut Process, a: &[Term], follow: bool) -> R {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let name = file_name(a[0])?;
    let mut posix_time = false;
    if let Some(opts) = a.get(1) {
        for o in opts.iter_list() {
            if o.is_tuple()
                && o.tuple_arity() == 2
                && o.element(0) == Term::atom(atom::intern_static("time"))
            {
                let t = o.element(1);
                if t == Term::atom(atom::intern_static("posix")) {
                    posix_time = true;
                } else if t != Term::atom(atom::intern_static("local"))
                    && t != Term::atom(atom::intern_static("universal"))
                {
                    return Err(Exc::badarg());
                }
            }
        }
    }
    let md = if follow {
        std::fs::metadata(&name)
    } else {
        std::fs::symlink_metadata(&name)
    };
    let md = match md {
        Ok(m) => m,
        Err(e) => return Ok(err(p, &e)),
    };
    let ft = md.file_type();
    let kind = if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular"
    } else if ft.is_symlink() {
        "symlink"
    } else if ft.is_block_device() || ft.is_char_device() {
        "device"
    } else {
        "other"
    };
    let mode = md.mode();
    let access = {
        let r = mode & 0o400 != 0;
        let w = mode & 0o200 != 0;
        match (r, w) {
            (true, true) => "read_write",
            (true, false) => "read",
            (false, true) => "write",
            (false, false) => "none",
        }
    };
    let mut time = |secs: i64| {
        if posix_time {
            p.heap.int(secs)
        } else {
            crate::bif::system::datetime(p, secs)
        }
    };
    let at = time(md.atime());
    let mt = time(md.mtime());
    let ct = time(md.ctime());
    let size = p.heap.int(md.size() as i64);
    let inode = p.heap.int(md.ino() as i64);
    let dev = p.heap.int(md.dev() as i64);
    let fields = [
        Term::atom(atom::intern_static("file_info")),
        size,
        Term::atom(atom::intern_static(kind)),
        Term::atom(atom::intern_static(access)),
        at,
        mt,
        ct,
        Term::small(mode as i64),
        Term::small(md.nlink() as i64),
        dev,
        Term::small(md.rdev() as i64 & 0xFFFF_FFFF),
        inode,
        Term::small(md.uid() as i64),
        Term::small(md.gid() as i64),
    ];
    let info = p.heap.tuple(&fields);
    Ok(ok_with(p, info))
}

fn read_file_info(p: &mut Process, a: &[Term]) -> R {
    file_info(p, a, true)
}

fn read_link_info(p: &mut Process, a: &[Term]) -> R {
    file_info(p, a, false)
}

// ---- open files -------------------------------------------------------------

/// `prim_file:open/2`: modes as erts reads them (read, write, append,
/// exclusive; the rest are for the layers above). `write` without `read`
/// truncates; `append` implies `write`.
fn open2(p: &mut Process, a: &[Term]) -> R {
    let name = file_name(a[0])?;
    let (mut read, mut write, mut append, mut excl) = (false, false, false, false);
    let mut it = a[1].iter_list();
    for m in &mut it {
        if m.is_atom() {
            match atom::name(m.atom_value()).as_str() {
                "read" => read = true,
                "write" => write = true,
                "append" => append = true,
                "exclusive" => excl = true,
                _ => {}
            }
        }
    }
    if !it.rest().is_nil() {
        return Err(Exc::badarg());
    }
    if append || excl {
        write = true;
    }
    if !write {
        read = true;
    }
    let mut oo = OpenOptions::new();
    oo.read(read).write(write).append(append);
    if write {
        if excl {
            oo.create_new(true);
        } else {
            oo.create(true);
        }
        if !read && !append {
            oo.truncate(true);
        }
    }
    match oo.open(&name) {
        Ok(file) => {
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Ok(err_atom(p, "eisdir"));
            }
            let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            files().lock().unwrap_or_else(|e| e.into_inner()).insert(
                id,
                OpenFile {
                    file,
                    buf: Vec::new(),
                    pos: 0,
                },
            );
            let fd = p.heap.tuple(&[
                Term::atom(atom::intern_static("file_descriptor")),
                Term::atom(atom::intern_static("prim_file")),
                Term::small(id),
            ]);
            Ok(ok_with(p, fd))
        }
        Err(e) => Ok(err(p, &e)),
    }
}

fn close1(p: &mut Process, a: &[Term]) -> R {
    let id = fd_id(a[0]).ok_or_else(Exc::badarg)?;
    let gone = files()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&id);
    Ok(match gone {
        Some(_) => ok(),
        None => err_atom(p, "einval"),
    })
}

fn size_arg(t: Term) -> Result<usize, Exc> {
    if t.is_small() && t.small_value() >= 0 {
        Ok(t.small_value() as usize)
    } else {
        Err(Exc::badarg())
    }
}

fn read2(p: &mut Process, a: &[Term]) -> R {
    let n = size_arg(a[1])?;
    let r = with_file(a[0], |f| -> std::io::Result<Option<Vec<u8>>> {
        if f.pos == f.buf.len() {
            f.fill(n.clamp(1, 1 << 26))?;
        }
        let avail = f.buf.len() - f.pos;
        if avail == 0 {
            return Ok(if n == 0 { Some(Vec::new()) } else { None });
        }
        let take = avail.min(n);
        let out = f.buf[f.pos..f.pos + take].to_vec();
        f.pos += take;
        Ok(Some(out))
    })?;
    Ok(match r {
        Ok(Some(b)) => {
            let bin = p.heap.binary(&b);
            ok_with(p, bin)
        }
        Ok(None) => Term::atom(atom::intern_static("eof")),
        Err(e) => err(p, &e),
    })
}

/// `read_line/1`: up to and including a newline, `\r\n` given as `\n`.
fn read_line1(p: &mut Process, a: &[Term]) -> R {
    let r = with_file(a[0], |f| -> std::io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(i) = f.buf[f.pos..].iter().position(|&b| b == b'\n') {
                let mut line = f.buf[f.pos..f.pos + i + 1].to_vec();
                f.pos += i + 1;
                if line.ends_with(b"\r\n") {
                    line.truncate(line.len() - 2);
                    line.push(b'\n');
                }
                return Ok(Some(line));
            }
            // Keep the partial line, read more behind it.
            if f.pos > 0 {
                f.buf.drain(..f.pos);
                f.pos = 0;
            }
            let old = f.buf.len();
            f.buf.resize(old + 8192, 0);
            let n = f.file.read(&mut f.buf[old..])?;
            f.buf.truncate(old + n);
            if n == 0 {
                if f.buf.is_empty() {
                    return Ok(None);
                }
                let line = std::mem::take(&mut f.buf);
                return Ok(Some(line));
            }
        }
    })?;
    Ok(match r {
        Ok(Some(b)) => {
            let bin = p.heap.binary(&b);
            ok_with(p, bin)
        }
        Ok(None) => Term::atom(atom::intern_static("eof")),
        Err(e) => err(p, &e),
    })
}

fn write2(p: &mut Process, a: &[Term]) -> R {
    let data = bytes(a[1])?;
    let r = with_file(a[0], |f| {
        f.unread()?;
        f.file.write_all(&data)
    })?;
    Ok(result(p, r))
}

/// A `position/2` location as a `SeekFrom`.
fn location(t: Term) -> Option<SeekFrom> {
    let at = |name: &str| Term::atom(atom::intern_static(name));
    if t.is_small() {
        return (t.small_value() >= 0).then(|| SeekFrom::Start(t.small_value() as u64));
    }
    if t == at("bof") {
        return Some(SeekFrom::Start(0));
    }
    if t == at("cur") {
        return Some(SeekFrom::Current(0));
    }
    if t == at("eof") {
        return Some(SeekFrom::End(0));
    }
    if t.is_tuple() && t.tuple_arity() == 2 && t.element(1).is_small() {
        let n = t.element(1).small_value();
        let k = t.element(0);
        if k == at("bof") {
            return (n >= 0).then_some(SeekFrom::Start(n as u64));
        }
        if k == at("cur") {
            return Some(SeekFrom::Current(n));
        }
        if k == at("eof") {
            return Some(SeekFrom::End(n));
        }
    }
    None
}

fn position2(p: &mut Process, a: &[Term]) -> R {
    let Some(loc) = location(a[1]) else {
        return Ok(err_atom(p, "einval"));
    };
    let r = with_file(a[0], |f| {
        f.unread()?;
        f.file.seek(loc)
    })?;
    Ok(match r {
        Ok(pos) => {
            let t = p.heap.int(pos as i64);
            ok_with(p, t)
        }
        Err(e) => err(p, &e),
    })
}

fn pread_one(f: &mut OpenFile, pos: u64, n: usize) -> std::io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    let mut out = vec![0u8; n.min(1 << 26)];
    let mut got = 0;
    while got < out.len() {
        let k = f.file.read_at(&mut out[got..], pos + got as u64)?;
        if k == 0 {
            break;
        }
        got += k;
    }
    out.truncate(got);
    Ok(if got == 0 && n > 0 { None } else { Some(out) })
}

fn pread3(p: &mut Process, a: &[Term]) -> R {
    if !a[1].is_small() || a[1].small_value() < 0 {
        return Ok(err_atom(p, "einval"));
    }
    let pos = a[1].small_value() as u64;
    let n = size_arg(a[2])?;
    let r = with_file(a[0], |f| pread_one(f, pos, n))?;
    Ok(match r {
        Ok(Some(b)) => {
            let bin = p.heap.binary(&b);
            ok_with(p, bin)
        }
        Ok(None) => Term::atom(atom::intern_static("eof")),
        Err(e) => err(p, &e),
    })
}

fn pwrite3(p: &mut Process, a: &[Term]) -> R {
    use std::os::unix::fs::FileExt;
    if !a[1].is_small() || a[1].small_value() < 0 {
        return Ok(err_atom(p, "einval"));
    }
    let pos = a[1].small_value() as u64;
    let data = bytes(a[2])?;
    let r = with_file(a[0], |f| f.file.write_all_at(&data, pos))?;
    Ok(result(p, r))
}

fn sync1(p: &mut Process, a: &[Term]) -> R {
    let r = with_file(a[0], |f| f.file.sync_all())?;
    Ok(result(p, r))
}

fn truncate1(p: &mut Process, a: &[Term]) -> R {
    let r = with_file(a[0], |f| {
        f.unread()?;
        let at = f.file.stream_position()?;
        f.file.set_len(at)
    })?;
    Ok(result(p, r))
}

/// `advise/4`, `allocate/3`: hints; accepted.
fn hint(_p: &mut Process, a: &[Term]) -> R {
    fd_id(a[0]).ok_or_else(Exc::badarg)?;
    Ok(ok())
}

macro_rules! row {
    ($f:literal, $n:literal, $fun:ident) => {
        Bif {
            module: "prim_file",
            name: $f,
            arity: $n,
            f: $fun,
        }
    };
}

pub const TABLE: &[Bif] = &[
    row!("read_file", 1, read_file1),
    row!("write_file", 2, write_file2),
    row!("list_dir", 1, list_dir1),
    row!("list_dir_all", 1, list_dir1),
    row!("make_dir", 1, make_dir1),
    row!("del_dir", 1, del_dir1),
    row!("delete", 1, delete1),
    row!("rename", 2, rename2),
    row!("get_cwd", 0, get_cwd0),
    row!("get_cwd", 1, get_cwd1),
    row!("set_cwd", 1, set_cwd1),
    row!("read_link", 1, read_link1),
    row!("read_link_all", 1, read_link1),
    row!("make_link", 2, make_link2),
    row!("make_symlink", 2, make_symlink2),
    row!("altname", 1, altname1),
    row!("read_file_info", 1, read_file_info),
    row!("read_file_info", 2, read_file_info),
    row!("read_link_info", 1, read_link_info),
    row!("read_link_info", 2, read_link_info),
    row!("open", 2, open2),
    row!("close", 1, close1),
    row!("read", 2, read2),
    row!("read_line", 1, read_line1),
    row!("write", 2, write2),
    row!("position", 2, position2),
    row!("pread", 3, pread3),
    row!("pwrite", 3, pwrite3),
    row!("sync", 1, sync1),
    row!("datasync", 1, sync1),
    row!("truncate", 1, truncate1),
    row!("advise", 4, hint),
    row!("allocate", 3, hint),
];
