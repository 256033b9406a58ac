
pub mod cell_system_configurator;
pub mod horizontal_port_placement_size_calculator;
pub mod inside_port_label_cell_creator;
pub mod label_placer;
pub mod node_label_and_size_utilities;
pub mod node_label_cell_creator;
pub mod node_size_calculator;
pub mod port_context_creator;
pub mod port_label_placement_calculator;
pub mod port_placement_calculator;
pub mod vertical_port_placement_size_calculator;
