pub mod comparison_table;
pub mod site_chrome;
