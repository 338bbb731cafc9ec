//! User Timing marks for the benchmark (`bench/run.mjs` reads them): how long parsing and
//! indexing a feed take, and when the listings are on the page. Cheap, local, never sent.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Runs `f`, recording its duration as the performance measure `upcoming-meetings:<name>`.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let name = format!("upcoming-meetings:{name}");
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = performance() {
        let _ = p.mark(&start);
    }
    let value = f();
    if let Some(p) = performance() {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(&name, &start, &end);
    }
    value
}

/// Marks a moment as `upcoming-meetings:<name>`.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("upcoming-meetings:{name}"));
    }
}
