use std::process::ExitCode;

fn main() -> ExitCode {
    ctg::run(ctg::cli::parse())
}

/// C's `log2`, the one function of the maths library the program links:
/// zopfli, a compressor that `zip` brings with its `deflate` feature, calls
/// it at levels `ctg` never asks for. Defined here by rust-lang's pure Rust
/// `libm`, the program needs no libm.so, whose loading at every start cost
/// a fifth of a hello world's run (docs/speed.md, **Start-up**).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[unsafe(no_mangle)]
pub extern "C" fn log2(x: f64) -> f64 {
    libm::log2(x)
}
