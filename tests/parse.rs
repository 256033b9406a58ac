//! Parser: syntax trees and syntax diagnostics.
