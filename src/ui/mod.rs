//! The views: one component per file, named after it. They render and dispatch; the arithmetic
//! lives in `domain`.

pub mod add_meeting;
pub mod app;
pub mod browser;
pub mod cell_profile_form;
pub mod choice_field;
pub mod district_state;
pub mod district_table;
pub mod district_view;
pub mod export_panel;
pub mod facts_form;
pub mod guide_panel;
pub mod import_panel;
pub mod loss_chart;
pub mod meeting_sheet;
pub mod meeting_summary;
pub mod narrative_form;
pub mod notice_banner;
pub mod offline_status;
pub mod print_report;
pub mod progress_bar;
pub mod pwa;
pub mod quarter_picker;
pub mod quarter_summary;
pub mod quarter_view;
pub mod rating_chart;
pub mod registry_panel;
pub mod result_detail;
pub mod rubric_item;
pub mod saved_quarters;
pub mod signing_key_panel;
pub mod state;
pub mod text_field;
pub mod training_bar;
pub mod training_demo;
pub mod verify_panel;
