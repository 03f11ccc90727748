//! The `beamz-jit` command line.

use beamz::boot::{self, RunConfig};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "beamz-jit",
    version,
    about = "A BEAM-compatible virtual machine for OTP's .beam files"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Jit {
    /// Interpret everything.
    Off,
    /// Compile functions with Cranelift once they are called often.
    Tiered,
    /// Compile every function when its module is loaded (for testing).
    Eager,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run FILE's main/1 (with ARGS as strings) or main/0, then halt.
    Run {
        /// Execution tier.
        #[arg(long, value_enum, default_value = "tiered")]
        jit: Jit,
        /// Calls before `--jit tiered` compiles a function.
        #[arg(long, value_name = "N", default_value_t = beamz::tier::DEFAULT_THRESHOLD)]
        jit_threshold: u32,
        /// Print what the JIT compiled (functions, time, code size) on stderr at exit.
        #[arg(long)]
        jit_stats: bool,
        /// Write /tmp/perf-<pid>.map so `perf report` names compiled Erlang functions.
        #[arg(long)]
        jit_perf_map: bool,
        /// Print the Cranelift IR of compiled functions whose
        /// `module:function/arity` starts with PATTERN.
        #[arg(long, value_name = "PATTERN")]
        jit_dump: Option<String>,
        /// Add DIR to the front of the code path (repeatable; `-pa` works too).
        #[arg(long = "pa", value_name = "DIR")]
        pa: Vec<PathBuf>,
        /// Scheduler threads (default: one per core, each pinned).
        #[arg(long, value_name = "N", default_value_t = 0)]
        schedulers: usize,
        /// Kill a process whose heap plus stack exceeds WORDS 8-byte words
        /// (like erl's `+hmax`); the default is 2^29 (4 GiB).
        #[arg(long, value_name = "WORDS")]
        max_heap: Option<usize>,
        /// The most processes that may exist at once (like erl's `+P`:
        /// 1024..=134217727, rounded up to a power of two; default 262144).
        /// Spawning past it raises `system_limit`.
        #[arg(long, value_name = "N", value_parser = parse_process_limit)]
        process_limit: Option<usize>,
        /// The OTP installation to read kernel/stdlib from.
        #[arg(long, value_name = "DIR")]
        otp_root: Option<PathBuf>,
        /// A .beam file, or a .erl file (compiled with erlc into a cache).
        file: PathBuf,
        /// Arguments passed to main/1 as strings.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

fn parse_process_limit(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|e| format!("{e}"))?;
    if beamz::vm::PROCESS_LIMIT_RANGE.contains(&n) {
        Ok(n)
    } else {
        Err(format!(
            "bad number of processes {n} (valid range is {:?})",
            beamz::vm::PROCESS_LIMIT_RANGE
        ))
    }
}

fn main() {
    // `-pa DIR` (erl's spelling) is `--pa DIR` to clap; only before FILE.
    let mut argv: Vec<String> = std::env::args().collect();
    let mut seen_file = false;
    for a in argv.iter_mut().skip(2) {
        if seen_file {
            break;
        }
        if a == "-pa" {
            *a = "--pa".to_string();
        } else if !a.starts_with('-') && (a.ends_with(".beam") || a.ends_with(".erl")) {
            seen_file = true;
        }
    }
    let cli = Cli::parse_from(argv);
    let code = match cli.command {
        Cmd::Run {
            jit,
            jit_threshold,
            jit_stats,
            jit_perf_map,
            jit_dump,
            schedulers,
            pa,
            otp_root,
            max_heap,
            process_limit,
            file,
            args,
        } => {
            let mode = match jit {
                Jit::Off => beamz::tier::Mode::Off,
                Jit::Tiered => beamz::tier::Mode::Tiered,
                Jit::Eager => beamz::tier::Mode::Eager,
            };
            beamz::tier::set_mode(mode, jit_threshold);
            beamz::tier::set_perf_map(jit_perf_map);
            beamz::tier::set_stats(jit_stats);
            beamz::tier::set_dump(jit_dump);
            if let Some(w) = max_heap {
                beamz::interp::set_max_process_words(w);
            }
            if let Some(n) = process_limit {
                beamz::vm::set_process_limit(n);
            }
            let code = boot::run(RunConfig {
                schedulers,
                file,
                args,
                pa,
                otp_root,
            });
            if jit_stats {
                beamz::tier::print_stats();
            }
            code
        }
    };
    std::process::exit(code);
}
