//! beamz-cranelift: compiles one Erlang function at a time from the
//! runtime's BEAM-shaped IR ([`ir`]) to machine code with Cranelift.
//!
//! The runtime owns everything else: it builds the IR, supplies the field
//! offsets and helpers ([`abi`]), installs the returned code and calls it
//! through its trampoline. This crate never sees a runtime type.
//!
//! - [`abi`]: context block, status codes, term layout, helper table.
//! - [`ir`]: the ops.
//! - `codegen`: op → Cranelift IR.

pub mod abi;
mod codegen;
pub mod ir;

use cranelift_codegen::ir::UserFuncName;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use std::time::{Duration, Instant};

pub use codegen::OpCounts;

/// A compiled function: `extern "C" fn(ctx, ip) -> status`.
pub type NativeFn = unsafe extern "C" fn(*mut abi::Ctx, u32) -> u32;

/// What compiling one function produced.
pub struct Compiled {
    pub code: NativeFn,
    pub address: usize,
    pub size: usize,
    pub time: Duration,
    pub counts: OpCounts,
    /// The Cranelift IR, when asked for.
    pub clif: Option<String>,
}

#[derive(Debug)]
pub struct JitError(pub String);

impl std::fmt::Display for JitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JitError {}

fn err(e: impl std::fmt::Display) -> JitError {
    JitError(e.to_string())
}

/// The compiler and the executable memory of everything it compiled.
/// Code is never freed (modules are never unloaded).
pub struct Jit {
    module: JITModule,
    fctx: FunctionBuilderContext,
    layout: abi::Layout,
    helpers: abi::Helpers,
    count: u64,
}

// SAFETY: the JIT module's state is only touched through `&mut self`; the
// runtime keeps the `Jit` behind a mutex. Finalized code is immutable.
unsafe impl Send for Jit {}

impl Jit {
    pub fn new(layout: abi::Layout, helpers: abi::Helpers) -> Result<Jit, JitError> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").map_err(err)?;
        flags.set("use_colocated_libcalls", "false").map_err(err)?;
        flags.set("is_pic", "false").map_err(err)?;
        // The IR is built by our own codegen, whose output the runtime's
        // tests run under every tier; the verifier costs ~10% of compile time.
        flags.set("enable_verifier", "false").map_err(err)?;
        let isa = cranelift_native::builder()
            .map_err(err)?
            .finish(settings::Flags::new(flags))
            .map_err(err)?;
        let builder = JITBuilder::with_isa(isa, default_libcall_names());
        Ok(Jit {
            module: JITModule::new(builder),
            fctx: FunctionBuilderContext::new(),
            layout,
            helpers,
            count: 0,
        })
    }

    /// Compile `f`; with `dump`, also return its Cranelift IR.
    pub fn compile(&mut self, f: &ir::Function, dump: bool) -> Result<Compiled, JitError> {
        let t0 = Instant::now();
        let cc = self.module.isa().default_call_conv();
        let sig = codegen::function_signature(cc);
        self.count += 1;
        let name = format!("beamz_fn_{}", self.count);
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &sig)
            .map_err(err)?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, self.count as u32);
        let counts = {
            let b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let fe = self.module.isa().frontend_config();
            codegen::Gen::new(b, f, self.layout, self.helpers, cc, fe).emit()
        };
        let clif = dump.then(|| ctx.func.display().to_string());
        self.module.define_function(id, &mut ctx).map_err(err)?;
        let size = ctx
            .compiled_code()
            .map(|c| c.code_info().total_size as usize)
            .unwrap_or(0);
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().map_err(err)?;
        let p = self.module.get_finalized_function(id);
        // SAFETY: `p` is the entry of a function just compiled with
        // `function_signature`, which is `NativeFn`'s C signature.
        let code = unsafe { std::mem::transmute::<*const u8, NativeFn>(p) };
        Ok(Compiled {
            code,
            address: p as usize,
            size,
            time: t0.elapsed(),
            counts,
            clif,
        })
    }
}
