//! The reader's position, asked of the browser only when they tap "Near me"
//! (`navigator.geolocation.getCurrentPosition`, a coarse fix, a cached one up to ten minutes
//! old). It is returned to the caller and kept nowhere: not in storage, not in the URL, and no
//! request carries it.

use crate::model::places::near::Point;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why there is no position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoPosition {
    /// The reader (or the page's permissions policy) said no.
    Denied,
    /// The browser has no geolocation, could not find the position, or took too long.
    Unavailable,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

pub async fn position() -> Result<Point, NoPosition> {
    let geolocation = get(&js_sys::global(), "navigator")
        .and_then(|n| get(&n, "geolocation"))
        .ok_or(NoPosition::Unavailable)?;
    let ask = get(&geolocation, "getCurrentPosition")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(NoPosition::Unavailable)?;
    let options = Object::new();
    for (key, value) in [
        ("enableHighAccuracy", JsValue::FALSE),
        ("maximumAge", 600_000.into()),
        ("timeout", 20_000.into()),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value);
    }
    // The promise's own resolve and reject are the success and error callbacks.
    let asked = Promise::new(&mut |resolve, reject| {
        if ask.call3(&geolocation, &resolve, &reject, &options).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    match JsFuture::from(asked).await {
        Ok(found) => {
            let coords = get(&found, "coords").ok_or(NoPosition::Unavailable)?;
            let number = |key| get(&coords, key).and_then(|v| v.as_f64());
            Ok(Point {
                lat: number("latitude").ok_or(NoPosition::Unavailable)?,
                lon: number("longitude").ok_or(NoPosition::Unavailable)?,
            })
        }
        // GeolocationPositionError.PERMISSION_DENIED is 1.
        Err(e) if get(&e, "code").and_then(|c| c.as_f64()) == Some(1.0) => Err(NoPosition::Denied),
        Err(_) => Err(NoPosition::Unavailable),
    }
}
