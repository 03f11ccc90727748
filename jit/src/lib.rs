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
pub mod liveness;

use cranelift_codegen::ir::{types, AbiParam, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::CallConv;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module};
use std::time::{Duration, Instant};

pub use codegen::OpCounts;

/// How the runtime runs compiled code: `enter(ctx, ip, code)` calls the
/// compiled function at address `code` (Cranelift's `tail` convention, so
/// compiled functions can tail-call each other) and returns its status.
pub type EnterFn = unsafe extern "C" fn(*mut abi::Ctx, u32, usize) -> u32;

/// What compiling one function produced.
pub struct Compiled {
    /// Entry address of `fn(ctx, ip) -> status` in the `tail` convention:
    /// run it through [`Jit::enter`].
    pub code: usize,
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
    enter: EnterFn,
    /// Reused for every function, so the register allocator's and the
    /// optimiser's buffers are allocated once rather than per function.
    ctx: cranelift_codegen::Context,
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
        // Cranelift's tail calls (compiled functions calling each other)
        // rely on frame pointers.
        flags.set("preserve_frame_pointers", "true").map_err(err)?;
        // The IR is built by our own codegen, whose output the runtime's
        // tests run under every tier; the verifier costs ~10% of compile time.
        flags.set("enable_verifier", "false").map_err(err)?;
        let isa = cranelift_native::builder()
            .map_err(err)?
            .finish(settings::Flags::new(flags))
            .map_err(err)?;
        let builder = JITBuilder::with_isa(isa, default_libcall_names());
        let mut module = JITModule::new(builder);
        let mut fctx = FunctionBuilderContext::new();
        let enter = build_enter(&mut module, &mut fctx)?;
        let ctx = module.make_context();
        Ok(Jit {
            module,
            fctx,
            layout,
            helpers,
            count: 0,
            enter,
            ctx,
        })
    }

    /// The shim the runtime calls compiled code through.
    pub fn enter(&self) -> EnterFn {
        self.enter
    }

    /// Compile `f`; with `dump`, also return its Cranelift IR.
    pub fn compile(&mut self, f: &ir::Function, dump: bool) -> Result<Compiled, JitError> {
        let t0 = Instant::now();
        let cc = self.module.isa().default_call_conv();
        let sig = codegen::function_signature(CallConv::Tail);
        self.count += 1;
        // (perf learns the name from the runtime's own perf map)
        let id = self.module.declare_anonymous_function(&sig).map_err(err)?;
        // (cleared before use, not after: an error return leaves it dirty)
        let ctx = &mut self.ctx;
        self.module.clear_context(ctx);
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, self.count as u32);
        let counts = {
            let b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let fe = self.module.isa().frontend_config();
            codegen::Gen::new(b, f, self.layout, self.helpers, cc, fe).emit()
        };
        let mut clif = dump.then(|| ctx.func.display().to_string());
        ctx.set_disasm(dump);
        self.module.define_function(id, ctx).map_err(err)?;
        if let (Some(c), Some(v)) = (
            clif.as_mut(),
            ctx.compiled_code().and_then(|c| c.vcode.as_ref()),
        ) {
            c.push_str("\n; machine code\n");
            c.push_str(v);
        }
        let size = ctx
            .compiled_code()
            .map(|c| c.code_info().total_size as usize)
            .unwrap_or(0);
        self.module.finalize_definitions().map_err(err)?;
        let p = self.module.get_finalized_function(id);
        let code = p as usize;
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

/// Compile `enter(ctx, ip, code) -> status` (the platform's C convention):
/// a call of `code(ctx, ip)` in the `tail` convention.
fn build_enter(
    module: &mut JITModule,
    fctx: &mut FunctionBuilderContext,
) -> Result<EnterFn, JitError> {
    let cc = module.isa().default_call_conv();
    let mut sig = Signature::new(cc);
    sig.params.push(AbiParam::new(types::I64));
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let id = module
        .declare_function("beamz_enter", Linkage::Local, &sig)
        .map_err(err)?;
    let mut ctx = module.make_context();
    ctx.func.signature = sig;
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
        let callee = b.import_signature(codegen::function_signature(CallConv::Tail));
        let blk = b.create_block();
        b.append_block_params_for_function_params(blk);
        b.switch_to_block(blk);
        let p = b.block_params(blk).to_vec();
        let call = b.ins().call_indirect(callee, p[2], &[p[0], p[1]]);
        let r = b.inst_results(call)[0];
        b.ins().return_(&[r]);
        b.seal_all_blocks();
        b.finalize(module.isa().frontend_config());
    }
    module.define_function(id, &mut ctx).map_err(err)?;
    module.clear_context(&mut ctx);
    module.finalize_definitions().map_err(err)?;
    let p = module.get_finalized_function(id);
    // SAFETY: `p` is the entry of the function just compiled with the C
    // signature `(i64, i32, i64) -> i32`, which is `EnterFn`.
    Ok(unsafe { std::mem::transmute::<*const u8, EnterFn>(p) })
}
