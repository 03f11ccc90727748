//! The installed OTP: finding its root and library code path, running
//! `erlc` (for `.erl` inputs and the VM's own Erlang support modules), and
//! the on-disk cache those compilations go to.
//!
//! Nothing of OTP is copied: its `.beam` files are read where they are.

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod kernel;

/// The VM's Erlang support module (group leader, crash report).
pub const GL_SOURCE: &str = include_str!("beamz_gl.erl");

/// The VM's Erlang module that starts OTP's logger services (kernel.rs).
pub const KERNEL_SOURCE: &str = include_str!("beamz_kernel.erl");

pub const INSTALL_HINT: &str = "no Erlang/OTP installation found: install OTP 25 (on Debian/Ubuntu: `apt-get install -y erlang-base`), or point --otp-root / BEAMZ_OTP_ROOT at its root (the directory holding lib/ and bin/)";

fn is_root(p: &Path) -> bool {
    p.join("lib").is_dir() && p.join("bin").is_dir()
}

fn on_path(prog: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(prog))
        .find(|p| p.is_file())
}

/// The OTP root: `--otp-root`, `BEAMZ_OTP_ROOT`, the `erl` on PATH, or a
/// usual prefix.
pub fn find_root(cli: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = cli {
        return if is_root(p) {
            Ok(p.to_path_buf())
        } else {
            Err(format!(
                "--otp-root {} is not an OTP root (no lib/ and bin/)",
                p.display()
            ))
        };
    }
    if let Some(p) = std::env::var_os("BEAMZ_OTP_ROOT") {
        let p = PathBuf::from(p);
        return if is_root(&p) {
            Ok(p)
        } else {
            Err(format!(
                "BEAMZ_OTP_ROOT={} is not an OTP root (no lib/ and bin/)",
                p.display()
            ))
        };
    }
    if let Some(erl) = on_path("erl") {
        if let Ok(real) = std::fs::canonicalize(&erl) {
            // <root>/bin/erl or <root>/erts-*/bin/erl
            for anc in real.ancestors().skip(2).take(2) {
                if is_root(anc) {
                    return Ok(anc.to_path_buf());
                }
            }
        }
    }
    for p in [
        "/usr/lib/erlang",
        "/usr/local/lib/erlang",
        "/opt/erlang",
        "/usr/lib64/erlang",
    ] {
        let p = PathBuf::from(p);
        if is_root(&p) {
            return Ok(p);
        }
    }
    Err(INSTALL_HINT.to_string())
}

/// Every `lib/*/ebin` of the OTP root (erts first: it holds the preloaded
/// modules), then the rest in name order.
pub fn library_path(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(root.join("lib")) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("ebin"))
            .filter(|p| p.is_dir())
            .collect(),
        Err(_) => Vec::new(),
    };
    dirs.sort_by_key(|d| {
        let name = d
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        (!name.starts_with("erts-"), name)
    });
    dirs
}

pub fn erlc(root: &Path) -> Option<PathBuf> {
    let p = root.join("bin").join("erlc");
    if p.is_file() {
        Some(p)
    } else {
        on_path("erlc")
    }
}

/// The cache directory for compiled support code and `.erl` inputs.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("BEAMZ_CACHE_DIR") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return PathBuf::from(d).join("beamz-jit");
    }
    if let Some(h) = std::env::var_os("HOME") {
        return PathBuf::from(h).join(".cache").join("beamz-jit");
    }
    std::env::temp_dir().join("beamz-jit-cache")
}

