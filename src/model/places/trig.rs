//! The trigonometry of "Near me" (`near.rs`). Natively it is the standard library's; in the
//! browser it is the browser's own `Math`, so the widget's wasm carries no copy of libm's sine,
//! cosine and arc functions (bench/results.md has what that saved). Both follow IEEE 754 doubles;
//! they may differ in the last bit, far below a metre.

#[cfg(target_arch = "wasm32")]
pub use js_sys::Math::{asin, atan2, cos, sin};

#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn asin(x: f64) -> f64 {
    x.asin()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}
