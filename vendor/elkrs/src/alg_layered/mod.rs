//! Rust port of `org.eclipse.elk.alg.layered` — ELK's layer-based
//! layout algorithm.

pub mod compaction;
pub mod components;
pub mod compound;
pub mod configurator;
pub mod elk_layered;
pub mod graph;
pub mod importer;
pub mod internal_properties;
pub mod lgraph_adapters;
pub mod lgraph_util;
pub mod loops;
pub mod options_gen;
pub mod p1cycles;
pub mod p2layers;
pub mod p3order;
pub mod p4nodes;
pub mod p5edges;
pub mod phases;
pub mod processors;
pub mod provider;
pub mod transferrer;
pub mod spacings;