/// FNV-1a, for cache keys.
pub fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for &b in *p {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Compile `src` with erlc into `outdir`; returns the `.beam` path.
pub fn compile(root: &Path, src: &Path, outdir: &Path) -> Result<PathBuf, String> {
    let (cwd, name) = match (src.parent(), src.file_name()) {
        (Some(d), Some(n)) if !d.as_os_str().is_empty() => (d.to_path_buf(), PathBuf::from(n)),
        _ => (PathBuf::from("."), src.to_path_buf()),
    };
    let mut beams = compile_in(root, &cwd, &[name], outdir)?;
    beams
        .pop()
        .ok_or_else(|| "erlc compiled nothing".to_string())
}

/// Compile the files `names` (relative to `cwd`) with one erlc run into
/// `outdir`; returns their `.beam` paths in order.
fn compile_in(
    root: &Path,
    cwd: &Path,
    names: &[PathBuf],
    outdir: &Path,
) -> Result<Vec<PathBuf>, String> {
    let shown = || {
        names
            .iter()
            .map(|n| cwd.join(n).display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let erlc = erlc(root).ok_or_else(|| {
        format!(
            "cannot compile {}: erlc not found ({INSTALL_HINT})",
            shown()
        )
    })?;
    std::fs::create_dir_all(outdir)
        .map_err(|e| format!("cannot create {}: {e}", outdir.display()))?;
    // Run erlc in the source's directory with the bare file name, so the
    // Line chunk (and so stack traces) names `<module>.erl` as erl shows it.
    let outdir = std::fs::canonicalize(outdir).unwrap_or_else(|_| outdir.to_path_buf());
    let out = Command::new(&erlc)
        .current_dir(cwd)
        .arg("-o")
        .arg(&outdir)
        .args(names)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", erlc.display()))?;
    if !out.status.success() {
        return Err(format!(
            "erlc failed for {}:\n{}{}",
            shown(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    names
        .iter()
        .map(|n| {
            let stem = n
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let beam = outdir.join(format!("{stem}.beam"));
            if beam.is_file() {
                Ok(beam)
            } else {
                Err(format!("erlc wrote no {}", beam.display()))
            }
        })
        .collect()
}

/// A private scratch directory under `dir` for this process's compile.
fn scratch(dir: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    dir.join(format!(
        "tmp-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Compile the sources `(stem, text)` (modules named `stem`) with one erlc
/// run into `dir/stem.beam`; returns the first one's path.
/// Several VMs may do this at once on a cold cache: each compiles in its
/// own scratch directory and renames the results into place atomically, so
/// nobody ever reads a half-written source or `.beam`.
fn compile_into_cache(
    root: &Path,
    sources: &[(&str, &[u8])],
    dir: &Path,
) -> Result<PathBuf, String> {
    let tmp = scratch(dir);
    std::fs::create_dir_all(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    let result = (|| {
        let mut names = Vec::new();
        for (stem, text) in sources {
            let src = tmp.join(format!("{stem}.erl"));
            std::fs::write(&src, text)
                .map_err(|e| format!("cannot write {}: {e}", src.display()))?;
            names.push(PathBuf::from(format!("{stem}.erl")));
        }
        let beams = compile_in(root, &tmp, &names, &tmp)?;
        let mut installed = Vec::new();
        for (beam, (stem, _)) in beams.iter().zip(sources) {
            let target = dir.join(format!("{stem}.beam"));
            std::fs::rename(beam, &target)
                .map_err(|e| format!("cannot install {}: {e}", target.display()))?;
            installed.push(target);
        }
        installed
            .into_iter()
            .next()
            .ok_or_else(|| "nothing to compile".to_string())
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// Compile a user `.erl` into the cache (keyed by path and content).
pub fn compile_cached(root: &Path, src: &Path) -> Result<PathBuf, String> {
    let text = std::fs::read(src).map_err(|e| format!("cannot read {}: {e}", src.display()))?;
    let abs = std::fs::canonicalize(src).unwrap_or_else(|_| src.to_path_buf());
    let key = fnv64(&[abs.to_string_lossy().as_bytes(), &text]);
    let dir = cache_dir().join("erl").join(format!("{key:016x}"));
    let stem = src
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let beam = dir.join(format!("{stem}.beam"));
    if beam.is_file() {
        return Ok(beam);
    }
    // Compiled from a copy, so the Line chunk names `<stem>.erl` as
    // `erlc FILE.erl` run in the file's directory would.
    compile_into_cache(root, &[(&stem, &text)], &dir)
}

/// The directory holding the compiled support modules (`beamz_gl.beam`,
/// `beamz_kernel.beam`), compiling them on first use.
pub fn support_dir(root: &Path) -> Result<PathBuf, String> {
    let key = fnv64(&[
        GL_SOURCE.as_bytes(),
        KERNEL_SOURCE.as_bytes(),
        root.to_string_lossy().as_bytes(),
    ]);
    let dir = cache_dir().join("support").join(format!("{key:016x}"));
    // beamz_gl is renamed into place last: its presence means both are.
    if !dir.join("beamz_gl.beam").is_file() {
        compile_into_cache(
            root,
            &[
                ("beamz_kernel", KERNEL_SOURCE.as_bytes()),
                ("beamz_gl", GL_SOURCE.as_bytes()),
            ],
            &dir,
        )?;
    }
    Ok(dir)
}
