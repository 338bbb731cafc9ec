//! Code that is not in the widget's first wasm module. A function defined with [`later!`] is
//! moved by the build's split step (`tools/build-wasm.sh`, `wasm-split-cli`) into a module of
//! its own, which the browser fetches the first time the function is called, or earlier when
//! its preload function is (`preload_later` in `components/listings.rs`, once the page is idle).
//! A fetch that fails is an error, [`NotLoaded`], that the caller shows with Retry; the next
//! call fetches again. Without the `split` feature (native builds, and the wasm test build,
//! which no split step follows) the function is an ordinary async one in the one module.

/// The module with this code could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// `later! { pub fn name / preload_name(args) -> T { body } }` defines
/// `async fn name(args) -> Result<T, NotLoaded>`, and
/// `async fn preload_name() -> Result<(), NotLoaded>`, which fetches its module.
macro_rules! later {
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident / $preload:ident ($($arg:ident: $ty:ty),* $(,)?)
        -> $ret:ty $body:block
    ) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::edge::later::NotLoaded> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::edge::later::NotLoaded> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $vis async fn $preload() -> Result<(), $crate::edge::later::NotLoaded> {
            Ok(())
        }
    };
}
pub(crate) use later;
